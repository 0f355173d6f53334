// The sort contract of a resource list: a kind's query spec lists its sort keys (o cycles
// through them). Apart from column-types.ts because the query specs hold the sort keys and
// the session reads the query specs: a sort key may not name EngineSession (that import
// would close a cycle), only the part of it sort values read (`SortSession`).
import type { StatsSampler } from '../state/stats-sampler.js';

/** Read-only view of a store a column depends on (pending labels, stats, another list). */
export interface Readable<T> {
  get: () => T;
  subscribe: (listener: () => void) => () => void;
}

/** What a sort value may read besides its row: the engine session's stats (an EngineSession is one). */
export interface SortSession {
  readonly stats: Pick<StatsSampler, 'store'>;
}

/**
 * One way to order a list (o cycles through a kind's keys, O reverses). `title` is the
 * column whose header gets the ▲/▼; values compare as numbers or, lowercased, as text;
 * rows without a value go last in either direction.
 */
export interface SortKey<Row> {
  /** What the config file names it: 'name', 'state', 'cpu', 'mem', 'created', 'size'. */
  id: string;
  title: string;
  value: (row: Row, session: SortSession) => string | number | undefined;
  /** Largest first when chosen (CPU, size, newest). */
  desc?: boolean;
  /** The store its values come from besides the row (stats): a change re-sorts. */
  input?: (session: SortSession) => Readable<unknown>;
  /** Read from the stats sampler: left out with `statsColumns: false`. */
  stats?: true;
}
