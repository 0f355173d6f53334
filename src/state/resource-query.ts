// One kind's list, read from the engine as its descriptor says: from start-up on
// ('always') or only while a pane shows it ('onScreen', where events meanwhile only
// mark it stale). Re-reads are coalesced; no timers, no polling.
import type { ResourceQuerySpec } from '../resources/query.js';
import type { ListEngine } from '../resources/query.js';
import { engineErrorMessage } from '../engine/errors.js';
import { Coalescer, Store } from './store.js';
import { LIST_TIMEOUT_MS, Retry, withDeadline } from './list-call.js';

export interface ListState<T> {
  rows: T[];
  loaded: boolean;
  error?: string;
}

export class ResourceQuery<Row> {
  readonly store = new Store<ListState<Row>>({ rows: [], loaded: false });
  private viewers = 0;
  private stale = true;
  private readonly refresh: Coalescer;
  /** A failed or timed-out list is read again in the background, with a growing pause. */
  private readonly retry: Retry;

  constructor(
    readonly spec: ResourceQuerySpec<Row>,
    private readonly engine: ListEngine,
    private readonly signal: AbortSignal,
    private readonly timeoutMs = LIST_TIMEOUT_MS,
  ) {
    this.refresh = new Coalescer(() => this.run(), spec.debounceMs);
    this.retry = new Retry(signal, () => this.request());
    // A list that is always live has one viewer for good: the session.
    if (spec.live === 'always') this.viewers = 1;
  }

  /** A pane showing the list arrived: load now if nothing is known or something changed meanwhile. */
  acquire(): () => void {
    this.viewers++;
    if (this.stale) void this.refresh.runNow();
    return () => {
      this.viewers = Math.max(0, this.viewers - 1);
    };
  }

  /** Something changed in the engine. */
  request(): void {
    if (this.viewers > 0) this.refresh.request();
    else this.stale = true;
  }

  /** Re-reads now (after an action of ours), if anyone is looking. */
  reload(): Promise<void> {
    if (this.viewers === 0) {
      this.stale = true;
      return Promise.resolve();
    }
    return this.refresh.runNow();
  }

  cancel(): void {
    this.refresh.cancel();
  }

  private async run(): Promise<void> {
    this.stale = false;
    try {
      const rows = await withDeadline(this.spec.kind, this.timeoutMs, this.signal, (s) => this.spec.list(this.engine, s));
      this.retry.succeeded();
      this.store.set({ rows, loaded: true });
    } catch (err) {
      if (this.signal.aborted) return;
      this.stale = true;
      // An always-live list keeps saying "Loading…" until its first rows; a pane opened
      // on demand says what it has (none) next to the error.
      this.store.update((s) => ({ ...s, loaded: this.spec.live === 'always' ? s.loaded : true, error: engineErrorMessage(err) }));
      this.retry.failed();
    }
  }
}
