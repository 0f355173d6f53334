/**
 * Fixed-capacity FIFO that silently evicts the oldest item when full.
 *
 * Used for log scrollback: a chatty container can emit millions of lines and
 * we only ever want the newest N in memory. `Array.prototype.shift` is O(n) on
 * large arrays, so items live in a preallocated circular array and eviction is
 * just advancing the start index. The array grows as lines arrive (a 100k-line
 * capacity must not cost 800 kB for a container that printed ten): until it is
 * full the start index is 0, so growing is a plain append.
 *
 * Counters: `totalPushed === length + dropped` always holds. `clear()` resets
 * all of them, so they count "since creation or the last clear" — a view that
 * clears its scrollback starts numbering from zero again.
 */
export class RingBuffer<T> {
  readonly #capacity: number;
  // Slots are `T | undefined` so cleared/evicted references can be released to the GC.
  #items: (T | undefined)[];
  #start = 0; // physical index of the oldest retained item
  #length = 0;
  #dropped = 0;

  constructor(capacity: number) {
    if (!Number.isSafeInteger(capacity) || capacity < 1) {
      // Programming error, not untrusted input: fail loudly at construction.
      throw new RangeError(`RingBuffer capacity must be a positive integer, got ${capacity}`);
    }
    this.#capacity = capacity;
    this.#items = [];
  }

  get capacity(): number {
    return this.#capacity;
  }

  get length(): number {
    return this.#length;
  }

  /** Items evicted because the buffer was full (since creation or last clear). */
  get dropped(): number {
    return this.#dropped;
  }

  /** Items ever pushed (since creation or last clear); equals length + dropped. */
  get totalPushed(): number {
    return this.#length + this.#dropped;
  }

  push(item: T): void {
    const cap = this.#capacity;
    if (this.#length < cap) {
      // Not full yet, so #start is 0: the next slot is the end of the array.
      this.#items.push(item);
      this.#length++;
    } else {
      // Full: overwrite the oldest slot and move the start forward.
      this.#items[this.#start] = item;
      this.#start = (this.#start + 1) % cap;
      this.#dropped++;
    }
  }

  /**
   * Push a batch. Only the last `capacity` items can survive, so anything
   * before that is counted as dropped without being written: cost is
   * O(min(items.length, capacity)).
   */
  pushMany(items: readonly T[]): void {
    const n = items.length;
    const cap = this.#capacity;
    let from = 0;
    if (n >= cap) {
      // Everything currently retained plus the head of the batch is evicted.
      this.#dropped += this.#length + (n - cap);
      this.#items = [];
      this.#start = 0;
      this.#length = 0;
      from = n - cap;
    }
    for (let i = from; i < n; i++) this.push(items[i] as T);
  }

  /** 0 = oldest retained item. Out-of-range or non-integer index → undefined. */
  get(index: number): T | undefined {
    if (!Number.isInteger(index) || index < 0 || index >= this.#length) return undefined;
    return this.#items[(this.#start + index) % this.#capacity];
  }

  /** Same index semantics as Array.prototype.slice (negative = from the end). */
  slice(start: number, end?: number): T[] {
    const len = this.#length;
    const s = clampIndex(start, len, 0);
    const e = clampIndex(end, len, len);
    const out: T[] = [];
    for (let i = s; i < e; i++) out.push(this.#items[(this.#start + i) % this.#capacity] as T);
    return out;
  }

  toArray(): T[] {
    return this.slice(0);
  }

  clear(): void {
    this.#items = [];
    this.#start = 0;
    this.#length = 0;
    this.#dropped = 0;
  }
}

// Mirrors the ToIntegerOrInfinity + relative-index rules of Array.prototype.slice.
function clampIndex(value: number | undefined, len: number, fallback: number): number {
  if (value === undefined) return fallback;
  let n = Math.trunc(value);
  if (Number.isNaN(n)) n = 0;
  if (n < 0) return Math.max(len + n, 0);
  return Math.min(n, len);
}
