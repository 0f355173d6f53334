// One connected engine and the live state dtui shows of it. The events stream is the
// only thing that triggers re-lists (debounced): no polling. When the engine goes away
// the session says so, pings until it is back, then re-lists and resumes.
import type { EngineApi } from '../engine/api/engine-api.js';
import type { ConnectionState, EngineFeed } from './engine-feed.js';
import { engineErrorMessage } from '../engine/errors.js';
import { StatsSampler } from './stats-sampler.js';
import { Coalescer, Store, delay } from './store.js';
import type { ContainerAction, ContainerRow, EngineEvent, ImageRow } from '../engine/models/types.js';
import { LiveQuery } from './live-query.js';
import type { VolumeRow } from '../engine/models/volumes.js';
import type { EngineOverview } from '../engine/models/engine-overview.js';

export interface ListState<T> {
  rows: T[];
  loaded: boolean;
  error?: string;
}

export type { ConnectionState } from './engine-feed.js';

/** Container events that cannot change what the list shows. */
const QUIET_ACTIONS = /^(exec_|top$|attach$|resize$|archive-path$|extract-to-dir$|export$|commit$)/;

export const PENDING_LABEL: Record<ContainerAction, string> = {
  start: 'starting…', stop: 'stopping…', restart: 'restarting…', pause: 'pausing…',
  unpause: 'unpausing…', kill: 'killing…', remove: 'removing…',
};

export class EngineSession implements EngineFeed {
  readonly containers = new Store<ListState<ContainerRow>>({ rows: [], loaded: false });
  readonly images = new Store<ListState<ImageRow>>({ rows: [], loaded: false });
  readonly connection = new Store<ConnectionState>({ status: 'connected' });
  /** Container id → what is being done to it, shown in place of its status. */
  readonly pending = new Store<ReadonlyMap<string, string>>(new Map());

  /** CPU/memory of the running containers on screen, sampled every few seconds. */
  readonly stats: StatsSampler;

  private readonly abort = new AbortController();
  /** Volumes and the Engine pane's overview: read while on screen, re-read on events. */
  readonly volumes = new LiveQuery<VolumeRow[]>((signal) => this.engine.listVolumes(signal), this.abort.signal, 80);
  readonly overview = new LiveQuery<EngineOverview>((signal) => this.engine.overview(signal), this.abort.signal, 300);
  private readonly eventListeners = new Set<(e: EngineEvent) => void>();
  private readonly containerRefresh = new Coalescer(() => this.loadContainers(), 40);
  private readonly imageRefresh = new Coalescer(() => this.loadImages(), 80);

  constructor(readonly engine: EngineApi, private readonly retryMs = 1000) {
    this.stats = new StatsSampler(engine);
  }

  get signal(): AbortSignal {
    return this.abort.signal;
  }

  start(): Promise<void> {
    void this.watchEvents();
    return Promise.all([this.containerRefresh.runNow(), this.imageRefresh.runNow()]).then(() => undefined);
  }

  stop(): void {
    this.abort.abort();
    this.stats.stop();
    this.containerRefresh.cancel();
    this.imageRefresh.cancel();
    this.volumes.cancel();
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

  async containerAction(row: ContainerRow, action: ContainerAction, opts: { force?: boolean } = {}): Promise<void> {
    this.setPending(row.id, PENDING_LABEL[action]);
    try {
      await this.engine.containerAction(row.id, action, opts);
      // Re-list before dropping the "stopping…" label so the row goes straight to its new state.
      await this.containerRefresh.runNow();
    } finally {
      this.setPending(row.id, undefined);
    }
  }

  async removeImage(row: ImageRow, opts: { force?: boolean } = {}): Promise<void> {
    // Force means the whole image: by id, every tag, even if stopped containers use it.
    await this.engine.removeImage(opts.force ? row.id : row.ref, opts);
    await this.imageRefresh.runNow();
  }

  /** Re-reads images now (after a load or prune of ours), without waiting for events. */
  reloadImages(): Promise<void> {
    return this.imageRefresh.runNow();
  }

  refreshAll(): void {
    this.containerRefresh.request();
    this.imageRefresh.request();
    this.volumes.request();
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

  private async loadContainers(): Promise<void> {
    try {
      const rows = await this.engine.listContainers(this.signal);
      this.containers.set({ rows, loaded: true });
    } catch (err) {
      if (this.signal.aborted) return;
      this.containers.update((s) => ({ ...s, error: engineErrorMessage(err) }));
    }
  }

  private async loadImages(): Promise<void> {
    try {
      const rows = await this.engine.listImages(this.signal);
      this.images.set({ rows, loaded: true });
    } catch (err) {
      if (this.signal.aborted) return;
      this.images.update((s) => ({ ...s, error: engineErrorMessage(err) }));
    }
  }

  private route(event: EngineEvent): void {
    if (event.type === 'container' && !QUIET_ACTIONS.test(event.action)) this.containerRefresh.request();
    if (event.type === 'image') this.imageRefresh.request();
    // A container created or removed changes the images' in-use counts.
    if (event.type === 'container' && (event.action === 'create' || event.action === 'destroy')) this.imageRefresh.request();
    if (event.type === 'volume') this.volumes.request();
    // Counts, disk usage and registry settings can change with any of these.
    if (event.type !== 'container' || !QUIET_ACTIONS.test(event.action)) this.overview.request();
    for (const listener of this.eventListeners) listener(event);
  }

  private async watchEvents(): Promise<void> {
    const signal = this.signal;
    while (!signal.aborted) {
      try {
        for await (const event of this.engine.events(signal)) this.route(event);
        if (signal.aborted) return;
        throw new Error('the events stream ended');
      } catch (err) {
        if (signal.aborted) return;
        this.connection.set({ status: 'lost', error: engineErrorMessage(err), since: Date.now() });
        await this.waitForEngine();
        if (signal.aborted) return;
        this.connection.set({ status: 'connected' });
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
      } catch {
        await delay(this.retryMs, signal);
      }
    }
  }
}
