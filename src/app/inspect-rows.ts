// The Inspect tab's screen rows: the inspect JSON's lines as they are, or wrapped to the
// pane's width (w). The tab's scroll position counts these rows, so PgDn and G reach the
// end of a wrapped value too; search matches are lines, mapped to the rows they start on.
import { wrapToWidth } from '../text/wrap.js';
import { PANEL_CHROME } from '../ui/panel-chrome.js';
import type { Layout } from './layout.js';

export interface InspectRows {
  rows: readonly string[];
  /** The line each row belongs to. */
  lineOf: readonly number[];
  /** The first row of each line. */
  firstRow: readonly number[];
}

let memo: { lines: readonly string[]; wrap: boolean; width: number; rows: InspectRows } | undefined;

/** Memoised on (lines, wrap, width): the view and the move keys ask for the same rows. */
export function inspectRows(lines: readonly string[], wrap: boolean, width: number): InspectRows {
  if (memo && memo.lines === lines && memo.wrap === wrap && memo.width === width) return memo.rows;
  let rows: InspectRows;
  if (!wrap) {
    const index = lines.map((_, i) => i);
    rows = { rows: lines, lineOf: index, firstRow: index };
  } else {
    const out: string[] = [];
    const lineOf: number[] = [];
    const firstRow: number[] = [];
    lines.forEach((line, i) => {
      firstRow.push(out.length);
      // Continuation rows keep the line's indent, so the JSON's nesting still reads.
      const indent = Math.min(/^ */.exec(line)![0].length, Math.floor(width / 2));
      const { rows: cut, offsets } = wrapToWidth(line, width);
      out.push(cut[0] ?? '');
      lineOf.push(i);
      const rest = offsets[1] === undefined ? '' : line.slice(offsets[1]);
      if (!rest) return;
      for (const row of wrapToWidth(rest, Math.max(1, width - indent - 2)).rows) {
        out.push(' '.repeat(indent + 2) + row);
        lineOf.push(i);
      }
    });
    rows = { rows: out, lineOf, firstRow };
  }
  memo = { lines, wrap, width, rows };
  return rows;
}

/** The detail pane's inner width: the whole screen's while zoomed. */
export function detailWidth(layout: Layout, zoomed: boolean): number {
  return zoomed ? Math.max(10, layout.cols - PANEL_CHROME.cols) : layout.detailInnerWidth;
}
