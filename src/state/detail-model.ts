// The detail pane's one live stream. The pane says what it shows (show(target)); this
// model opens the matching watcher — the log a moment after the selection settles, so
// arrowing through 50 containers opens one stream, not 50 — closes the previous one,
// and publishes the watcher's snapshots in one store that the views render and the
// controller reads (scroll lengths, search). No React here.
import type { EngineApi } from '../engine/api/engine-api.js';
import type { EngineFeed } from './engine-feed.js';
import { InspectLoader, type InspectSnapshot, type InspectTarget } from './inspect-loader.js';
import { LogFollower, type LogSnapshot } from './log-follower.js';
import { MergedLogFollower, type LogGroup } from './merged-log-follower.js';
import type { ContainerRow } from '../engine/models/types.js';
import type { ListState } from './resource-query.js';
import { ServiceLogFollower } from './service-log-follower.js';
import { StatsWatcher, type StatsSnapshot } from './stats-watcher.js';
import { Store } from './store.js';
import { TopWatcher, type TopSnapshot } from './top-watcher.js';

// With a group, containerId is the group's key and the log merges its containers' logs;
// with a serviceId, it is the swarm service's log (ServiceLogFollower).
export type DetailTarget = (
  | { tab: 'logs'; containerId: string; tail: number | 'all'; since?: string; group?: LogGroup; serviceId?: string }
  | { tab: 'top' | 'stats'; containerId: string; running: boolean }
  | { tab: 'inspect'; inspect: InspectTarget }
) & {
  /** Another engine to read from than the app's (a fleet row's); unset: the app's engine. */
  engine?: DetailSource;
};

/** An engine the detail pane reads from: its id (two engines' targets never compare equal), API and events. */
export interface DetailSource {
  id: string;
  api: DetailApi;
  feed: EngineFeed;
}

export interface DetailState {
  target?: DetailTarget;
  /** The log of target's container; while a new tail/since re-opens it, the previous one. */
  logs?: LogSnapshot;
  top?: TopSnapshot;
  stats?: StatsSnapshot;
  inspect?: InspectSnapshot;
}

export type DetailApi = Pick<EngineApi, 'logs' | 'top' | 'stats' | 'inspectContainer' | 'inspectImage' | 'swarm'>;

export interface DetailModelOptions {
  /** Lines the log buffer keeps (--log-lines). */
  logLines: number;
  /** How long the selection must rest before its log stream opens. */
  settleMs: number;
  /** How often (at most) a log publishes new lines; LogFollower's default when unset. */
  logFlushMs?: number;
  /** How often the Top tab re-reads `docker top` (config settings.topRefresh); TopWatcher's default when unset. */
  topRefreshMs?: number;
  /** The current engine's containers list, for merged logs of a Compose project (their members follow it). */
  containers?: () => Pick<Store<ListState<ContainerRow>>, 'get' | 'subscribe'>;
}

export const DEFAULT_LOG_LINES = 100_000;
export const SETTLE_MS = 60;

interface Watcher<T> {
  readonly store: Store<T>;
  start(): void;
  stop(): void;
}

function sameTarget(a: DetailTarget | undefined, b: DetailTarget | undefined): boolean {
  if (!a || !b) return a === b;
  if (a.tab !== b.tab || a.engine?.id !== b.engine?.id) return false;
  if (a.tab === 'logs' && b.tab === 'logs') return a.containerId === b.containerId && a.tail === b.tail && a.since === b.since;
  if (a.tab === 'inspect' && b.tab === 'inspect') return a.inspect.kind === b.inspect.kind && a.inspect.id === b.inspect.id;
  if ((a.tab === 'top' || a.tab === 'stats') && (b.tab === 'top' || b.tab === 'stats')) return a.containerId === b.containerId && a.running === b.running;
  return false;
}

export class DetailModel {
  readonly store = new Store<DetailState>({});
  private readonly opts: DetailModelOptions;
  private watcher: Watcher<unknown> | undefined;
  private offWatcher: (() => void) | undefined;
  private settle: NodeJS.Timeout | undefined;

  constructor(
    private api: DetailApi,
    private feed: EngineFeed,
    opts: Partial<DetailModelOptions> = {},
  ) {
    this.opts = { logLines: DEFAULT_LOG_LINES, settleMs: SETTLE_MS, ...opts };
  }

  get state(): DetailState {
    return this.store.get();
  }

  /** What the pane shows now; undefined when it is off screen (its stream closes). */
  show(target: DetailTarget | undefined): void {
    const before = this.state.target;
    if (sameTarget(before, target)) return;
    this.close();
    if (!target) return this.store.set({});
    const api = target.engine?.api ?? this.api;
    const feed = target.engine?.feed ?? this.feed;
    switch (target.tab) {
      case 'logs': {
        // The same container with another tail/since keeps its lines on screen until the
        // new stream opens; another container starts empty ("Loading logs…").
        const keep = before?.tab === 'logs' && before.containerId === target.containerId ? this.state.logs : undefined;
        this.store.set({ target, logs: keep });
        this.settle = setTimeout(() => {
          this.settle = undefined;
          const opts = {
            tail: target.tail,
            since: target.since,
            capacity: this.opts.logLines,
            ...(this.opts.logFlushMs !== undefined ? { flushMs: this.opts.logFlushMs } : {}),
          };
          const follower = target.serviceId
            ? new ServiceLogFollower(api, feed, target.serviceId, target.containerId, opts)
            : target.group && this.opts.containers
              ? new MergedLogFollower(api, feed, this.opts.containers(), target.group, opts)
              : new LogFollower(api, feed, target.containerId, opts);
          this.open(follower, (logs) => ({ target, logs }));
        }, this.opts.settleMs);
        return;
      }
      case 'top':
        this.store.set({ target });
        if (target.running) this.open(new TopWatcher(api, target.containerId, this.opts.topRefreshMs), (top) => ({ target, top }));
        return;
      case 'stats':
        this.store.set({ target });
        if (target.running) this.open(new StatsWatcher(api, target.containerId), (stats) => ({ target, stats }));
        return;
      case 'inspect':
        this.store.set({ target });
        this.open(new InspectLoader(api, feed, target.inspect), (inspect) => ({ target, inspect }));
        return;
    }
  }

  /** Closes the stream for good (the app is ending or switching engines). */
  stop(): void {
    this.close();
    this.store.set({});
  }

  /** The app switched engines: the old stream closes, the next show() reads the new one. */
  rebind(api: DetailApi, feed: EngineFeed): void {
    this.stop();
    this.api = api;
    this.feed = feed;
  }

  private open<T>(watcher: Watcher<T>, state: (snapshot: T) => DetailState): void {
    this.watcher = watcher;
    this.offWatcher = watcher.store.subscribe(() => {
      if (this.watcher === watcher) this.store.set(state(watcher.store.get()));
    });
    watcher.start();
    this.store.set(state(watcher.store.get()));
  }

  private close(): void {
    if (this.settle) clearTimeout(this.settle);
    this.settle = undefined;
    this.offWatcher?.();
    this.offWatcher = undefined;
    this.watcher?.stop();
    this.watcher = undefined;
  }
}
