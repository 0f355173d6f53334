// Live CPU% / memory for the containers on screen, and only those. Each container id
// is ref-counted: the first retain opens the engine's streaming stats (stream: true,
// one sample a second from the engine, no polling), the last release closes it. Samples
// are published on one shared 1 s tick, and only when what a column shows changed, so
// a screen of idle containers costs no frames.
import type { EngineApi } from '../engine/api/engine-api.js';
import { isAbort } from '../engine/errors.js';
import { formatSize } from '../engine/models/format.js';
import { cpuPercent, memoryUsage, type RawStats } from '../engine/models/stats.js';
import { Store } from './store.js';

/** What the CPU% and MEM columns show for one container. */
export interface StatsCells {
  cpu: string;
  mem: string;
}

/** The column cells for one sample; '…' until the engine has a second sample to compare. */
export function statsCells(s: RawStats): StatsCells {
  const cpu = cpuPercent(s);
  return {
    cpu: cpu === null ? '…' : `${cpu.toFixed(1)}%`,
    mem: s.memory_stats?.usage === undefined ? '…' : formatSize(memoryUsage(s)),
  };
}

interface Entry {
  refs: number;
  abort: AbortController;
}

export class StatsPool {
  /** Container id → its cells; only ids currently retained. */
  readonly store = new Store<ReadonlyMap<string, StatsCells>>(new Map());
  private readonly entries = new Map<string, Entry>();
  private readonly latest = new Map<string, StatsCells>();
  private tick: NodeJS.Timeout | undefined;
  private dirty = false;
  private visibleKey = '';
  private visible: string[] = [];

  constructor(private readonly engine: Pick<EngineApi, 'stats'>, private readonly tickMs = 1000) {}

  retain(id: string): void {
    const entry = this.entries.get(id);
    if (entry) {
      entry.refs++;
      return;
    }
    const abort = new AbortController();
    this.entries.set(id, { refs: 1, abort });
    void this.follow(id, abort.signal);
    this.startTick();
  }

  release(id: string): void {
    const entry = this.entries.get(id);
    if (!entry || --entry.refs > 0) return;
    entry.abort.abort();
    this.entries.delete(id);
    if (this.latest.delete(id)) this.dirty = true;
    if (this.entries.size === 0) this.stopTick();
  }

  /** The ids a view shows now: retains the new ones, releases those that scrolled away. */
  setVisible(ids: readonly string[]): void {
    const key = ids.join(',');
    if (key === this.visibleKey) return;
    const next = [...ids];
    for (const id of next) this.retain(id);
    for (const id of this.visible) this.release(id);
    this.visible = next;
    this.visibleKey = key;
  }

  stop(): void {
    for (const entry of this.entries.values()) entry.abort.abort();
    this.entries.clear();
    this.latest.clear();
    this.visible = [];
    this.visibleKey = '';
    this.stopTick();
  }

  private async follow(id: string, signal: AbortSignal): Promise<void> {
    try {
      for await (const sample of this.engine.stats(id, signal)) {
        if (signal.aborted) continue;
        const cells = statsCells(sample);
        const prev = this.latest.get(id);
        if (prev?.cpu === cells.cpu && prev.mem === cells.mem) continue;
        this.latest.set(id, cells);
        this.dirty = true;
      }
    } catch (err) {
      // A container that stops ends its stream; the column then just goes blank.
      if (!signal.aborted && !isAbort(err) && this.latest.delete(id)) this.dirty = true;
    }
  }

  private startTick(): void {
    if (this.tick) return;
    this.tick = setInterval(() => this.publish(), this.tickMs);
    this.tick.unref?.();
  }

  private stopTick(): void {
    if (this.tick) clearInterval(this.tick);
    this.tick = undefined;
    this.publish();
  }

  private publish(): void {
    if (!this.dirty) return;
    this.dirty = false;
    this.store.set(new Map(this.latest));
  }
}
