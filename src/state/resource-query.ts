// One kind's list, read from the engine as its descriptor says: from start-up on
// ('always') or only while a pane shows it ('onScreen'); see ViewedQuery for when it is
// read. Each list call has a deadline (a slow engine gets a message, not "Loading…").
import type { ListEngine, ResourceQuerySpec } from '../resources/query.js';
import { engineErrorMessage } from '../engine/errors.js';
import { Store } from './store.js';
import { LIST_TIMEOUT_MS, withDeadline } from './list-call.js';
import { ViewedQuery } from './viewed-query.js';

export interface ListState<T> {
  rows: T[];
  loaded: boolean;
  error?: string;
}

export class ResourceQuery<Row> extends ViewedQuery {
  readonly store = new Store<ListState<Row>>({ rows: [], loaded: false });
  private settleTimer: NodeJS.Timeout | undefined;

  constructor(
    readonly spec: ResourceQuerySpec<Row>,
    private readonly engine: ListEngine,
    signal: AbortSignal,
    private readonly timeoutMs = LIST_TIMEOUT_MS,
  ) {
    super(signal, spec.debounceMs);
    // A list that is always live has one viewer for good: the session.
    if (spec.live === 'always') this.viewers = 1;
  }

  protected async read(): Promise<void> {
    const rows = await withDeadline(this.spec.kind, this.timeoutMs, this.signal, (s) => this.spec.list(this.engine, s));
    this.store.set({ rows, loaded: true });
    if (this.spec.settling?.(rows) && !this.signal.aborted) {
      // Only a request: while nobody looks it merely marks the list stale (no polling).
      clearTimeout(this.settleTimer);
      this.settleTimer = setTimeout(() => this.request(), this.spec.settleMs ?? 1000);
    }
  }

  override cancel(): void {
    super.cancel();
    clearTimeout(this.settleTimer);
  }

  protected failed(err: unknown): void {
    // An always-live list keeps saying "Loading…" until its first rows; a pane opened
    // on demand says what it has (none) next to the error.
    this.store.update((s) => ({ ...s, loaded: this.spec.live === 'always' ? s.loaded : true, error: engineErrorMessage(err) }));
  }
}
