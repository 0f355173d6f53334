// Sizes of every pane for a terminal size: one pure function, used by the views to
// draw and by the controller to know how far a page moves.
import { PANEL_CHROME } from '../ui/panel-chrome.js';
import type { Placement } from '../resources/types.js';

export interface Layout {
  cols: number;
  rows: number;
  leftWidth: number;
  rightWidth: number;
  bodyHeight: number;
  containersHeight: number;
  imagesHeight: number;
  /** Data rows that fit in each list (below its column header). */
  containerRows: number;
  imageRows: number;
  /** Lines of log or top output that fit in the detail pane (below its tab bar). */
  detailRows: number;
  detailInnerWidth: number;
}

/** The engine line and the pane tabs (src/views/header). */
export const HEADER_ROWS = 2;
const FOOTER_ROWS = 2; // status line + key hints

/**
 * Ink clears and repaints the whole terminal on every frame once its output is as tall
 * as the terminal, so dtui draws one line less than the terminal has.
 */
export function screenHeight(rows: number): number {
  return Math.max(1, rows - 1);
}

export function layoutFor(cols: number, rows: number): Layout {
  const bodyHeight = Math.max(8, screenHeight(rows) - HEADER_ROWS - FOOTER_ROWS);
  const leftWidth = Math.max(40, Math.floor(cols * 0.55));
  const rightWidth = Math.max(20, cols - leftWidth);
  const containersHeight = Math.max(5, Math.ceil(bodyHeight * 0.6));
  const imagesHeight = Math.max(5, bodyHeight - containersHeight);
  // Each list: border + title (PANEL_CHROME.rows) + its column header line.
  return {
    cols,
    rows,
    leftWidth,
    rightWidth,
    bodyHeight,
    containersHeight,
    imagesHeight,
    containerRows: Math.max(1, containersHeight - PANEL_CHROME.rows - 1),
    imageRows: Math.max(1, imagesHeight - PANEL_CHROME.rows - 1),
    detailRows: Math.max(1, bodyHeight - PANEL_CHROME.rows),
    detailInnerWidth: Math.max(10, rightWidth - PANEL_CHROME.cols),
  };
}

/** A list pane's box for where its descriptor places it; `rows` is its page (rows below the header). */
export function paneBox(layout: Layout, placement: Placement): { width: number; height: number; rows: number } {
  if (placement === 'top-left') return { width: layout.leftWidth, height: layout.containersHeight, rows: layout.containerRows };
  if (placement === 'bottom-left') return { width: layout.leftWidth, height: layout.imagesHeight, rows: layout.imageRows };
  return { width: layout.cols, height: layout.bodyHeight, rows: Math.max(1, layout.bodyHeight - PANEL_CHROME.rows - 1) };
}

/**
 * How far PgUp/PgDn move in each scrollable view: one place for every page size.
 * Lists page by the rows they show; the detail pane and the text overlay by their text lines.
 */
export const pages = {
  list: (layout: Layout, placement: Placement): number => paneBox(layout, placement).rows,
  /** Logs, top, inspect: the detail pane's rows below its tab bar, less the column/search line. */
  detail: (layout: Layout): number => layout.detailRows - 1,
  /** A text overlay (history, inspect JSON): the body less its border, title and footer. */
  overlay: (layout: Layout): number => layout.bodyHeight - 3,
};

/** Lines of the overview that fit: the panel's border and title, and one line saying there is more. */
export function engineRows(height: number): number {
  return Math.max(1, height - PANEL_CHROME.rows - 1);
}
