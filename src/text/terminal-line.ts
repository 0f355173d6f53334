// A line of container output drawn the way a terminal draws it, so the Logs tab shows what
// `docker logs` in a terminal shows: a carriage return goes back to column 0 and what
// follows overwrites the line cell by cell (a progress line `10%\r50%\r100%` reads `100%`),
// an erase-in-line clears from the cursor, and a TAB moves to the next 8-column tab stop.
//
// Input is sanitize.ts's output for a line (see sanitizeLine): printable text, SGR colour
// sequences, and the only controls left for this step: TAB, CR and the erase-in-line
// sequences normalised to ESC [ 0|1|2 K. The output holds none of those controls, only
// text and SGR sequences.
import { cellWidth } from './width.js';
import { graphemeSegments } from './graphemes.js';

const TAB_STOP = 8;
const RESET = '\x1b[0m';
/** The style of a cell an erase blanked: drawn unstyled, and not drawn at all at the end. */
const ERASED = '\0';
const CONTROL = /\r|\t|\x1b\[[0-9;:]*m|\x1b\[[012]K/g;
const EL = /^\x1b\[[012]K$/;

/** Applies TAB, CR and erase-in-line. Lines without CR or a line-wide erase take a cheap path. */
export function drawLine(text: string): string {
  if (!text.includes('\r') && !text.includes('\x1b[1K') && !text.includes('\x1b[2K')) return expandTabs(text.replaceAll('\x1b[0K', ''));
  return new CellLine().draw(text);
}

/** Tabs to the next stop, counting columns from the start (SGR sequences take none). */
function expandTabs(text: string): string {
  if (!text.includes('\t')) return text;
  const parts = text.split('\t');
  let out = parts[0]!;
  let col = cellWidth(out);
  for (let i = 1; i < parts.length; i++) {
    const pad = TAB_STOP - (col % TAB_STOP);
    out += ' '.repeat(pad) + parts[i]!;
    col += pad + cellWidth(parts[i]!);
  }
  return out;
}

/**
 * The general case: a row of cells, each holding a grapheme cluster and the SGR state it
 * was written with. A wide cluster takes two cells (the second holds ''); overwriting half
 * of one blanks the other half, as terminals do.
 */
class CellLine {
  private cells: string[] = [];
  private styles: string[] = [];
  private col = 0;
  private style = '';

  draw(text: string): string {
    let pos = 0;
    for (const m of text.matchAll(CONTROL)) {
      if (m.index > pos) this.write(text.slice(pos, m.index));
      this.control(m[0]);
      pos = m.index + m[0].length;
    }
    if (pos < text.length) this.write(text.slice(pos));
    return this.render();
  }

  private control(seq: string): void {
    if (seq === '\r') this.col = 0;
    else if (seq === '\t') this.col = (Math.floor(this.col / TAB_STOP) + 1) * TAB_STOP;
    else if (EL.test(seq)) this.erase(seq[2]!);
    else this.style = seq === RESET || seq === '\x1b[m' ? '' : this.style + seq;
  }

  private erase(mode: string): void {
    if (mode === '0') {
      if (this.col < this.cells.length) {
        this.splitWideAt(this.col);
        this.cells.length = this.styles.length = this.col;
      }
      return;
    }
    // 1: from the start to the cursor (inclusive); 2: the whole line. The cursor stays.
    const end = mode === '1' ? Math.min(this.col + 1, this.cells.length) : this.cells.length;
    if (end < this.cells.length) this.splitWideAt(end);
    for (let i = 0; i < end; i++) this.put(i, ' ', ERASED);
  }

  private write(run: string): void {
    for (const { segment } of graphemeSegments(run)) {
      const w = cellWidth(segment);
      if (w === 0) {
        // A mark or selector cut off from its base by a control: it joins the cell before.
        let prev = Math.min(this.col, this.cells.length) - 1;
        while (prev > 0 && this.cells[prev] === '') prev--;
        if (prev >= 0) this.cells[prev] += segment;
        continue;
      }
      while (this.cells.length < this.col) this.put(this.cells.length, ' ', '');
      this.splitWideAt(this.col);
      this.splitWideAt(this.col + w);
      this.put(this.col, segment, this.style);
      for (let k = 1; k < w; k++) this.put(this.col + k, '', this.style);
      this.col += w;
    }
  }

  /** Blanks a wide cluster that the boundary before cell `i` would cut in two. */
  private splitWideAt(i: number): void {
    if (i <= 0 || i >= this.cells.length || this.cells[i] !== '') return;
    let head = i - 1;
    while (head > 0 && this.cells[head] === '') head--;
    for (let k = head; k < this.cells.length && (k === head || this.cells[k] === ''); k++) this.put(k, ' ', this.styles[head]!);
  }

  private put(i: number, cell: string, style: string): void {
    this.cells[i] = cell;
    this.styles[i] = style;
  }

  private render(): string {
    let end = this.cells.length;
    // Blanks left by an erase at the end draw nothing.
    while (end > 0 && this.styles[end - 1] === ERASED) end--;
    let out = '';
    let current = '';
    for (let i = 0; i < end; i++) {
      const style = this.styles[i] === ERASED ? '' : this.styles[i]!;
      if (style !== current) {
        out += (current ? RESET : '') + style;
        current = style;
      }
      out += this.cells[i];
    }
    return current ? out + RESET : out;
  }
}
