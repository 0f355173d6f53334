// The first row a windowed list shows, kept across renders (scrollTop keeps the previous
// top while the selection stays inside the window). A hook of its own so that the pane
// that owns a table can know which rows are on screen in the same render as the table
// (its clock ticks for those rows only), instead of learning it a frame later.
import { useRef } from 'react';
import { scrollTop } from './scroll-window.js';

export function useScrollTop(selected: number, height: number, total: number): number {
  const topRef = useRef(0);
  const top = scrollTop(topRef.current, selected, height, total);
  topRef.current = top;
  return top;
}
