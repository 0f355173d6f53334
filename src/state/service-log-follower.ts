// The live log of a swarm service, like `docker service logs -f`: one followed
// /services/{id}/logs stream (the manager merges every task's log, on every node, into
// it; a task started later — scaled up, replaced by an update — joins the same stream),
// demuxed like a container's, each line tagged task@node and placed in time order in one
// LogRing. The snapshot has a single container's shape (LogSnapshot), so the Logs tab's
// follow, search, filter, tail/since and scrolling work on it unchanged.
//
// Lines name their task and node by id only: the tag's slot and hostname come from the
// swarm listing, read when the log opens and again (at most once a second) when a line
// names a task it does not know — the API has no other way to resolve a task id.
import { engineErrorMessage } from '../engine/errors.js';
import type { EngineApi } from '../engine/api/engine-api.js';
import { splitDetails, taskTag, TASK_ID } from '../engine/models/swarm-log.js';
import { taskRows, type TaskRow } from '../engine/models/swarm.js';
import type { LogLine } from '../engine/models/types.js';
import type { EngineFeed } from './engine-feed.js';
import { sinceParam, timestampKey } from '../engine/models/log-stamp.js';
import type { LogSnapshot, LogState } from './log-follower.js';
import { LogRing } from './log-ring.js';
import { Store } from './store.js';
import { noteWrite, TAG_COLOURS, taggedText, TimeOrderedMerge, type Writer } from './time-ordered-merge.js';

export interface ServiceLogOptions {
  /** Lines of each task's log to start with (the engine applies the tail per task). */
  tail: number | 'all';
  since?: string;
  capacity: number;
  flushMs: number;
  /** A task that wrote within this long may still send older lines: newer ones wait for it. */
  quietMs: number;
  /** The longest a line waits for a lagging task before it is placed anyway. */
  holdMs: number;
  /** The tails arrive as a burst: the first lines are placed once it has paused this long… */
  burstQuietMs: number;
  /** …or after this long at most. */
  firstWaitMs: number;
  /** The least time between two re-reads of the task list (for a task id not known yet). */
  relistMs: number;
}

const DEFAULTS: ServiceLogOptions = {
  tail: 1000,
  capacity: 100_000,
  flushMs: 33,
  quietMs: 1000,
  holdMs: 1500,
  burstQuietMs: 150,
  firstWaitMs: 3000,
  relistMs: 1000,
};

interface Pending {
  key: string;
  line: LogLine;
  details: Record<string, string>;
  at: number;
}

interface Task extends Writer {
  colour: number;
}

export type ServiceLogApi = Pick<EngineApi, 'swarm'>;

export class ServiceLogFollower {
  readonly store: Store<LogSnapshot>;
  private readonly opts: ServiceLogOptions;
  private readonly lines: LogRing;
  private readonly writers = new Map<string, Task>();
  private tasks: ReadonlyMap<string, TaskRow> = new Map();
  private readonly merge: TimeOrderedMerge<Pending>;
  private abort: AbortController | undefined;
  private relistTimer: NodeJS.Timeout | undefined;
  private relisting = false;
  /** A task id turned up while a re-list was in flight (it may have read too early). */
  private relistAgain = false;
  private lastRelist = 0;
  /** The opening tails are in (or took too long): lines are placed as they come. */
  private opened = false;
  private openedAt = 0;
  private lastArrival = 0;
  private lastKey = '';
  private lastTs = '';
  private tagWidth = 0;
  private stopped = false;
  /** Aborted by stop(): the task-list reads close with the view too. */
  private readonly life = new AbortController();
  /** Task ids a re-list was asked for (one each: a task pruned from the history stays unknown). */
  private readonly asked = new Set<string>();
  private readonly unsubscribers: Array<() => void> = [];

  constructor(
    private readonly api: ServiceLogApi,
    private readonly feed: EngineFeed,
    readonly serviceId: string,
    /** The snapshot's containerId: the Logs tab's key for this log. */
    readonly key: string,
    opts: Partial<ServiceLogOptions> = {},
  ) {
    this.opts = { ...DEFAULTS, ...opts };
    this.merge = new TimeOrderedMerge(this.opts);
    this.lines = new LogRing({ capacity: this.opts.capacity });
    this.store = new Store<LogSnapshot>({
      containerId: key,
      lines: this.lines,
      version: 0,
      state: 'loading',
      endedWhy: 'the engine closed the service log (service removed?)',
    });
  }

  /** Ids of the tasks that wrote a line so far (tests, the title). */
  taskIds(): string[] {
    return [...this.writers.keys()];
  }

  start(): void {
    // Back from an engine loss: the stream failed or ended; resume after the last line.
    this.unsubscribers.push(
      this.feed.connection.subscribe(() => {
        const state = this.store.get().state;
        if (this.feed.isConnected() && (state === 'error' || state === 'ended')) void this.run();
      }),
    );
    void this.relist();
    void this.run();
  }

  stop(): void {
    this.stopped = true;
    this.abort?.abort();
    this.life.abort();
    this.merge.cancelFlush();
    if (this.relistTimer) clearTimeout(this.relistTimer);
    for (const off of this.unsubscribers.splice(0)) off();
  }

  private async run(): Promise<void> {
    if (this.stopped) return;
    this.abort?.abort();
    const abort = new AbortController();
    this.abort = abort;
    // A resume reads from the last line seen (since is inclusive: lines up to it are dropped).
    const resuming = this.lastTs !== '';
    const tail = resuming ? 'all' : this.opts.tail;
    const since = resuming ? sinceParam(this.lastTs) : this.opts.since;
    this.openedAt = Date.now();
    this.setState(this.lines.length ? 'live' : 'loading');
    try {
      for await (const batch of this.api.swarm.serviceLogs(this.serviceId, { tail, since, follow: true }, abort.signal)) {
        this.accept(batch, resuming ? this.lastKey : '');
        if (this.store.get().state !== 'live') this.setState('live');
      }
      if (abort.signal.aborted) return;
      this.flushNow();
      this.setState('ended');
    } catch (err) {
      if (!abort.signal.aborted) this.setState('error', engineErrorMessage(err));
    }
  }

  private accept(batch: readonly LogLine[], after: string): void {
    const now = Date.now();
    this.lastArrival = now;
    for (const raw of batch) {
      const key = raw.ts ? timestampKey(raw.ts) : '';
      if (after && key && key <= after) continue;
      const { details, text } = splitDetails(raw.text);
      const taskId = details[TASK_ID] ?? '';
      if (taskId && !this.tasks.has(taskId) && !this.asked.has(taskId)) {
        this.asked.add(taskId);
        this.requestRelist();
      }
      let writer = this.writers.get(taskId);
      if (!writer) this.writers.set(taskId, (writer = { watermark: '', lastAt: 0, colour: TAG_COLOURS[this.writers.size % TAG_COLOURS.length]! }));
      noteWrite(writer, key, now);
      if (key > this.lastKey) {
        this.lastKey = key;
        this.lastTs = raw.ts;
      }
      this.merge.push({ key, line: { ts: raw.ts, stream: raw.stream, text }, details, at: now });
    }
    this.scheduleFlush();
  }

  private requestRelist(): void {
    if (this.relisting) this.relistAgain = true;
    if (this.relisting || this.relistTimer || this.stopped) return;
    const wait = Math.max(0, this.lastRelist + this.opts.relistMs - Date.now());
    this.relistTimer = setTimeout(() => {
      this.relistTimer = undefined;
      void this.relist();
    }, wait);
  }

  private async relist(): Promise<void> {
    if (this.relisting || this.stopped) return;
    this.relisting = true;
    this.lastRelist = Date.now();
    try {
      const rows = taskRows(await this.api.swarm.listing(AbortSignal.any([this.life.signal, AbortSignal.timeout(20_000)])));
      this.tasks = new Map(rows.filter((t) => t.serviceId === this.serviceId).map((t) => [t.id, t]));
    } catch {
      // Tags fall back to the ids the line carries.
    } finally {
      this.relisting = false;
    }
    if (this.relistAgain) {
      this.relistAgain = false;
      this.requestRelist();
    }
    this.scheduleFlush();
  }

  private scheduleFlush(): void {
    if (!this.stopped) this.merge.scheduleFlush(() => this.flush(), this.opts.flushMs);
  }

  /** The stream ended: nothing older can follow, everything held is placed. */
  private flushNow(): void {
    this.merge.cancelFlush();
    this.place(this.merge.takeAll());
  }

  private flush(): void {
    const now = Date.now();
    if (!this.opened) {
      // The tails of every task come first, in one burst, each task's in turn: placed
      // before the burst is over, a later task's older lines would land after them.
      const burst = now - this.lastArrival < this.opts.burstQuietMs || this.relisting;
      if (burst && now - this.openedAt < this.opts.firstWaitMs) return this.scheduleFlush();
      this.opened = true;
      this.place(this.merge.takeAll());
      return;
    }
    this.place(this.merge.takeReady(now, this.writers.values()));
    this.scheduleFlush();
  }

  /** Moves lines into the ring, tagged by what the task list says now. */
  private place(ready: readonly Pending[]): void {
    if (ready.length === 0) return;
    const placed = ready.map((p) => ({ p, tag: taskTag(p.details, this.tasks) }));
    for (const { tag } of placed) this.tagWidth = Math.max(this.tagWidth, tag.length);
    for (const { p, tag } of placed) {
      const colour = this.writers.get(p.details[TASK_ID] ?? '')?.colour ?? TAG_COLOURS[0]!;
      this.lines.push({ ts: p.line.ts, stream: p.line.stream, text: taggedText(tag, colour, this.tagWidth, p.line.text) });
    }
    this.store.update((s) => ({ ...s, version: s.version + 1 }));
  }

  private setState(state: LogState, error?: string): void {
    if (this.stopped) return;
    this.store.update((s) => ({ ...s, state, error, version: s.version + 1 }));
  }
}
