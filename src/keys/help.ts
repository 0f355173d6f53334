// Help overlay rows, hint-bar text and the README table, all from the keymap.
import { type KeyAction, type Scope, SCOPE_TITLES } from './keymap.js';
import { displayKey } from './match.js';
import { cellWidth } from '../text/width.js';

export interface HelpSection {
  title: string;
  rows: Array<{ keys: string; help: string }>;
}

export function helpSections(keymap: readonly KeyAction[]): HelpSection[] {
  const order = Object.keys(SCOPE_TITLES) as Scope[];
  return order
    .map((scope) => ({
      title: SCOPE_TITLES[scope],
      rows: keymap.filter((a) => a.scope === scope).map((a) => ({ keys: a.keys.map(displayKey).join(' '), help: a.help })),
    }))
    .filter((s) => s.rows.length > 0);
}

const SEPARATOR = ' · ';

/**
 * "j move · Tab pane · / filter …" for the scopes in effect, first scope first (the
 * focused pane's own keys matter most). Given a width, whole hints that do not fit are
 * left out rather than one being cut mid-word, and the help key, which lists the rest,
 * is kept at the end.
 */
export function hintText(keymap: readonly KeyAction[], scopes: readonly Scope[], width = Infinity): string {
  const seen = new Set<string>();
  // Keys an earlier (more specific) scope binds: there they do that scope's action, so a
  // later scope's hint for the same key would lie (t tag of an image, where t shows Top).
  const taken = new Set<string>();
  const parts: string[] = [];
  let help: string | undefined;
  for (const scope of scopes) {
    const inScope = keymap.filter((a) => a.scope === scope);
    for (const action of inScope) {
      const key = action.keys[0] ?? '';
      if (!action.hint || seen.has(action.hint) || taken.has(key)) continue;
      seen.add(action.hint);
      const part = `${displayKey(key)} ${action.hint}`;
      if (action.id === 'help') help = part;
      parts.push(part);
    }
    for (const action of inScope) for (const k of action.keys) taken.add(k);
  }
  const all = parts.join(SEPARATOR);
  if (cellWidth(all) <= width) return all;
  const rest = help ? parts.filter((p) => p !== help) : parts;
  const reserve = help ? cellWidth(SEPARATOR + help) : 0;
  const kept: string[] = [];
  let used = 0;
  for (const part of rest) {
    const add = (kept.length ? SEPARATOR.length : 0) + cellWidth(part);
    if (used + add + reserve > width) break;
    kept.push(part);
    used += add;
  }
  if (help && used + (kept.length ? reserve : cellWidth(help)) <= width) kept.push(help);
  return kept.join(SEPARATOR);
}

export function keymapMarkdown(keymap: readonly KeyAction[]): string {
  const lines = ['| where | keys | action |', '|---|---|---|'];
  for (const section of helpSections(keymap)) {
    for (const row of section.rows) {
      lines.push(`| ${section.title} | ${row.keys.replace(/\|/g, '\\|')} | ${row.help} |`);
    }
  }
  return lines.join('\n');
}
