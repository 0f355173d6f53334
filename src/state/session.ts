// One connected engine and the live state dtui shows of it. The events stream is the
// only thing that triggers re-lists (debounced): no polling. When the engine goes away
// the session says so, pings until it is back, then re-lists and resumes.
import type { EngineApi } from '../engine/api/engine-api.js';
import type { ConnectionState, EngineFeed } from './engine-feed.js';
import { engineErrorMessage } from '../engine/errors.js';
import { StatsSampler } from './stats-sampler.js';
import { ContainerTimesStore } from './container-times.js';
import { Store, delay } from './store.js';
import type { ContainerAction, ContainerRow, EngineEvent, ImageRow } from '../engine/models/types.js';
import { LiveQuery } from './live-query.js';
import { LIST_TIMEOUT_MS, withDeadline } from './list-call.js';
import type { EngineOverview } from '../engine/models/engine-overview.js';
import { ResourceQuery } from './resource-query.js';
import { refreshes, type ResourceQuerySpec } from '../resources/query.js';
import { DerivedQuery } from './derived-query.js';
import { QUIET_CONTAINER_ACTIONS } from '../resources/containers/query.js';
import { RESOURCE_KINDS, RESOURCE_QUERIES, type ResourceKind, type RowOf } from '../resources/queries.js';

export type { ListState } from './resource-query.js';

export type { ConnectionState } from './engine-feed.js';

export const PENDING_LABEL: Record<ContainerAction, string> = {
  start: 'starting…',
  stop: 'stopping…',
  restart: 'restarting…',
  pause: 'pausing…',
  unpause: 'unpausing…',
  kill: 'killing…',
  remove: 'removing…',
};

/**
 * The /events types the session subscribes to: every type a kind's `refreshOn` names, plus
 * what the session itself follows — container events (start/finish times, logs that re-open
 * on start) and daemon events (the Engine overview). A new kind's events come with its query spec.
 */
export const SESSION_EVENT_TYPES: readonly string[] = [
  ...new Set(['container', ...RESOURCE_KINDS.flatMap((k) => RESOURCE_QUERIES[k].refreshOn.map((r) => r.type)), 'daemon']),
];

export class EngineSession implements EngineFeed {
  readonly connection = new Store<ConnectionState>({ status: 'connected' });
  /** Container id → what is being done to it, shown in place of its status. */
  readonly pending = new Store<ReadonlyMap<string, string>>(new Map());

  /** CPU/memory of the running containers on screen, sampled every few seconds. */
  readonly stats: StatsSampler;

  private readonly abort = new AbortController();
  /** Start/finish times of the containers on screen, for exact "Up …"/"… ago" ages. */
  readonly times: ContainerTimesStore;
  /** One live list per resource kind, built from its descriptor's query spec. */
  private readonly lists: { readonly [K in ResourceKind]: ResourceQuery<RowOf<K>> };
  /** The Engine pane's overview: read while on screen, re-read on events. */
  readonly overview = new LiveQuery<EngineOverview>(
    (signal) => withDeadline('engine overview', this.listTimeoutMs, signal, (s) => this.engine.overview(s)),
    this.abort.signal,
    300,
  );
  private readonly eventListeners = new Set<(e: EngineEvent) => void>();

  constructor(
    readonly engine: EngineApi,
    private readonly retryMs = 1000,
    private readonly listTimeoutMs = LIST_TIMEOUT_MS,
  ) {
    this.stats = new StatsSampler(engine);
    this.times = new ContainerTimesStore(engine, this.abort.signal);
    const lists: Partial<Record<ResourceKind, ResourceQuery<unknown>>> = {};
    const containers = new ResourceQuery<RowOf<'containers'>>(RESOURCE_QUERIES.containers, engine, this.abort.signal, listTimeoutMs);
    for (const kind of RESOURCE_KINDS) {
      const spec = RESOURCE_QUERIES[kind] as ResourceQuerySpec<unknown>;
      // A kind derived from the containers list (Compose projects) reads nothing itself.
      lists[kind] =
        kind === 'containers'
          ? (containers as unknown as ResourceQuery<unknown>)
          : spec.derive
            ? new DerivedQuery({ ...spec, derive: spec.derive }, engine, containers.store, this.abort.signal)
            : new ResourceQuery<unknown>(spec, engine, this.abort.signal, listTimeoutMs);
    }
    this.lists = lists as { readonly [K in ResourceKind]: ResourceQuery<RowOf<K>> };
  }

  /** The live list of one kind. */
  list<K extends ResourceKind>(kind: K): ResourceQuery<RowOf<K>> {
    return this.lists[kind];
  }

  /** The containers list's store (read by many actions). */
  get containers() {
    return this.lists.containers.store;
  }

  get images() {
    return this.lists.images.store;
  }

  get volumes(): ResourceQuery<RowOf<'volumes'>> {
    return this.lists.volumes;
  }

  get signal(): AbortSignal {
    return this.abort.signal;
  }

  start(): Promise<void> {
    void this.watchEvents();
    const first = RESOURCE_KINDS.filter((k) => RESOURCE_QUERIES[k].live === 'always').map((k) => this.lists[k].reload());
    return Promise.all(first).then(() => undefined);
  }

  stop(): void {
    this.abort.abort();
    this.stats.stop();
    for (const kind of RESOURCE_KINDS) this.lists[kind].cancel();
    this.overview.cancel();
  }

  /** Every engine event, for views that follow one container (logs reconnect on start). */
  onEvent(listener: (e: EngineEvent) => void): () => void {
    this.eventListeners.add(listener);
    return () => this.eventListeners.delete(listener);
  }

  isConnected(): boolean {
    return this.connection.get().status === 'connected';
  }

  async containerAction(row: ContainerRow, action: ContainerAction, opts: { force?: boolean; volumes?: boolean } = {}): Promise<void> {
    this.setPending(row.id, PENDING_LABEL[action]);
    try {
      await this.engine.containerAction(row.id, action, opts);
      // Re-list before dropping the "stopping…" label so the row goes straight to its new state.
      await this.lists.containers.reload();
    } finally {
      this.setPending(row.id, undefined);
    }
  }

  async removeImage(row: ImageRow, opts: { force?: boolean } = {}): Promise<void> {
    // Force means the whole image: by id, every tag, even if stopped containers use it.
    await this.engine.removeImage(opts.force ? row.id : row.ref, opts);
    await this.lists.images.reload();
  }

  /** Re-reads images now (after a load or prune of ours), without waiting for events. */
  reloadImages(): Promise<void> {
    return this.lists.images.reload();
  }

  refreshAll(): void {
    for (const kind of RESOURCE_KINDS) this.lists[kind].request();
    this.overview.request();
  }

  private setPending(id: string, label: string | undefined): void {
    this.pending.update((m) => {
      const next = new Map(m);
      if (label) next.set(id, label);
      else next.delete(id);
      return next;
    });
  }

  private route(event: EngineEvent): void {
    for (const kind of RESOURCE_KINDS) if (refreshes(RESOURCE_QUERIES[kind].refreshOn, event)) this.lists[kind].request();
    // Counts, disk usage and registry settings can change with any of these.
    if (event.type !== 'container' || !QUIET_CONTAINER_ACTIONS.test(event.action)) this.overview.request();
    this.times.onEvent(event);
    for (const listener of this.eventListeners) listener(event);
  }

  private async watchEvents(): Promise<void> {
    const signal = this.signal;
    while (!signal.aborted) {
      try {
        for await (const event of this.engine.events(signal, SESSION_EVENT_TYPES)) this.route(event);
        if (signal.aborted) return;
        throw new Error('the events stream ended');
      } catch (err) {
        if (signal.aborted) return;
        this.connection.set({ status: 'lost', error: engineErrorMessage(err), since: Date.now() });
        await this.waitForEngine();
        if (signal.aborted) return;
        this.connection.set({ status: 'connected' });
        this.times.clear();
        this.refreshAll();
      }
    }
  }

  private async waitForEngine(): Promise<void> {
    const signal = this.signal;
    while (!signal.aborted) {
      try {
        await this.engine.ping(AbortSignal.any([signal, AbortSignal.timeout(this.retryMs)]));
        return;
      } catch (err) {
        // The first failure is often a reset of the open stream; what the retries meet
        // (a socket that is gone, a refusal) is the cause worth showing.
        const error = engineErrorMessage(err);
        this.connection.update((c) => (c.status === 'lost' && c.error !== error ? { ...c, error } : c));
        await delay(this.retryMs, signal);
      }
    }
  }
}
