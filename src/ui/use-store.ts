// Subscribe a component to an external store (src/state's Store, or anything shaped like it).
// Structural on purpose: src/ui is generic and imports no domain code (.dependency-cruiser.cjs).
import { useSyncExternalStore } from 'react';

export interface ExternalStore<T> {
  subscribe: (listener: () => void) => () => void;
  get: () => T;
}

export function useStore<T>(store: ExternalStore<T>): T {
  return useSyncExternalStore(store.subscribe, store.get, store.get);
}
