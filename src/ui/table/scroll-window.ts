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
  /**
   * Width a flexible column should keep before optional columns are added (at least
   * minWidth): a name cut to its minimum is worth less than a CREATED column.
   */
  wantWidth?: number;
  /**
   * Columns with a priority are left out (width 0) when the table is too narrow for
   * them: the lowest number is kept first, and a narrower, less important column can
   * still fit where a wider one did not. Columns without one are always shown.
   */
  priority?: number;
}

/** Cells a column needs to be worth showing. */
function need(s: ColumnWidthSpec): number {
  return s.width ?? Math.max(1, s.minWidth ?? 1, s.wantWidth ?? 1);
}

/** Which columns are shown in `total` cells: every column without a priority, then by priority while they fit. */
function shownColumns(specs: readonly ColumnWidthSpec[], total: number, gap: number): boolean[] {
  const shown = specs.map((s) => s.priority === undefined);
  let used = specs.reduce((sum, s, i) => (shown[i] ? sum + need(s) + gap : sum), 0) - gap;
  const optional = specs
    .map((s, i) => i)
    .filter((i) => !shown[i])
    .sort((a, b) => specs[a]!.priority! - specs[b]!.priority!);
  for (const i of optional) {
    const extra = need(specs[i]!) + (used > 0 ? gap : 0);
    if (used + extra > total) continue;
    shown[i] = true;
    used += extra;
  }
  return shown;
}

/**
 * Fixed columns get their width, the rest share what is left (one space between).
 * A column left out for lack of room (see `priority`) gets width 0.
 */
export function columnWidths(specs: readonly ColumnWidthSpec[], total: number, gap = 1): number[] {
  const shown = shownColumns(specs, total, gap);
  const kept = specs.filter((_, i) => shown[i]);
  const fixed = kept.reduce((sum, s) => sum + (s.width ?? 0), 0);
  const gaps = Math.max(0, kept.length - 1) * gap;
  const weight = kept.filter((s) => s.width === undefined).reduce((sum, s) => sum + (s.grow ?? 1), 0);
  // Flexible columns first get their minimum, then share what is left by weight, so
  // minimums never push the row past `total` when the shown columns fit.
  const mins = kept.reduce((sum, s) => sum + (s.width === undefined ? (s.minWidth ?? 0) : 0), 0);
  const free = Math.max(0, total - fixed - gaps - mins);
  const widths = specs.map((s, i) => {
    if (!shown[i]) return 0;
    if (s.width !== undefined) return s.width;
    return (s.minWidth ?? 0) + Math.floor((free * (s.grow ?? 1)) / weight);
  });
  // Hand the rounding remainder to the first flexible column.
  const used = widths.reduce((a, b) => a + b, 0) + gaps;
  const firstFlex = specs.findIndex((s, i) => shown[i] && s.width === undefined);
  if (firstFlex >= 0 && used < total) widths[firstFlex]! += total - used;
  return widths;
}
