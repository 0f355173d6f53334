// Subscribe a component to an external store (src/state/store.ts).
import { useSyncExternalStore } from 'react';
import type { Store } from '../state/store.js';

export function useStore<T>(store: Store<T>): T {
  return useSyncExternalStore(store.subscribe, store.get, store.get);
}
