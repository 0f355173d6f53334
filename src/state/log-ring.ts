import type { LogLine, RawLogLine } from '../engine/models/types.js';

export interface LogRingOptions {
  /** Most lines kept (default 100 000). */
  capacity?: number;
  /** Most characters kept over all lines (default 24 million): long lines evict sooner. */
  maxChars?: number;
}

/**
 * A log's scrollback: the newest lines, evicting the oldest, stored compactly.
 *
 * A followed log is where dtui's memory goes. Each line is one string, the line as the
 * engine sent it, plus two small numbers in typed arrays; `get()` makes a LogLine on
 * demand (only the ~50 lines on screen, or a search's scan, which dies young). An object
 * with separate timestamp and text strings per line cost about twice as much, and during
 * a flood every stored line is promoted to V8's old generation before it is evicted, so
 * its size is what RSS grows by between full collections.
 *
 * Bounded twice: by line count, and by characters, so 100 000 lines of 64 KiB (the line
 * splitter's cut) cannot take gigabytes. Lines are appended until the arrays reach
 * `capacity` slots (a log of ten lines costs ten), then slots are reused in a circle.
 *
 * Counters: `totalPushed === length + dropped` always; `clear()` resets all of them.
 */
export class LogRing {
  readonly capacity: number;
  readonly maxChars: number;
  #raws: string[] = [];
  #textStart = new Uint16Array(0);
  #stderr = new Uint8Array(0);
  #start = 0;
  #length = 0;
  #dropped = 0;
  #chars = 0;

  constructor(opts: LogRingOptions = {}) {
    const { capacity = 100_000, maxChars = 24_000_000 } = opts;
    if (!Number.isSafeInteger(capacity) || capacity < 1) throw new RangeError(`LogRing capacity must be a positive integer, got ${capacity}`);
    if (!(maxChars >= 1)) throw new RangeError(`LogRing maxChars must be positive, got ${maxChars}`);
    this.capacity = capacity;
    this.maxChars = maxChars;
  }

  get length(): number {
    return this.#length;
  }

  /** Lines evicted (since creation or the last clear). */
  get dropped(): number {
    return this.#dropped;
  }

  get totalPushed(): number {
    return this.#length + this.#dropped;
  }

  /** Characters held over all lines. */
  get chars(): number {
    return this.#chars;
  }

  push(line: LogLine | RawLogLine): void {
    if ('raw' in line) return this.#store(line.raw, line.textStart, line.stream === 'stderr');
    // A line built elsewhere (tests, other sources): join it the way the engine sends it.
    if (!line.ts) return this.#store(line.text, 0, line.stream === 'stderr');
    this.#store(`${line.ts} ${line.text}`, line.ts.length + 1, line.stream === 'stderr');
  }

  /** 0 = oldest line held. Out of range → undefined. */
  get(index: number): LogLine | undefined {
    const slot = this.#slot(index);
    if (slot < 0) return undefined;
    const raw = this.#raws[slot]!;
    const start = this.#textStart[slot]!;
    return {
      ts: start ? raw.slice(0, start - 1) : '',
      stream: this.#stderr[slot] ? 'stderr' : 'stdout',
      text: start ? raw.slice(start) : raw,
    };
  }

  /** The text of line `index` without making a LogLine (searches scan every line). */
  textAt(index: number): string | undefined {
    const slot = this.#slot(index);
    if (slot < 0) return undefined;
    const start = this.#textStart[slot]!;
    return start ? this.#raws[slot]!.slice(start) : this.#raws[slot];
  }

  slice(start: number, end = this.#length): LogLine[] {
    const out: LogLine[] = [];
    for (let i = Math.max(0, start); i < Math.min(end, this.#length); i++) out.push(this.get(i)!);
    return out;
  }

  clear(): void {
    this.#raws = [];
    this.#textStart = new Uint16Array(0);
    this.#stderr = new Uint8Array(0);
    this.#start = this.#length = this.#dropped = this.#chars = 0;
  }

  #slot(index: number): number {
    if (!Number.isInteger(index) || index < 0 || index >= this.#length) return -1;
    return (this.#start + index) % this.capacity;
  }

  #store(raw: string, textStart: number, stderr: boolean): void {
    // A timestamp longer than a Uint16 can say is not an engine stamp: keep it as text.
    if (textStart > 0xffff) textStart = 0;
    while (this.#length === this.capacity || (this.#length > 0 && this.#chars + raw.length > this.maxChars)) this.#evictOldest();
    // Until the arrays reach capacity the next slot is their end (see the class comment).
    const slot = (this.#start + this.#length) % this.capacity;
    if (slot === this.#raws.length) {
      this.#raws.push(raw);
      this.#ensureSlots(slot + 1);
    } else {
      this.#raws[slot] = raw;
    }
    this.#textStart[slot] = textStart;
    this.#stderr[slot] = stderr ? 1 : 0;
    this.#length++;
    this.#chars += raw.length;
  }

  #evictOldest(): void {
    this.#chars -= this.#raws[this.#start]!.length;
    this.#raws[this.#start] = '';
    this.#start = (this.#start + 1) % this.capacity;
    this.#length--;
    this.#dropped++;
  }

  #ensureSlots(needed: number): void {
    if (needed <= this.#textStart.length) return;
    const size = Math.min(this.capacity, Math.max(1024, this.#textStart.length * 2));
    const starts = new Uint16Array(size);
    starts.set(this.#textStart);
    const stderr = new Uint8Array(size);
    stderr.set(this.#stderr);
    this.#textStart = starts;
    this.#stderr = stderr;
  }
}
