// A value read from the engine while something on screen wants it: loaded when the first
// viewer acquires it, re-read (coalesced) when an engine event says it changed, and left
// alone while nobody looks — events then only mark it stale. No timers, no polling.
import { engineErrorMessage } from '../engine/errors.js';
import { Coalescer, Store } from './store.js';
import { Retry } from './list-call.js';

export interface QueryState<T> {
  value?: T;
  loaded: boolean;
  error?: string;
}

export class LiveQuery<T> {
  readonly store = new Store<QueryState<T>>({ loaded: false });
  private viewers = 0;
  private stale = true;
  private readonly refresh: Coalescer;
  /** A failed read is tried again in the background (growing pause) while someone looks. */
  private readonly retry: Retry;

  constructor(
    private readonly load: (signal: AbortSignal) => Promise<T>,
    private readonly signal: AbortSignal,
    delayMs = 100,
  ) {
    this.refresh = new Coalescer(() => this.run(), delayMs);
    this.retry = new Retry(signal, () => this.request());
  }

  /** A viewer arrived: load now if nothing is known or something changed meanwhile. */
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
      const value = await this.load(this.signal);
      this.store.set({ value, loaded: true });
      this.retry.succeeded();
    } catch (err) {
      if (this.signal.aborted) return;
      this.stale = true;
      this.store.update((s) => ({ ...s, loaded: true, error: engineErrorMessage(err) }));
      this.retry.failed();
    }
  }
}
