import { StringDecoder } from 'node:string_decoder';

/**
 * Incremental UTF-8 line splitter for container output.
 *
 * - Chunks may split UTF-8 sequences anywhere; a StringDecoder stitches them
 *   back together. Invalid UTF-8 becomes U+FFFD (the decoder's behaviour).
 * - Lines end at "\n"; a "\r" immediately before the "\n" is removed, even
 *   when the two arrive in different chunks (a trailing "\r" is held back
 *   until the next chunk shows whether "\n" follows). A lone "\r" elsewhere
 *   is kept as content; sanitising it is the renderer's job.
 * - Memory per line is bounded: once a line exceeds `maxLineBytes` (UTF-8
 *   bytes of the decoded text, default 64 KiB) the rest of it is counted and
 *   discarded until the next "\n". The line is then emitted as its first
 *   <= maxLineBytes bytes (cut on a character boundary) plus the suffix
 *   ` … [cut N bytes]`. A container printing a multi-GB line without a
 *   newline therefore costs a counter, not a buffer.
 * - Output never depends on how the input was chunked.
 *
 * Strings may be pushed too (e.g. from tests or already-decoded sources).
 * Mixing: pushing a string after a Buffer that ended mid-sequence turns the
 * dangling bytes into U+FFFD, exactly as if the stream had ended there.
 */

export type LineSplitterOptions = {
  /** Maximum UTF-8 bytes kept per line before truncation. Default 64 KiB. */
  maxLineBytes?: number;
};

const DEFAULT_MAX_LINE_BYTES = 64 * 1024;
const CR = 0x0d;

export class LineSplitter {
  readonly #max: number;
  #decoder = new StringDecoder('utf8');
  #decoderUsed = false; // the decoder may hold a partial sequence
  // Last char of the previous text when it was "\r" or a high surrogate:
  // both need the next char to be interpreted (CRLF / surrogate pair).
  #carry = '';
  #parts: string[] = []; // kept pieces of the current line
  #bytes = 0; // UTF-8 byte length of #parts
  #cut = 0; // bytes discarded from the current line; > 0 means "discarding"

  constructor(opts: LineSplitterOptions = {}) {
    const max = opts.maxLineBytes ?? DEFAULT_MAX_LINE_BYTES;
    if (!(max >= 1)) throw new RangeError(`maxLineBytes must be >= 1, got ${max}`);
    this.#max = Math.floor(max);
  }

  push(chunk: Buffer | string): string[] {
    let text: string;
    if (typeof chunk === 'string') {
      text = this.#endDecoder() + chunk;
    } else {
      text = this.#decoder.write(chunk);
      this.#decoderUsed = true;
    }
    return this.#process(text, false);
  }

  /** End of input: emits the unterminated last line, if any, and resets. */
  flush(): string[] {
    const lines = this.#process(this.#endDecoder(), true);
    if (this.#parts.length > 0 || this.#cut > 0) lines.push(this.#finishLine());
    return lines;
  }

  #endDecoder(): string {
    if (!this.#decoderUsed) return '';
    const rest = this.#decoder.end();
    this.#decoder = new StringDecoder('utf8');
    this.#decoderUsed = false;
    return rest;
  }

  #process(input: string, final: boolean): string[] {
    let text = this.#carry + input;
    this.#carry = '';
    if (!final && text.length > 0) {
      const last = text.charCodeAt(text.length - 1);
      if (last === CR || (last >= 0xd800 && last <= 0xdbff)) {
        this.#carry = text.slice(-1);
        text = text.slice(0, -1);
      }
    }
    const lines: string[] = [];
    let pos = 0;
    for (;;) {
      const nl = text.indexOf('\n', pos);
      if (nl === -1) break;
      // Thanks to the carry, a CR belonging to this LF is always in `text`.
      const end = nl > pos && text.charCodeAt(nl - 1) === CR ? nl - 1 : nl;
      if (this.#parts.length === 0 && this.#cut === 0 && (end - pos) * 3 <= this.#max) {
        // The usual whole short line (a UTF-16 unit is at most 3 UTF-8 bytes, so it fits):
        // no byte count, no parts array.
        lines.push(text.slice(pos, end));
        pos = nl + 1;
        continue;
      }
      this.#append(text, pos, end);
      lines.push(this.#finishLine());
      pos = nl + 1;
    }
    this.#append(text, pos, text.length);
    return lines;
  }

  #append(text: string, from: number, to: number): void {
    if (from === to) return;
    const seg = text.slice(from, to);
    const n = Buffer.byteLength(seg, 'utf8');
    if (this.#cut > 0) {
      this.#cut += n;
      return;
    }
    if (this.#bytes + n <= this.#max) {
      this.#parts.push(seg);
      this.#bytes += n;
      return;
    }
    // Overflow. Encode only a prefix: the first room+1 UTF-16 units always
    // cover >= room bytes, and a surrogate pair straddling that slice lies
    // past the cut point anyway.
    const room = this.#max - this.#bytes;
    const head = Buffer.from(seg.slice(0, room + 1), 'utf8');
    let k = room;
    // Back up to a character boundary so we never emit half a character.
    while (k > 0 && ((head[k] ?? 0) & 0xc0) === 0x80) k--;
    if (k > 0) this.#parts.push(head.toString('utf8', 0, k));
    this.#bytes += k;
    this.#cut = n - k;
  }

  #finishLine(): string {
    let line = this.#parts.join('');
    if (this.#cut > 0) line += ` … [cut ${this.#cut} bytes]`;
    this.#parts = [];
    this.#bytes = 0;
    this.#cut = 0;
    return line;
  }
}
