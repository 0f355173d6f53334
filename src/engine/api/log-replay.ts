// A log read a second time from `since` starts with lines already read. With Podman's
// whole-second stamps (and `since` inclusive) that is every line of the last second read,
// including lines the first read's `tail` left out because they came before it. Measured
// with Podman 4.3.1: 1500 lines printed in one second, `tail=1000` answers lines 500–1499,
// then `since=<that second>.000000000&follow=1` answers lines 0–1499 and follows.
//
// The lines already read are the last ones of that second when the first read ended, so
// the replay is old up to the first place where its lines of that second end with exactly
// those lines (a Knuth–Morris–Pratt search, one pass, however many there are); what
// follows is new. A replay may start with the rest of a line begun before that second
// (a TTY line Podman stamped mid-way): it is dropped with the rest of the old part.
import type { RawLogLine } from '../models/types.js';
import { timestampKey } from '../models/log-stamp.js';

const lineId = (l: RawLogLine) => `${l.stream} ${l.text}`;

export class ReplayCut {
  private readonly seen: string[];
  /** fail[i]: length of the longest proper prefix of seen[0..i] that is also its suffix. */
  private readonly fail: number[];
  private matched = 0;
  private done: boolean;

  /** `last`: the lines of the first read stamped `lastTs` (its newest stamp), in order. */
  constructor(
    last: readonly RawLogLine[],
    private readonly lastKey: string,
  ) {
    this.seen = last.map(lineId);
    this.done = this.seen.length === 0;
    this.fail = [0];
    for (let i = 1, k = 0; i < this.seen.length; i++) {
      while (k > 0 && this.seen[i] !== this.seen[k]) k = this.fail[k - 1]!;
      if (this.seen[i] === this.seen[k]) k++;
      this.fail.push(k);
    }
  }

  static after(last: readonly RawLogLine[]): ReplayCut {
    return new ReplayCut(last, last[0]?.ts ? timestampKey(last[0].ts) : '');
  }

  /** The lines of a replayed batch that were not read before. */
  fresh(batch: RawLogLine[]): RawLogLine[] {
    if (this.done) return batch;
    return batch.filter((l) => !this.repeated(l));
  }

  private repeated(line: RawLogLine): boolean {
    if (this.done) return false;
    const key = line.ts ? timestampKey(line.ts) : this.lastKey;
    if (key < this.lastKey) return true;
    if (key > this.lastKey) {
      // A newer second: whatever was not matched is not coming.
      this.done = true;
      return false;
    }
    const id = lineId(line);
    while (this.matched > 0 && id !== this.seen[this.matched]) this.matched = this.fail[this.matched - 1]!;
    if (id === this.seen[this.matched]) this.matched++;
    if (this.matched === this.seen.length) this.done = true;
    return true;
  }
}
