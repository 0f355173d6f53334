// Follows one container's log into a bounded ring buffer and tells its view at most
// ~30 times a second, however fast lines arrive. When the container restarts, or the
// engine comes back, it resumes from the last line seen: no duplicates, no gap.
import { engineErrorMessage, NoLogsError } from '../engine/errors.js';
import type { EngineApi } from '../engine/api/engine-api.js';
import type { EngineFeed } from './engine-feed.js';
import { Store } from './store.js';
import { LogRing } from './log-ring.js';
import type { LogLine } from '../engine/models/types.js';
import { sinceParam, timestampKey } from '../engine/models/log-stamp.js';

export type LogState = 'loading' | 'live' | 'ended' | 'error';

export interface LogSnapshot {
  containerId: string;
  lines: LogRing;
  /** Changes on every flush, so React sees a new snapshot though the buffer is reused. */
  version: number;
  state: LogState;
  error?: string;
  /** The logging driver, when it keeps no logs to read (`--log-driver none`): state is 'ended'. */
  noLogsDriver?: string;
  /** Why an ended log ended, when it is not "the container is not running" (a service's log). */
  endedWhy?: string;
}

export interface LogFollowerOptions {
  tail: number | 'all';
  /** Only lines after this (unix seconds, as the engine takes it). */
  since?: string;
  capacity: number;
  flushMs: number;
}

const DEFAULTS: LogFollowerOptions = { tail: 1000, capacity: 100_000, flushMs: 33 };

export class LogFollower {
  readonly store: Store<LogSnapshot>;
  private readonly opts: LogFollowerOptions;
  private readonly lines: LogRing;
  private abort: AbortController | undefined;
  private flushTimer: NodeJS.Timeout | undefined;
  /** Newest timestamp seen (as a sortable key, and as the engine wrote it). */
  private lastKey = '';
  private lastTs = '';
  /**
   * After a resume with since=lastTs the engine repeats the lines stamped exactly lastTs
   * (since is inclusive): these are the ones we hold, to drop once each.
   */
  private overlap: Map<string, number> | undefined;
  private stopped = false;
  /** A start event seen while the old stream was still draining (restart). */
  private startedMeanwhile = false;
  private readonly unsubscribers: Array<() => void> = [];

  constructor(
    private readonly api: Pick<EngineApi, 'logs'>,
    private readonly feed: EngineFeed,
    readonly containerId: string,
    opts: Partial<LogFollowerOptions> = {},
  ) {
    this.opts = { ...DEFAULTS, ...opts };
    this.lines = new LogRing({ capacity: this.opts.capacity });
    this.store = new Store<LogSnapshot>({ containerId, lines: this.lines, version: 0, state: 'loading' });
  }

  start(): void {
    this.unsubscribers.push(
      this.feed.onEvent((e) => {
        if (e.type === 'container' && e.id === this.containerId && e.action === 'start') this.resume();
      }),
      // Back from an engine loss: the stream either failed or just ended (a killed engine
      // closes it cleanly), and the engine restarts containers before it answers, so the
      // start event is gone. Resume from the last line either way; `since` makes it exact.
      this.feed.connection.subscribe(() => {
        const state = this.store.get().state;
        if (this.feed.isConnected() && (state === 'error' || state === 'ended')) this.resume();
      }),
    );
    void this.run(this.opts.tail, this.opts.since);
  }

  stop(): void {
    this.stopped = true;
    this.abort?.abort();
    if (this.flushTimer) clearTimeout(this.flushTimer);
    for (const off of this.unsubscribers.splice(0)) off();
  }

  private resume(): void {
    if (this.stopped) return;
    const state = this.store.get().state;
    if (state === 'live' || state === 'loading') {
      this.startedMeanwhile = true;
      return;
    }
    if (this.lastTs) this.overlap = this.collectOverlap();
    void this.run(this.lastTs ? 'all' : this.opts.tail, this.lastTs ? sinceParam(this.lastTs) : this.opts.since);
  }

  private async run(tail: number | 'all', since: string | undefined): Promise<void> {
    this.abort?.abort();
    const abort = new AbortController();
    this.abort = abort;
    this.startedMeanwhile = false;
    this.setState(this.lines.length ? 'live' : 'loading');
    try {
      for await (const batch of this.api.logs(this.containerId, { tail, since }, abort.signal)) {
        this.accept(batch);
        if (this.store.get().state !== 'live') this.setState('live');
      }
      if (abort.signal.aborted) return;
      this.setState('ended');
      if (this.startedMeanwhile) this.resume();
    } catch (err) {
      if (abort.signal.aborted) return;
      if (err instanceof NoLogsError) {
        this.store.update((s) => ({ ...s, noLogsDriver: err.driver }));
        this.setState('ended');
      } else this.setState('error', engineErrorMessage(err));
    }
  }

  private accept(batch: LogLine[]): void {
    for (const line of batch) {
      if (line.ts) {
        // stdout and stderr lines are not strictly ordered by time in the engine's
        // stream, so an older stamp is normal; only a resume's overlap is dropped.
        const key = timestampKey(line.ts);
        if (this.overlap) {
          if (key < this.lastKey) continue;
          if (key === this.lastKey) {
            const id = `${line.stream} ${line.text}`;
            const left = this.overlap.get(id) ?? 0;
            if (left > 0) {
              this.overlap.set(id, left - 1);
              continue;
            }
          } else {
            this.overlap = undefined;
          }
        }
        if (key > this.lastKey) {
          this.lastKey = key;
          this.lastTs = line.ts;
        }
      }
      this.lines.push(line);
    }
    this.scheduleFlush();
  }

  /** The lines stamped lastTs that we hold: a resume from lastTs sends them again. */
  private collectOverlap(): Map<string, number> {
    const held = new Map<string, number>();
    // Lines with one stamp sit together near the end; out-of-order ones are a few lines away.
    for (let i = this.lines.length - 1, seen = 0; i >= 0 && seen < 10_000; i--, seen++) {
      const line = this.lines.get(i)!;
      if (line.ts && timestampKey(line.ts) === this.lastKey) {
        const id = `${line.stream} ${line.text}`;
        held.set(id, (held.get(id) ?? 0) + 1);
      }
    }
    return held;
  }

  private scheduleFlush(): void {
    if (this.flushTimer || this.stopped) return;
    this.flushTimer = setTimeout(() => {
      this.flushTimer = undefined;
      this.store.update((s) => ({ ...s, version: s.version + 1 }));
    }, this.opts.flushMs);
  }

  private setState(state: LogState, error?: string): void {
    if (this.stopped) return;
    // This publish carries the lines accepted so far: a pending flush would only redraw them.
    if (this.flushTimer) clearTimeout(this.flushTimer);
    this.flushTimer = undefined;
    this.store.update((s) => ({ ...s, state, error, version: s.version + 1 }));
  }
}
