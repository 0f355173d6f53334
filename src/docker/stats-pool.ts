// Live CPU% / memory for the containers on screen, and only those. Each container id
// is ref-counted: the first retain opens the engine's streaming stats (stream: true,
// one sample a second from the engine, no polling), the last release closes it. Samples
// are published on one shared 1 s tick, and only when what a column shows changed, so
// a screen of idle containers costs no frames.
//
// NOTE for the merge: src/docker/stats.ts (the Stats detail tab) may hold the same CPU%
// formula; cpuPercent/memUsage here are kept small and pure so the two can be deduped.
import type { Engine } from './engine.js';
import { isAbort } from './errors.js';
import { formatSize } from './format.js';
import { Store } from './store.js';
import { JsonLineParser } from './streams/ndjson.js';

/** The fields of one /containers/{id}/stats sample this pool reads. */
export interface RawStats {
  cpu_stats?: { cpu_usage?: { total_usage?: number; percpu_usage?: number[] }; system_cpu_usage?: number; online_cpus?: number };
  precpu_stats?: { cpu_usage?: { total_usage?: number }; system_cpu_usage?: number };
  memory_stats?: { usage?: number; limit?: number; stats?: Record<string, number> };
}

/** What the CPU% and MEM columns show for one container. */
export interface StatsCells {
  cpu: string;
  mem: string;
}

/** docker CLI's formula: the container's share of all CPU time since the previous sample × CPUs. */
export function cpuPercent(s: RawStats): number | undefined {
  const cpu = s.cpu_stats;
  const pre = s.precpu_stats;
  const total = cpu?.cpu_usage?.total_usage;
  const preTotal = pre?.cpu_usage?.total_usage;
  const system = cpu?.system_cpu_usage;
  const preSystem = pre?.system_cpu_usage;
  // The first streamed sample has no previous one: nothing to compare yet.
  if (total === undefined || preTotal === undefined || !system || !preSystem) return undefined;
  const cpuDelta = total - preTotal;
  const systemDelta = system - preSystem;
  if (systemDelta <= 0 || cpuDelta < 0) return undefined;
  const cpus = cpu?.online_cpus || cpu?.cpu_usage?.percpu_usage?.length || 1;
  return (cpuDelta / systemDelta) * cpus * 100;
}

/** Usage minus reclaimable page cache, as `docker stats` shows it (cgroup v1 and v2). */
export function memUsage(s: RawStats): number | undefined {
  const m = s.memory_stats;
  if (m?.usage === undefined) return undefined;
  const cache = m.stats?.total_inactive_file ?? m.stats?.inactive_file ?? 0;
  return Math.max(0, m.usage - (cache < m.usage ? cache : 0));
}

export function statsCells(s: RawStats): StatsCells {
  const cpu = cpuPercent(s);
  const mem = memUsage(s);
  return { cpu: cpu === undefined ? '…' : `${cpu.toFixed(1)}%`, mem: mem === undefined ? '…' : formatSize(mem) };
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

  constructor(private readonly engine: Engine, private readonly tickMs = 1000) {}

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
      const parser = new JsonLineParser<RawStats>();
      for await (const chunk of this.engine.statsStream(id, signal)) {
        const samples = parser.push(chunk);
        const last = samples[samples.length - 1];
        if (!last || signal.aborted) continue;
        const cells = statsCells(last);
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
