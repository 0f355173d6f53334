// `docker top` for the container on screen, re-read every 2 s while its tab is shown.
// The engine has no streaming form of top, so this is the one timed refresh in dtui,
// and it runs only while someone is looking at it.
import { engineErrorMessage } from '../engine/errors.js';
import type { EngineApi } from '../engine/api/engine-api.js';
import { Store, delay } from './store.js';
import type { TopResult } from '../engine/models/types.js';

export interface TopSnapshot {
  containerId: string;
  result?: TopResult;
  error?: string;
  loading: boolean;
}

export class TopWatcher {
  readonly store: Store<TopSnapshot>;
  private readonly abort = new AbortController();

  constructor(
    private readonly api: Pick<EngineApi, 'top'>,
    readonly containerId: string,
    private readonly intervalMs = 2000,
  ) {
    this.store = new Store<TopSnapshot>({ containerId, loading: true });
  }

  start(): void {
    void this.loop();
  }

  stop(): void {
    this.abort.abort();
  }

  private async loop(): Promise<void> {
    const signal = this.abort.signal;
    while (!signal.aborted) {
      try {
        const result = await this.api.top(this.containerId, signal);
        if (signal.aborted) return;
        this.store.set({ containerId: this.containerId, result, loading: false });
      } catch (err) {
        if (signal.aborted) return;
        this.store.set({ containerId: this.containerId, error: engineErrorMessage(err), loading: false });
      }
      await delay(this.intervalMs, signal);
    }
  }
}
