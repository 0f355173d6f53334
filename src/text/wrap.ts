// Cutting a line into rows of at most `width` cells, for the log's wrap mode. Only the
// lines on screen are wrapped, so this need not be clever, only right: wide characters
// never straddle rows, and SGR colours carry over to the next row (each row ends with
// a reset so colour never bleeds past it).
import { cellWidth } from './width.js';
import { graphemeSegments } from './graphemes.js';

const SGR = /\x1b\[[0-9;:]*m/y;
const RESET = '\x1b[0m';

/** Rows of `text`, each at most `width` cells; [''] for an empty line. Also gives each row's offset in `text`. */
export function wrapToWidth(text: string, width: number): { rows: string[]; offsets: number[] } {
  const w = Math.max(1, Math.floor(width));
  if (/^[\x20-\x7e]*$/.test(text)) {
    const rows: string[] = [];
    const offsets: number[] = [];
    for (let i = 0; i < text.length || rows.length === 0; i += w) {
      rows.push(text.slice(i, i + w));
      offsets.push(i);
    }
    return { rows, offsets };
  }
  const rows: string[] = [];
  const offsets: number[] = [];
  let row = '';
  let rowStart = 0;
  let used = 0;
  let active = ''; // SGR sequences in effect, replayed at the start of the next row
  let hasSgr = false;
  let i = 0;
  const pushRow = (at: number) => {
    rows.push(hasSgr && active ? row + RESET : row);
    offsets.push(rowStart);
    row = active;
    rowStart = at;
    used = 0;
  };
  for (const { segment, index } of graphemeSegments(text)) {
    if (index < i) continue; // inside an SGR sequence already consumed
    if (segment === '\x1b') {
      SGR.lastIndex = index;
      const m = SGR.exec(text);
      if (m) {
        hasSgr = true;
        row += m[0];
        active = m[0] === RESET || m[0] === '\x1b[m' ? '' : active + m[0];
        i = index + m[0].length;
        continue;
      }
    }
    const cw = cellWidth(segment);
    if (used + cw > w && used > 0) pushRow(index);
    row += segment;
    used += cw;
    i = index + segment.length;
  }
  rows.push(row);
  offsets.push(rowStart);
  return { rows, offsets };
}
