// `docker history --no-trunc` for one image: the engine's layers as sanitized rows, and
// the same aligned-column text the CLI prints (used for the export and the overlay).
import { sanitize } from '../../text/sanitize.js';
import { cellWidth } from '../../text/width.js';
import { formatSize, whenText, type DateFormat } from './format.js';

export interface HistoryLayer {
  /** Full image id of the layer, or "<missing>" for layers built elsewhere. */
  id: string;
  created: number; // seconds since epoch
  createdBy: string;
  size: number;
  comment: string;
  tags: string[];
}

export interface RawHistory {
  Id?: string;
  Created?: number;
  CreatedBy?: string;
  Size?: number;
  Comment?: string;
  Tags?: string[] | null;
}

export function historyLayers(raw: readonly RawHistory[]): HistoryLayer[] {
  return raw.map((h) => ({
    id: sanitize(h.Id || '<missing>'),
    created: h.Created ?? 0,
    // The CLI shows CreatedBy with newlines and tabs flattened; so do we.
    createdBy: sanitize((h.CreatedBy ?? '').replace(/[\t\r\n]+/g, ' ')),
    size: h.Size ?? 0,
    comment: sanitize((h.Comment ?? '').replace(/[\t\r\n]+/g, ' ')),
    tags: (h.Tags ?? []).map(sanitize),
  }));
}

export const HISTORY_COLUMNS = ['IMAGE', 'CREATED', 'CREATED BY', 'SIZE', 'COMMENT'] as const;

/** One layer as the CLI's cells; sizes and ages in the CLI's units (or the local date and time: dateFormat absolute). */
export function historyCells(layer: HistoryLayer, now: number, dates: DateFormat = 'relative'): string[] {
  return [layer.id, whenText(layer.created, now, dates, 'long'), layer.createdBy, formatSize(layer.size), layer.comment];
}

/**
 * Aligned like Go's tabwriter: every column but the last is as wide as its widest cell
 * plus `padding`, and at least `minWidth`. The CLI's tables use minwidth 20, padding 3.
 */
export function alignColumns(rows: readonly (readonly string[])[], padding = 3, minWidth = 0): string[] {
  const widths: number[] = [];
  for (const row of rows) row.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? minWidth, cellWidth(cell) + padding)));
  return rows.map((row) =>
    row
      .map((cell, i) => (i === row.length - 1 ? cell : cell + ' '.repeat(Math.max(0, widths[i]! - cellWidth(cell)))))
      .join('')
      .trimEnd(),
  );
}

/** The whole `docker history --no-trunc` table, header first. */
export function historyText(layers: readonly HistoryLayer[], now: number, dates: DateFormat = 'relative'): string[] {
  return alignColumns([[...HISTORY_COLUMNS], ...layers.map((l) => historyCells(l, now, dates))], 3, 20);
}

/**
 * The overlay's reading layout: one header line per layer (id, age, size, comment), its
 * full CREATED BY command below it, indented and wrapped, so nothing is cut off.
 */
export function historyBlocks(layers: readonly HistoryLayer[], now: number, width: number, dates: DateFormat = 'relative'): string[] {
  const lines: string[] = [];
  const heads = (id: (l: HistoryLayer) => string) =>
    alignColumns([
      ['IMAGE', 'CREATED', 'SIZE', 'COMMENT'],
      ...layers.map((l) => [id(l), whenText(l.created, now, dates, 'long'), formatSize(l.size), l.comment]),
    ]);
  // Full ids (71 cells) leave no room for age and size below ~100 columns: short ids there,
  // as `docker history` shows without --no-trunc (the export keeps the full ones).
  let head = heads((l) => l.id);
  if (head.some((h) => cellWidth(h) > width)) head = heads((l) => (l.id.startsWith('sha256:') ? l.id.slice(7, 19) : l.id));
  lines.push(head[0]!);
  layers.forEach((layer, i) => {
    lines.push(head[i + 1]!);
    const command = layer.createdBy || '(no command)';
    for (const part of wrapText(command, Math.max(10, width - 4))) lines.push(`    ${part}`);
  });
  return lines;
}

/** Hard-wraps text to `width` cells (commands have no useful word breaks to honour). */
export function wrapText(text: string, width: number): string[] {
  const out: string[] = [];
  let line = '';
  let used = 0;
  for (const ch of text) {
    const w = cellWidth(ch);
    if (used + w > width && line) {
      out.push(line);
      line = '';
      used = 0;
    }
    line += ch;
    used += w;
  }
  if (line || out.length === 0) out.push(line);
  return out;
}
