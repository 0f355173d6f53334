// Moving the selection in a list and scrolling the detail pane. Pure functions over
// the UI state; the controller decides which one a key means.
import { selectedIndex, withList, type ListId, type UiState } from './ui-state.js';

export type Move = 'up' | 'down' | 'pageUp' | 'pageDown' | 'home' | 'end';

function target(move: Move, index: number, count: number, page: number): number {
  switch (move) {
    case 'up':
      return index - 1;
    case 'down':
      return index + 1;
    case 'pageUp':
      return index - page;
    case 'pageDown':
      return index + page;
    case 'home':
      return 0;
    case 'end':
      return count - 1;
  }
}

/** The index a move lands on in a list of `count` rows (clamped). */
export function moveIndex(move: Move, index: number, count: number, page: number): number {
  if (count === 0) return 0;
  return Math.max(0, Math.min(count - 1, target(move, index, count, page)));
}

export function moveSelection(state: UiState, id: ListId, keys: readonly string[], move: Move, page: number): UiState {
  if (keys.length === 0) return state;
  const current = selectedIndex(keys, state.lists[id]);
  const next = Math.max(0, Math.min(keys.length - 1, target(move, current, keys.length, page)));
  if (next === current && state.lists[id].selectedKey === keys[next]) return state;
  const moved = withList(state, id, { cursor: next, selectedKey: keys[next] });
  // A new container means a new log: start it following from the end.
  return id === 'containers' ? { ...moved, logScroll: { topSeq: null }, topScroll: 0 } : moved;
}

export function scrollTop(state: UiState, move: Move, total: number, height: number): UiState {
  const max = Math.max(0, total - height);
  let next = target(move, state.topScroll, total, height);
  if (move === 'end') next = max;
  next = Math.max(0, Math.min(max, next));
  return next === state.topScroll ? state : { ...state, topScroll: next };
}
