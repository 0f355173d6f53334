// A value read from the engine while something on screen wants it (the Engine pane's
// overview): see ViewedQuery for when it is read.
import { engineErrorMessage } from '../engine/errors.js';
import { Store } from './store.js';
import { ViewedQuery } from './viewed-query.js';

export interface QueryState<T> {
  value?: T;
  loaded: boolean;
  error?: string;
}

export class LiveQuery<T> extends ViewedQuery {
  readonly store = new Store<QueryState<T>>({ loaded: false });

  constructor(
    private readonly load: (signal: AbortSignal) => Promise<T>,
    signal: AbortSignal,
    delayMs = 100,
  ) {
    super(signal, delayMs);
  }

  protected async read(): Promise<void> {
    const value = await this.load(this.signal);
    this.store.set({ value, loaded: true });
  }

  protected failed(err: unknown): void {
    this.store.update((s) => ({ ...s, loaded: true, error: engineErrorMessage(err) }));
  }
}
