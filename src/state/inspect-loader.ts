// The inspect JSON of one container or image, pretty-printed and sanitized line by line
// (labels, env and commands are container-controlled text). Read once when the tab
// opens; a re-read follows the target's engine events.
import { engineErrorMessage } from '../engine/errors.js';
import type { EngineApi } from '../engine/api/engine-api.js';
import type { EngineFeed } from './engine-feed.js';
import { Store } from './store.js';
import { sanitize } from '../text/sanitize.js';

export interface InspectTarget {
  kind: 'container' | 'image';
  id: string;
}

export interface InspectSnapshot {
  target: InspectTarget;
  lines: string[];
  loading: boolean;
  error?: string;
}

export function inspectLines(value: unknown): string[] {
  return JSON.stringify(value, null, 2).split('\n').map(sanitize);
}

export class InspectLoader {
  readonly store: Store<InspectSnapshot>;
  private readonly abort = new AbortController();
  private off: (() => void) | undefined;

  constructor(
    private readonly api: Pick<EngineApi, 'inspectContainer' | 'inspectImage'>,
    private readonly feed: Pick<EngineFeed, 'onEvent'>,
    readonly target: InspectTarget,
  ) {
    this.store = new Store<InspectSnapshot>({ target, lines: [], loading: true });
  }

  start(): void {
    void this.load();
    this.off = this.feed.onEvent((e) => {
      if (e.id === this.target.id && e.type === this.target.kind && e.action !== 'exec_create' && e.action !== 'exec_start') void this.load();
    });
  }

  stop(): void {
    this.abort.abort();
    this.off?.();
  }

  private async load(): Promise<void> {
    const signal = this.abort.signal;
    try {
      const engine = this.api;
      const value =
        this.target.kind === 'container' ? await engine.inspectContainer(this.target.id, signal) : await engine.inspectImage(this.target.id, signal);
      if (signal.aborted) return;
      this.store.set({ target: this.target, lines: inspectLines(value), loading: false });
    } catch (err) {
      if (signal.aborted) return;
      this.store.set({ target: this.target, lines: [], loading: false, error: engineErrorMessage(err) });
    }
  }
}
