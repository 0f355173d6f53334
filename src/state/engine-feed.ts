// What a watcher hears from the session about its engine, beyond the calls it makes:
// the events stream and whether the engine is reachable. EngineSession implements it;
// a test implements it with a Store and a listener set.
import type { EngineEvent } from '../engine/models/types.js';
import type { Store } from './store.js';

export type ConnectionState = { status: 'connected' } | { status: 'lost'; error: string; since: number };

export interface EngineFeed {
  /** Every engine event; returns the unsubscribe. */
  onEvent(listener: (e: EngineEvent) => void): () => void;
  readonly connection: Pick<Store<ConnectionState>, 'get' | 'subscribe'>;
  isConnected(): boolean;
}
