// Scrolling the Logs tab over the rows it shows (all lines, or a filter's matches).
// The position is an absolute line number, so lines dropped from the front of the
// buffer, or new lines at the end, do not move what a paused reader is looking at.
import type { Move } from './navigation.js';
import type { UiState } from './ui-state.js';
import type { LogRows } from '../state/log-index.js';

/** Index of the first row shown when following the end. */
export function bottomIndex(rows: LogRows, height: number): number {
  return Math.max(0, rows.count - height);
}

/** Index of the first row shown now. */
export function topIndex(rows: LogRows, topSeq: number | null, height: number): number {
  if (topSeq === null) return bottomIndex(rows, height);
  return Math.min(rows.indexOf(topSeq), bottomIndex(rows, height));
}

export function scrollRows(state: UiState, rows: LogRows, move: Move, height: number): UiState {
  const bottom = bottomIndex(rows, height);
  const current = topIndex(rows, state.logScroll.topSeq, height);
  let next: number;
  switch (move) {
    case 'up':
      next = current - 1;
      break;
    case 'down':
      next = current + 1;
      break;
    case 'pageUp':
      next = current - height;
      break;
    case 'pageDown':
      next = current + height;
      break;
    case 'home':
      next = 0;
      break;
    case 'end':
      next = bottom;
      break;
  }
  next = Math.max(0, Math.min(bottom, next));
  // Reaching the end again resumes following (End always does).
  const topSeq = next >= bottom || rows.count === 0 ? null : rows.seqAt(next);
  if (topSeq === state.logScroll.topSeq) return state;
  return { ...state, logScroll: { topSeq } };
}

/** f: pause where the view is, or follow again. */
export function toggleFollow(state: UiState, rows: LogRows, height: number): UiState {
  if (state.logScroll.topSeq !== null) return { ...state, logScroll: { topSeq: null } };
  if (rows.count === 0) return state;
  return { ...state, logScroll: { topSeq: rows.seqAt(topIndex(rows, null, height)) } };
}

/** Scrolls so that line `seq` is on screen, a couple of rows below the top. */
export function revealSeq(state: UiState, rows: LogRows, seq: number, height: number): UiState {
  const index = rows.indexOf(seq);
  const top = Math.max(0, Math.min(bottomIndex(rows, height), index - 2));
  const topSeq = rows.count === 0 ? null : rows.seqAt(top);
  return { ...state, logScroll: { topSeq } };
}
