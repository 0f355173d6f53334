// The header's second line: every pane as a tab with its key (1 Containers  2 Images …),
// the one in front highlighted. Keys and order come from the keymap (`pane.*`), names from
// the descriptors; the swarm panes only where the engine is a swarm manager (or one is in
// front). A narrow terminal gets short names, then the keys alone: the key is the point.
import type { ActionId, KeyAction } from '../keys/keymap.js';
import { displayKey } from '../keys/match.js';
import { RESOURCE_KINDS, type ResourceKind } from '../resources/queries.js';
import { RESOURCES } from '../resources/registry.js';
import { cellWidth } from '../text/width.js';
import type { ListId, PaneId, UiState } from './ui-state.js';

export interface PaneTab {
  action: ActionId;
  pane: PaneId;
  key: string;
  /** What is drawn after the key: the name, a short one, or nothing. */
  label: string;
  current: boolean;
  /** Cells from the left edge: [from, to), for mouse clicks (src/app/screen-map.ts). */
  from: number;
  to: number;
}

/** The panes that are not a resource kind; a kind's names come from its descriptor. */
const OWN_PANES: Record<Exclude<PaneId, ListId>, { name: string; short: string }> = {
  detail: { name: 'Detail', short: 'Det' },
  engine: { name: 'Engine', short: 'Eng' },
  engines: { name: 'Engines', short: 'Engs' },
};

const kindOf = (pane: PaneId): ResourceKind | undefined => (pane in OWN_PANES ? undefined : (pane as ResourceKind));

function paneOf(action: string): PaneId | undefined {
  const pane = action.slice('pane.'.length);
  if (pane === 'engine' || pane === 'engines') return pane;
  return (RESOURCE_KINDS as readonly string[]).includes(pane) ? (pane as ResourceKind) : undefined;
}

function nameOf(pane: PaneId): { name: string; short: string } {
  const kind = kindOf(pane);
  if (!kind) return OWN_PANES[pane as Exclude<PaneId, ListId>];
  const { title, shortTitle } = RESOURCES[kind];
  return { name: title, short: shortTitle ?? title.slice(0, 4) };
}

const swarmOnly = (pane: PaneId): boolean => {
  const kind = kindOf(pane);
  return kind !== undefined && RESOURCES[kind].swarmOnly === true;
};

/** The pane in front: the detail pane counts as the list it belongs to. */
export function frontPane(s: UiState): PaneId {
  return s.focus === 'detail' ? s.lastList : s.focus;
}

/** The tabs that fit in `width` cells, each drawn as " key label " (the current one inverse). */
export function paneTabs(keymap: readonly KeyAction[], s: UiState, width: number, swarmManager: boolean): PaneTab[] {
  const front = frontPane(s);
  const panes = keymap.flatMap((a) => {
    const pane = a.id.startsWith('pane.') ? paneOf(a.id) : undefined;
    const key = a.keys[0];
    if (!pane || key === undefined) return [];
    if (swarmOnly(pane) && !swarmManager && pane !== front) return [];
    return [{ action: a.id as ActionId, pane, key: displayKey(key), ...nameOf(pane) }];
  });
  const place = (label: (p: (typeof panes)[number]) => string): PaneTab[] => {
    let x = 0;
    return panes.map((p) => {
      const text = label(p);
      const from = x;
      x += cellWidth(p.key) + (text ? 1 + cellWidth(text) : 0) + 2;
      return { action: p.action, pane: p.pane, key: p.key, label: text, current: p.pane === front, from, to: x };
    });
  };
  const fits = (tabs: PaneTab[]) => (tabs.at(-1)?.to ?? 0) <= width;
  const full = place((p) => p.name);
  if (fits(full)) return full;
  const short = place((p) => p.short);
  if (fits(short)) return short;
  // The current pane keeps its name; the others only their keys.
  const keys = place((p) => (p.pane === front ? p.short : ''));
  return fits(keys) ? keys : place(() => '');
}
