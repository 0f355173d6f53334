// Which rows a windowed list shows. Keeps the previous top row while the selection
// stays inside the window, so moving the cursor does not re-centre the page.

export function scrollTop(previousTop: number, selected: number, height: number, total: number): number {
  if (height <= 0 || total <= height) return 0;
  let top = Math.min(Math.max(previousTop, 0), total - height);
  if (selected < top) top = selected;
  else if (selected >= top + height) top = selected - height + 1;
  return Math.max(0, Math.min(top, total - height));
}

export interface ColumnWidthSpec {
  width?: number;
  /** Share of the space left after fixed columns; columns without width get 1. */
  grow?: number;
  minWidth?: number;
}

/** Fixed columns get their width, the rest share what is left (one space between). */
export function columnWidths(specs: readonly ColumnWidthSpec[], total: number, gap = 1): number[] {
  const fixed = specs.reduce((sum, s) => sum + (s.width ?? 0), 0);
  const gaps = Math.max(0, specs.length - 1) * gap;
  const flex = specs.filter((s) => s.width === undefined);
  const weight = flex.reduce((sum, s) => sum + (s.grow ?? 1), 0);
  const free = Math.max(0, total - fixed - gaps);
  const widths = specs.map((s) => {
    if (s.width !== undefined) return s.width;
    return Math.max(s.minWidth ?? 0, Math.floor((free * (s.grow ?? 1)) / weight));
  });
  // Hand the rounding remainder to the first flexible column.
  const used = widths.reduce((a, b) => a + b, 0) + gaps;
  const firstFlex = specs.findIndex((s) => s.width === undefined);
  if (firstFlex >= 0 && used < total) widths[firstFlex]! += total - used;
  return widths;
}
