// Interleaves lines from several streams by the engine's timestamps, as `docker compose
// logs -f` and `docker service logs -f` show them. Streams lag behind each other (each
// container's, or each task's on another node), so a line cannot be placed as soon as it
// arrives: it waits until every stream still writing has sent a line at least as new
// (nothing older can follow from it), or until it has waited holdMs (a stream that lags
// that far is placed out of order rather than stall all). Shared by the Compose merge
// (one follower per container) and the service log (one stream, many tasks in it).
import { sanitize, sanitizeLine } from '../text/sanitize.js';

/** How far one writer's lines have come: its newest timestamp key, and when it last wrote (ms). */
export interface Writer {
  watermark: string;
  lastAt: number;
}

/** A line waiting for its place: its timestamp key and when it arrived (ms). */
export interface Held {
  key: string;
  at: number;
}

/** Foreground SGR colours for tags, as compose cycles them (no red: stderr's gutter is red). */
export const TAG_COLOURS = [36, 33, 32, 35, 34, 96, 93, 92, 95, 94];

/** A writer just seen writing a line stamped `key`. */
export function noteWrite(writer: Writer, key: string, now: number): void {
  if (key > writer.watermark) writer.watermark = key;
  writer.lastAt = now;
}

/** Sorts by time (stable: lines of one stamp keep their arrival order). */
function byKey(a: Held, b: Held): number {
  return a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
}

export class TimeOrderedMerge<T extends Held> {
  private pending: T[] = [];
  private flushTimer: NodeJS.Timeout | undefined;

  constructor(private readonly opts: { quietMs: number; holdMs: number }) {}

  get size(): number {
    return this.pending.length;
  }

  push(item: T): void {
    this.pending.push(item);
  }

  /** Calls `flush` after `ms`, unless a call is already due or nothing is held. */
  scheduleFlush(flush: () => void, ms: number): void {
    if (this.flushTimer || this.pending.length === 0) return;
    this.flushTimer = setTimeout(() => {
      this.flushTimer = undefined;
      flush();
    }, ms);
  }

  cancelFlush(): void {
    if (this.flushTimer) clearTimeout(this.flushTimer);
    this.flushTimer = undefined;
  }

  /** Everything held, in time order (the stream ended, or the opening burst is complete). */
  takeAll(): T[] {
    this.pending.sort(byKey);
    return this.pending.splice(0);
  }

  /**
   * The lines that can be placed now, in time order. `writers` are the streams that may
   * still send older lines (the caller leaves out those that have ended or not opened).
   */
  takeReady(now: number, writers: Iterable<Writer>): T[] {
    this.pending.sort(byKey);
    let limit = '\uffff';
    for (const w of writers) if (now - w.lastAt < this.opts.quietMs && w.watermark < limit) limit = w.watermark;
    let last = -1;
    for (let i = 0; i < this.pending.length; i++) {
      const p = this.pending[i]!;
      if (p.key <= limit || now - p.at >= this.opts.holdMs) last = i;
    }
    return this.pending.splice(0, last + 1);
  }
}

/** The merged line's text: the coloured tag (sanitized: labels and task names are untrusted), padded, then the line. */
export function taggedText(tag: string, colour: number, width: number, text: string): string {
  return `\u001b[${colour}m${sanitize(tag).padEnd(width)} |\u001b[0m ${asDrawn(text)}`;
}

/**
 * Tabs and carriage returns drawn before the tag goes in front: their columns count from
 * the writer's line, and a carriage return must not overwrite the tag.
 */
function asDrawn(text: string): string {
  return text.includes('\t') || text.includes('\r') ? sanitizeLine(text, true) : text;
}
