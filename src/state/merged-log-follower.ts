// The merged log of a Compose project or service, like `docker compose logs -f`: one
// LogFollower per container (each resumes by itself across restarts and engine losses),
// their lines interleaved by the engine's timestamps into one LogRing, each prefixed by a
// coloured service/replica tag. Members follow the containers list: a container created
// (scaled up, re-created) while the view is open joins, a removed one leaves; a stopped
// one stays and its follower picks up again when it starts. The snapshot has the shape
// of a single container's (LogSnapshot), so the Logs tab's search, filter, follow and
// scrolling work on it unchanged.
import type { EngineApi } from '../engine/api/engine-api.js';
import type { ContainerRow, LogLine } from '../engine/models/types.js';
import type { EngineFeed } from './engine-feed.js';
import { timestampKey } from '../engine/models/log-stamp.js';
import { LogFollower, type LogSnapshot, type LogState } from './log-follower.js';
import { LogRing } from './log-ring.js';
import type { ListState } from './resource-query.js';
import { Store } from './store.js';
import { noteWrite, TAG_COLOURS, taggedText, TimeOrderedMerge, type Writer } from './time-ordered-merge.js';

/** Which containers a merged log follows: a project, or one service of it. */
export interface LogGroup {
  /** Stable id of the group; the snapshot's containerId. */
  key: string;
  project: string;
  service?: string;
}

export interface MergedLogOptions {
  tail: number | 'all';
  since?: string;
  capacity: number;
  flushMs: number;
  /**
   * A container that wrote within this long may still send lines older than what others
   * sent since (its stream lags behind theirs): lines newer than its last one wait for it.
   */
  quietMs: number;
  /** The longest a line waits for a lagging container before it is placed anyway. */
  holdMs: number;
  /** How long the first lines wait for every container's stream to open (a slow engine). */
  firstWaitMs: number;
}

const DEFAULTS: MergedLogOptions = { tail: 1000, capacity: 100_000, flushMs: 33, quietMs: 1000, holdMs: 3000, firstWaitMs: 3000 };

interface Member extends Writer {
  follower: LogFollower;
  tag: string;
  colour: number;
  /** Lines of the follower's ring already taken (as its totalPushed). */
  taken: number;
  off: () => void;
  /** Joined when the view opened (its tail counts), not later. */
  initial: boolean;
}

interface Pending {
  key: string;
  line: LogLine;
  tag: string;
  colour: number;
  at: number;
}

/** "web-1": the service and replica number, as compose v2 names them; else the container's name. */
export function memberTag(c: ContainerRow): string {
  const info = c.compose;
  if (!info?.service) return c.name;
  return info.number ? `${info.service}-${info.number}` : info.oneoff ? `${info.service}-run` : info.service;
}

/** A merged line's text as `docker compose logs --no-color` prints it: the tag's colour removed, the line's own kept. */
export function untagged(text: string): string {
  return text.replace(/^\u001b\[\d+m(.*?) \|\u001b\[0m /s, '$1 | ');
}

export class MergedLogFollower {
  readonly store: Store<LogSnapshot>;
  private readonly opts: MergedLogOptions;
  private readonly lines: LogRing;
  private readonly members = new Map<string, Member>();
  private readonly merge: TimeOrderedMerge<Pending>;
  private offList: (() => void) | undefined;
  private startedAt = 0;
  /** The containers list had loaded when we first looked: later members are joiners. */
  private seeded = false;
  private colours = 0;
  private stopped = false;

  constructor(
    private readonly api: Pick<EngineApi, 'logs'>,
    private readonly feed: EngineFeed,
    private readonly containers: Pick<Store<ListState<ContainerRow>>, 'get' | 'subscribe'>,
    readonly group: LogGroup,
    opts: Partial<MergedLogOptions> = {},
  ) {
    this.opts = { ...DEFAULTS, ...opts };
    this.merge = new TimeOrderedMerge(this.opts);
    this.lines = new LogRing({ capacity: this.opts.capacity });
    this.store = new Store<LogSnapshot>({ containerId: group.key, lines: this.lines, version: 0, state: 'loading' });
  }

  /** Ids of the containers followed now (tests, the title). */
  memberIds(): string[] {
    return [...this.members.keys()];
  }

  /** Lines taken from the containers, waiting for their place in time. */
  held(): number {
    return this.merge.size;
  }

  start(): void {
    this.startedAt = Date.now();
    this.offList = this.containers.subscribe(() => this.sync());
    this.sync();
  }

  stop(): void {
    this.stopped = true;
    this.offList?.();
    this.merge.cancelFlush();
    for (const m of this.members.values()) this.drop(m);
    this.members.clear();
  }

  private sync(): void {
    if (this.stopped) return;
    const list = this.containers.get();
    if (!list.loaded) return;
    const wanted = list.rows.filter(
      (c) => c.compose?.project === this.group.project && (this.group.service === undefined || c.compose.service === this.group.service),
    );
    const ids = new Set(wanted.map((c) => c.id));
    for (const [id, m] of this.members) {
      if (ids.has(id)) continue;
      // Removed: what it wrote stays in the merged log; its stream is gone anyway.
      this.take(id, m);
      this.drop(m);
      this.members.delete(id);
    }
    for (const c of wanted) if (!this.members.has(c.id)) this.join(c, !this.seeded);
    this.seeded = true;
    this.publishState();
  }

  private join(c: ContainerRow, initial: boolean): void {
    // A container joining later is new (created or scaled up meanwhile): all of its log is.
    const follower = new LogFollower(this.api, this.feed, c.id, {
      tail: initial ? this.opts.tail : 'all',
      since: this.opts.since,
      // Each container's own buffer only needs what arrives between two merges, and its
      // recent lines for resuming without duplicates; the merged ring holds the scrollback.
      capacity: Math.min(this.opts.capacity, 20_000),
      flushMs: this.opts.flushMs,
    });
    const member: Member = {
      follower,
      tag: memberTag(c),
      colour: TAG_COLOURS[this.colours++ % TAG_COLOURS.length]!,
      taken: 0,
      off: () => {},
      initial,
      watermark: '',
      lastAt: 0,
    };
    member.off = follower.store.subscribe(() => {
      // Just opened: its tail is on the way, so lines newer than now wait for it a moment.
      if (member.lastAt === 0 && follower.store.get().state === 'live') member.lastAt = Date.now();
      this.take(c.id, member);
      this.publishState();
    });
    this.members.set(c.id, member);
    follower.start();
  }

  private drop(m: Member): void {
    m.off();
    m.follower.stop();
  }

  /** Moves a member's new lines into the pending queue. */
  private take(_id: string, m: Member): void {
    const ring = m.follower.store.get().lines;
    const now = Date.now();
    // Lines evicted before we took them are lost to the merge (a flood beyond 20 000 lines per flush).
    for (let seq = Math.max(m.taken, ring.dropped); seq < ring.totalPushed; seq++) {
      const line = ring.get(seq - ring.dropped)!;
      const key = line.ts ? timestampKey(line.ts) : '';
      noteWrite(m, key, now);
      this.merge.push({ key, line, tag: m.tag, colour: m.colour, at: now });
    }
    m.taken = ring.totalPushed;
    this.scheduleFlush();
  }

  private scheduleFlush(): void {
    if (!this.stopped) this.merge.scheduleFlush(() => this.flush(), this.opts.flushMs);
  }

  private flush(): void {
    const now = Date.now();
    // The first lines wait until every container's tail is in, so the opening screen is in order.
    const waiting = [...this.members.values()].some((m) => m.initial && m.follower.store.get().state === 'loading');
    if (waiting && now - this.startedAt < this.opts.firstWaitMs) return this.scheduleFlush();
    // Still waiting after firstWaitMs: a stream that has not opened holds nothing back.
    const writing = waiting ? [] : [...this.members.values()].filter((m) => m.follower.store.get().state === 'live');
    const ready = this.merge.takeReady(now, writing);
    if (ready.length) {
      const width = Math.max(...[...this.members.values()].map((m) => m.tag.length), 0);
      for (const p of ready) {
        this.lines.push({ ts: p.line.ts, stream: p.line.stream, text: taggedText(p.tag, p.colour, width, p.line.text) });
      }
      this.store.update((s) => ({ ...s, version: s.version + 1 }));
    }
    this.scheduleFlush();
    this.publishState();
  }

  /** Live while any container streams; loading until one does; ended when none can. */
  private publishState(): void {
    if (this.stopped) return;
    const states = [...this.members.values()].map((m) => m.follower.store.get());
    const has = (s: LogState) => states.some((x) => x.state === s);
    const state: LogState = has('live')
      ? 'live'
      : has('loading') && this.lines.length === 0
        ? 'loading'
        : has('error')
          ? 'error'
          : states.length
            ? 'ended'
            : this.containers.get().loaded
              ? 'ended'
              : 'loading';
    const error = state === 'error' ? states.find((x) => x.state === 'error')?.error : undefined;
    const cur = this.store.get();
    if (cur.state !== state || cur.error !== error) this.store.update((s) => ({ ...s, state, error, version: s.version + 1 }));
  }
}
