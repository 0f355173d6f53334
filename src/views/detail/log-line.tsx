// One log line on screen: a gutter (red bar for stderr), the timestamp when shown, and
// the text — truncated, or wrapped into rows — with search matches highlighted.
import { Text } from '../../ui/text.js';
import type { LogLine } from '../../engine/models/types.js';
import { sanitize, sanitizeLine } from '../../text/sanitize.js';
import { truncateToWidth } from '../../text/width.js';
import { wrapToWidth } from '../../text/wrap.js';
import { theme } from '../../ui/theme.js';
import type { LogView } from '../../app/ui-state.js';
import { findAll } from '../../state/log-index.js';

const TS_WIDTH = 23; // "2026-11-27 23:27:27.123"

/** RFC3339Nano → "2026-11-27 23:27:27.123" (the engine's stamps are UTC). */
export function shortTimestamp(ts: string): string {
  const m = /^(\d{4}-\d\d-\d\d)T(\d\d:\d\d:\d\d)(?:\.(\d{1,3})\d*)?/.exec(ts);
  return m ? `${m[1]} ${m[2]}.${(m[3] ?? '').padEnd(3, '0')}` : sanitize(ts).slice(0, TS_WIDTH).padEnd(TS_WIDTH);
}

interface Row {
  text: string;
  /** Offset in the line's plain text, and how many of its characters the row holds. */
  offset: number;
  length: number;
  ellipsis: boolean;
}

function layoutRows(text: string, width: number, wrap: boolean): Row[] {
  if (wrap) {
    const { rows, offsets } = wrapToWidth(text, width);
    return rows.map((r, i) => ({ text: r, offset: offsets[i]!, length: (offsets[i + 1] ?? text.length) - offsets[i]!, ellipsis: false }));
  }
  const cut = truncateToWidth(text, width);
  const ellipsis = cut !== text && cut.endsWith('…');
  return [{ text: ellipsis ? cut.slice(0, -1) : cut, offset: 0, length: ellipsis ? cut.length - 1 : cut.length, ellipsis }];
}

function highlighted(row: Row, hits: Array<[number, number]>): React.ReactNode {
  const parts: React.ReactNode[] = [];
  let at = row.offset;
  const end = row.offset + row.length;
  for (const [s, e] of hits) {
    if (e <= at || s >= end) continue;
    if (s > at) parts.push(row.text.slice(at - row.offset, s - row.offset));
    const hitEnd = Math.min(e, end);
    parts.push(
      <Text key={s} inverse color={theme.warning}>
        {row.text.slice(Math.max(s, at) - row.offset, hitEnd - row.offset)}
      </Text>,
    );
    at = hitEnd;
  }
  if (at < end) parts.push(row.text.slice(at - row.offset));
  return parts;
}

/** The screen rows of one line (one unless wrapping). */
export function lineRows(line: LogLine, view: LogView, width: number): number {
  if (!view.wrap) return 1;
  return wrapToWidth(sanitizeLine(line.text, view.colour), textWidth(view, width)).rows.length;
}

function textWidth(view: LogView, width: number): number {
  return Math.max(1, width - 1 - (view.timestamps ? TS_WIDTH + 1 : 0));
}

/** The text drawn for a line and its search matches: SGR colours kept only when colour is on. */
export function displayText(line: LogLine, view: Pick<LogView, 'colour' | 'search'>): { text: string; hits: Array<[number, number]> } {
  // As a terminal draws it: tabs to tab stops, carriage returns rewriting the line.
  const plain = sanitizeLine(line.text, false);
  const hits = view.search ? findAll(plain, view.search) : [];
  // Colours and highlights do not mix well: a line with a match is drawn plain.
  return { text: view.colour && hits.length === 0 ? sanitizeLine(line.text, true) : plain, hits };
}

export function renderLine(line: LogLine, view: LogView, width: number, key: number, skipRows = 0): React.ReactNode[] {
  const { text, hits } = displayText(line, view);
  const rows = layoutRows(text, textWidth(view, width), view.wrap);
  const gutter = line.stream === 'stderr' ? <Text color={theme.stderr}>▌</Text> : ' ';
  return rows.slice(skipRows).map((row, i) => (
    <Text key={`${key}:${i}`} wrap="truncate">
      {gutter}
      {view.timestamps ? <Text color={theme.muted}>{i + skipRows === 0 ? shortTimestamp(line.ts) : ' '.repeat(TS_WIDTH)} </Text> : null}
      {hits.length ? highlighted(row, hits) : row.text}
      {row.ellipsis ? '…' : null}
    </Text>
  ));
}
