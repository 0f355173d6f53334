// Selection sticks to the row the person picked, not to its position. Every list keeps
// `selectedKey` pinned: while it is missing (nothing moved yet, a filter was just typed)
// it is set to the row under the cursor, and when the row moves (a container created
// above it) the cursor follows it. Only when the selected row disappears does the
// neighbour at the same position take over. Without this, an `s` pressed just after a
// new container appeared above would stop the new one. Marks are followed here too: the
// mark of a row that is gone is dropped.
import type { Store } from '../state/store.js';
import type { EngineSession } from '../state/session.js';
import { RESOURCE_KINDS, RESOURCE_QUERIES } from '../resources/queries.js';
import { filterRows } from './selectors.js';
import { withList, type ListUi, type UiState } from './ui-state.js';

/** The list state with its selection pinned to a key in `keys` (the same object if already). */
export function pinnedList(keys: readonly string[], list: ListUi): ListUi {
  if (keys.length === 0) return list;
  if (list.selectedKey !== undefined) {
    if (keys[list.cursor] === list.selectedKey) return list;
    const found = keys.indexOf(list.selectedKey);
    if (found >= 0) return { ...list, cursor: found };
  }
  const cursor = Math.min(Math.max(list.cursor, 0), keys.length - 1);
  return { ...list, cursor, selectedKey: keys[cursor] };
}

/**
 * The marks (Space) of rows still listed: a mark goes with its row, so a volume removed
 * and created again under the same name comes back unmarked. Filtered-out rows keep theirs.
 */
export function keptMarks(rowKeys: ReadonlySet<string>, list: ListUi): ListUi {
  if (!list.marks) return list;
  const kept = [...list.marks].filter((k) => rowKeys.has(k));
  if (kept.length === list.marks.size) return list;
  return { ...list, marks: kept.length > 0 ? new Set(kept) : undefined };
}

function pinAll(session: EngineSession, ui: Store<UiState>): void {
  const state = ui.get();
  let next = state;
  for (const kind of RESOURCE_KINDS) {
    const list = next.lists[kind];
    const listed = session.list(kind).store.get();
    const keys = filterRows(kind, listed.rows, list, session).keys;
    let pinned = pinnedList(keys, list);
    // Only a list read from the engine says a row is gone (not one still loading).
    if (listed.loaded && pinned.marks) pinned = keptMarks(new Set(listed.rows.map(RESOURCE_QUERIES[kind].rowKey)), pinned);
    if (pinned !== list) next = withList(next, kind, pinned);
  }
  if (next !== state) ui.set(next);
}

/** Keeps every list's selection pinned for as long as the app runs (follows engine switches). */
export function pinSelections(sessions: Store<EngineSession>, ui: Store<UiState>): () => void {
  let unsubscribeLists: Array<() => void> = [];
  const watch = () => {
    for (const off of unsubscribeLists) off();
    const session = sessions.get();
    const pin = () => pinAll(sessions.get(), ui);
    unsubscribeLists = RESOURCE_KINDS.map((kind) => session.list(kind).store.subscribe(pin));
    pin();
  };
  const offSessions = sessions.subscribe(watch);
  // A filter typed or cleared drops the key: pin again at once. pinAll is idempotent, so
  // the update it makes does not loop.
  const offUi = ui.subscribe(() => pinAll(sessions.get(), ui));
  watch();
  return () => {
    offSessions();
    offUi();
    for (const off of unsubscribeLists) off();
  };
}
