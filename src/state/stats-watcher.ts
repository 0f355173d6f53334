// Live resource usage of the container on screen, from the engine's STREAMING stats
// endpoint: one sample a second over one connection (the one-shot form blocks ~2 s per
// call). The last minute is kept for the sparklines; the stream closes on stop().
import { engineErrorMessage } from '../engine/errors.js';
import type { EngineApi } from '../engine/api/engine-api.js';
import { toSample, type StatsSample } from '../engine/models/stats.js';
import { Store, delay } from './store.js';

export { STATS_HISTORY_SECONDS as STATS_HISTORY } from '../engine/models/stats.js';
import { STATS_HISTORY_SECONDS as STATS_HISTORY } from '../engine/models/stats.js';

export interface StatsSnapshot {
  containerId: string;
  latest?: StatsSample;
  /** Oldest first, at most STATS_HISTORY samples (one a second: the last minute). */
  history: StatsSample[];
  error?: string;
}

export class StatsWatcher {
  readonly store: Store<StatsSnapshot>;
  private readonly abort = new AbortController();

  constructor(
    private readonly api: Pick<EngineApi, 'stats'>,
    readonly containerId: string,
    private readonly retryMs = 2000,
  ) {
    this.store = new Store<StatsSnapshot>({ containerId, history: [] });
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
        for await (const raw of this.api.stats(this.containerId, signal)) {
          if (signal.aborted) return;
          this.accept(toSample(raw));
        }
      } catch (err) {
        if (signal.aborted) return;
        this.store.update((s) => ({ ...s, error: engineErrorMessage(err) }));
      }
      // The stream ends when the container stops; look again a little later.
      await delay(this.retryMs, signal);
    }
  }

  private accept(sample: StatsSample): void {
    this.store.update((s) => {
      const history = [...s.history, sample];
      if (history.length > STATS_HISTORY) history.splice(0, history.length - STATS_HISTORY);
      return { containerId: s.containerId, latest: sample, history };
    });
  }
}
