// Help overlay rows, hint-bar text and the README table, all from the keymap.
import { type KeyAction, type Scope, SCOPE_TITLES } from './keymap.js';
import { displayKey } from './match.js';

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

/** "j move · Tab pane · / filter …" for the scopes in effect, first scope first. */
export function hintText(keymap: readonly KeyAction[], scopes: readonly Scope[]): string {
  const seen = new Set<string>();
  const parts: string[] = [];
  for (const scope of scopes) {
    for (const action of keymap) {
      if (action.scope !== scope || !action.hint || seen.has(action.hint)) continue;
      seen.add(action.hint);
      parts.push(`${displayKey(action.keys[0]!)} ${action.hint}`);
    }
  }
  return parts.join(' · ');
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
