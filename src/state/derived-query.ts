// A kind whose rows are computed from the containers list (Compose projects): no engine
// call of its own, so it adds no request and no polling. It follows the containers store
// while someone looks (re-deriving at most once per coalescing delay), and only marks
// itself stale while nobody does, like every other ViewedQuery.
import type { ContainerRow } from '../engine/models/types.js';
import type { ListEngine, ResourceQuerySpec } from '../resources/query.js';
import { ResourceQuery, type ListState } from './resource-query.js';
import type { Store } from './store.js';

export class DerivedQuery<Row> extends ResourceQuery<Row> {
  constructor(
    spec: ResourceQuerySpec<Row> & { derive: (containers: readonly ContainerRow[]) => Row[] },
    engine: ListEngine,
    private readonly source: Pick<Store<ListState<ContainerRow>>, 'get' | 'subscribe'>,
    signal: AbortSignal,
  ) {
    super(spec, engine, signal);
    const off = source.subscribe(() => this.request());
    signal.addEventListener('abort', off, { once: true });
  }

  protected override read(): Promise<void> {
    const { rows, loaded, error } = this.source.get();
    this.store.set({ rows: this.spec.derive!(rows), loaded, ...(error ? { error } : {}) });
    return Promise.resolve();
  }
}
