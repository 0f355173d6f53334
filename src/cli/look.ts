// Applies the config's look section (src/config/sections/look.ts) before the first frame:
// the theme (NO_COLOR / TERM=dumb override it), mouse reporting, and the first sort of
// each list. Returns what createAppContext takes, and warnings for the status line.
import { DEFAULT_LOOK, type LookSettings } from '../config/sections/look.js';
import { RESOURCE_KINDS, sortKeysOf, type ResourceKind } from '../resources/queries.js';
import type { ListId, ListSort, UiDefaults } from '../app/ui-state.js';
import { applyTheme, colourForbidden } from '../ui/theme.js';
import { setMouseReporting } from './terminal.js';
import { unknownColumns } from '../resources/choose-columns.js';
import { descriptorOf } from '../resources/registry.js';
import type { EngineSession } from '../state/session.js';

export interface AppliedLook {
  defaults: UiDefaults;
  columns: Partial<Record<ListId, readonly string[]>>;
  warnings: string[];
}

const isKind = (k: string): k is ResourceKind => (RESOURCE_KINDS as readonly string[]).includes(k);

export function applyLook(look: LookSettings = DEFAULT_LOOK, env: NodeJS.ProcessEnv = process.env): AppliedLook {
  const noColour = colourForbidden(env);
  applyTheme(look.theme, look.colors, noColour);
  setMouseReporting(look.mouse);
  const warnings: string[] = [];
  const sorts: Partial<Record<ListId, ListSort>> = {};
  for (const [list, { by, order }] of Object.entries(look.sort)) {
    const key = isKind(list) ? sortKeysOf(list).find((k) => k.id === by) : undefined;
    if (!key || !isKind(list)) {
      warnings.push(`config: sort.${list}: ${isKind(list) ? `${list} cannot be sorted by ${by}` : `no list named ${list}`} — ignored`);
      continue;
    }
    sorts[list] = { key: by, desc: order ? order === 'desc' : (key.desc ?? false) };
  }
  const columns: Partial<Record<ListId, readonly string[]>> = {};
  for (const [list, titles] of Object.entries(look.columns)) {
    if (isKind(list)) columns[list] = titles;
    else warnings.push(`config: columns.${list}: no list named ${list} — ignored`);
  }
  return { defaults: { sorts, colour: !noColour && look.theme !== 'mono' }, columns, warnings };
}

/** Config column titles no list has (a typo would otherwise just hide the column). */
export function columnWarnings(columns: Partial<Record<ListId, readonly string[]>>, session: EngineSession): string[] {
  return Object.entries(columns).flatMap(([list, wanted]) => {
    if (!wanted || !isKind(list)) return [];
    const unknown = unknownColumns(descriptorOf(list).columns({ session, now: Date.now() }), wanted);
    return unknown.length > 0 ? [`config: columns.${list}: no column ${unknown.join(', ')} — ignored`] : [];
  });
}
