// What LiveQuery (one value) and ResourceQuery (one kind's list) share: read from the
// engine while someone looks, re-read (coalesced) when an engine event says it changed,
// only marked stale while nobody looks, and retried in the background after a failure.
// No timers beyond the coalescing delay and the retry pause; no polling.
import { Coalescer } from './store.js';
import { Retry } from './list-call.js';

export abstract class ViewedQuery {
  protected viewers = 0;
  private stale = true;
  private readonly refresh: Coalescer;
  /** A failed read is tried again in the background (growing pause) while someone looks. */
  private readonly retry: Retry;

  constructor(
    protected readonly signal: AbortSignal,
    delayMs: number,
  ) {
    this.refresh = new Coalescer(() => this.run(), delayMs);
    this.retry = new Retry(signal, () => this.request());
  }

  /** Reads and publishes; throws when the read failed. */
  protected abstract read(): Promise<void>;
  /** Publishes a failed read (the signal was not aborted). */
  protected abstract failed(err: unknown): void;

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
      await this.read();
      this.retry.succeeded();
    } catch (err) {
      if (this.signal.aborted) return;
      this.stale = true;
      this.failed(err);
      this.retry.failed();
    }
  }
}
