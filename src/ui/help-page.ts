// How the help overlay's lines are laid out: pure, without Ink, so the keys' dispatcher
// (src/app) can page the help without loading the UI (start-up: src/cli/mount-ui.tsx).
import type { HelpSection } from '../keys/help.js';
import { cellWidth, padToWidth } from '../text/width.js';

export interface HelpLine {
  text: string;
  heading?: boolean;
}

export interface HelpPage {
  columns: HelpLine[][];
  colWidth: number;
  /** Lines of each column shown at once. */
  visible: number;
  /** Largest scroll offset (0 when everything fits). */
  maxScroll: number;
}

/** Border (2) + padding (2) across; border (2) + title (1) + "more" line (1) down. */
const CHROME = { cols: 4, rows: 4 } as const;
export const GAP = 2;
/** Help text narrower than this reads badly; fewer columns instead. */
const MIN_HELP_WIDTH = 36;

/** Splits `text` into lines of at most `width` cells, at spaces where it can. */
export function wrapToWidth(text: string, width: number): string[] {
  const max = Math.max(1, Math.floor(width));
  const out: string[] = [];
  let line = '';
  const push = (word: string) => {
    const candidate = line === '' ? word : `${line} ${word}`;
    if (cellWidth(candidate) <= max) {
      line = candidate;
      return;
    }
    if (line !== '') out.push(line);
    line = '';
    // A word wider than the line is cut into pieces that fit.
    let piece = '';
    for (const ch of word) {
      if (cellWidth(piece + ch) > max && piece !== '') {
        out.push(piece);
        piece = '';
      }
      piece += ch;
    }
    line = piece;
  };
  for (const word of text.split(' ')) push(word);
  if (line !== '' || out.length === 0) out.push(line);
  return out;
}

function layoutLines(sections: readonly HelpSection[], keyWidth: number, colWidth: number): HelpLine[] {
  const indent = 2 + keyWidth;
  const lines: HelpLine[] = [];
  for (const section of sections) {
    for (const text of wrapToWidth(section.title, colWidth)) lines.push({ text, heading: true });
    for (const row of section.rows) {
      const helpLines = wrapToWidth(row.help, Math.max(1, colWidth - indent));
      helpLines.forEach((h, i) => lines.push({ text: `${' '.repeat(2)}${padToWidth(i === 0 ? row.keys : '', keyWidth)}${h}` }));
    }
  }
  return lines;
}

/** Pure: how the help for `sections` is laid out in a box of width×height. */
export function helpPage(sections: readonly HelpSection[], width: number, height: number): HelpPage {
  const inner = Math.max(10, width - CHROME.cols);
  const visible = Math.max(1, height - CHROME.rows);
  // Keys column: as wide as the widest keys, but never more than a third of the line.
  const widestKeys = Math.max(...sections.flatMap((s) => s.rows.map((r) => cellWidth(r.keys))));
  const keyWidthFor = (colWidth: number) => Math.max(1, Math.min(widestKeys + 2, Math.floor(colWidth / 3)));
  for (let count = Math.floor((inner + GAP) / (keyWidthFor(inner) + 2 + MIN_HELP_WIDTH + GAP)); count >= 2; count--) {
    const colWidth = Math.floor((inner - GAP * (count - 1)) / count);
    const lines = layoutLines(sections, keyWidthFor(colWidth), colWidth);
    const perColumn = Math.ceil(lines.length / count);
    if (perColumn > visible) continue;
    const columns = Array.from({ length: count }, (_, c) => lines.slice(c * perColumn, (c + 1) * perColumn));
    return { columns, colWidth, visible, maxScroll: 0 };
  }
  const lines = layoutLines(sections, keyWidthFor(inner), inner);
  return { columns: [lines], colWidth: inner, visible, maxScroll: Math.max(0, lines.length - visible) };
}
