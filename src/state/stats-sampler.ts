// CPU% / memory for the running containers on screen, by SAMPLING instead of streaming.
// A stats stream per row made the engine read every container's cgroups once a second
// (~0.25 % of a core per stream, ~5 % for a screen of rows: bench/stats-cost.ts). Here
// each visible running row gets one one-shot request every `periodMs` (5 s: see
// docs/PERFORMANCE.md for why), the rows' requests spread evenly over the period
// (round robin, one request every period/n ms), at most `maxInFlight` at a time. A row
// that scrolls in is read at once and again after `warmupMs` (CPU % needs two samples),
// then joins the round. Rows that leave the screen, pause or stop are no longer read.
// Only the Stats tab of the selected container keeps a live 1 s stream (StatsWatcher).
import type { EngineApi } from '../engine/api/engine-api.js';
import { formatSize } from '../engine/models/format.js';
import { cpuPercent, memoryUsage, STATS_SAMPLE_PERIOD_MS, type RawStats } from '../engine/models/stats.js';
import { Store } from './store.js';

/** What the CPU% and MEM columns show for one container. */
export interface StatsCells {
  cpu: string;
  mem: string;
}

export { STATS_SAMPLE_PERIOD_MS } from '../engine/models/stats.js';

/**
 * CPU % of `raw`: from the engine's own precpu_stats when it sent them (streams, older
 * engines), else from `prev`, our previous one-shot sample of the same container.
 */
export function sampledCpuPercent(raw: RawStats, prev: RawStats | undefined): number | null {
  const own = cpuPercent(raw);
  if (own !== null || !prev?.cpu_stats) return own;
  return cpuPercent({ ...raw, precpu_stats: prev.cpu_stats });
}

/** The column cells for one sample; '…' while CPU % still needs a second sample. */
export function statsCells(raw: RawStats, prev?: RawStats): StatsCells {
  const cpu = sampledCpuPercent(raw, prev);
  return {
    // Not finite: an engine that sent something else than numbers.
    cpu: cpu === null || !Number.isFinite(cpu) ? '…' : `${cpu.toFixed(1)}%`,
    mem: raw.memory_stats?.usage === undefined ? '…' : formatSize(memoryUsage(raw)),
  };
}

/** Timers the sampler uses; a test passes a fake one. */
export interface Clock {
  now(): number;
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

const realClock: Clock = {
  now: () => performance.now(),
  setTimeout: (fn, ms) => {
    const t = setTimeout(fn, ms);
    // Sampling must never keep the process alive on its own.
    t.unref?.();
    return t;
  },
  clearTimeout: (h) => clearTimeout(h as NodeJS.Timeout),
};

export interface SamplerOptions {
  periodMs?: number;
  warmupMs?: number;
  maxInFlight?: number;
  /** Cell changes are published at most this often (one frame for many answers). */
  publishMs?: number;
  clock?: Clock;
}

interface Entry {
  prev?: RawStats;
  /** Samples taken so far (the first two come quickly, then one per round). */
  taken: number;
  inFlight?: AbortController;
}

export class StatsSampler {
  /** Container id → its cells; only ids currently visible. */
  readonly store = new Store<ReadonlyMap<string, StatsCells>>(new Map());
  readonly periodMs: number;
  private readonly warmupMs: number;
  private readonly maxInFlight: number;
  private readonly publishMs: number;
  private readonly clock: Clock;
  private readonly entries = new Map<string, Entry>();
  private readonly latest = new Map<string, StatsCells>();
  /** Ids to read as soon as a request slot is free (newly visible, or warm-up due). */
  private readonly urgent: string[] = [];
  /** The round: visible ids past their warm-up, read one every periodMs / n. */
  private ring: string[] = [];
  private cursor = 0;
  /** When the round last read a row: the next read is periodMs / n after it. */
  private lastRoundAt: number | undefined;
  private inFlight = 0;
  private roundTimer: unknown;
  private publishTimer: unknown;
  private readonly warmupTimers = new Map<string, unknown>();
  private visibleKey = '';

  constructor(
    private readonly engine: Pick<EngineApi, 'statsOnce'>,
    opts: SamplerOptions = {},
  ) {
    this.periodMs = opts.periodMs ?? STATS_SAMPLE_PERIOD_MS;
    this.warmupMs = opts.warmupMs ?? 1000;
    this.maxInFlight = opts.maxInFlight ?? 4;
    this.publishMs = opts.publishMs ?? 250;
    this.clock = opts.clock ?? realClock;
  }

  /** The running containers a view shows now: new ones are read at once, gone ones dropped. */
  setVisible(ids: readonly string[]): void {
    const key = ids.join(',');
    if (key === this.visibleKey) return;
    this.visibleKey = key;
    const next = new Set(ids);
    for (const id of [...this.entries.keys()]) if (!next.has(id)) this.drop(id);
    for (const id of ids) {
      if (this.entries.has(id)) continue;
      this.entries.set(id, { taken: 0 });
      this.urgent.push(id);
    }
    this.ring = this.ring.filter((id) => next.has(id));
    this.pump();
    this.scheduleRound();
  }

  stop(): void {
    this.setVisible([]);
    this.scheduleRound();
  }

  /** Requests in flight now (for tests and the bench's reasoning). */
  get pending(): number {
    return this.inFlight;
  }

  private drop(id: string): void {
    const entry = this.entries.get(id);
    if (!entry) return;
    entry.inFlight?.abort();
    this.entries.delete(id);
    const t = this.warmupTimers.get(id);
    if (t !== undefined) this.clock.clearTimeout(t);
    this.warmupTimers.delete(id);
    const u = this.urgent.indexOf(id);
    if (u >= 0) this.urgent.splice(u, 1);
    if (this.latest.delete(id)) this.markDirty();
  }

  /** Starts urgent reads while request slots are free. */
  private pump(): void {
    while (this.inFlight < this.maxInFlight && this.urgent.length > 0) this.sample(this.urgent.shift()!);
  }

  /**
   * (Re)arms the round's timer: the next ring id is read periodMs / n after the last
   * read, n being the ring's size now, so the spacing follows rows joining and leaving.
   */
  private scheduleRound(): void {
    this.clock.clearTimeout(this.roundTimer);
    this.roundTimer = undefined;
    if (this.ring.length === 0) {
      this.lastRoundAt = undefined;
      return;
    }
    const now = this.clock.now();
    this.lastRoundAt ??= now;
    const wait = Math.max(0, this.lastRoundAt + this.periodMs / this.ring.length - now);
    this.roundTimer = this.clock.setTimeout(() => {
      this.roundTimer = undefined;
      this.lastRoundAt = this.clock.now();
      if (this.ring.length === 0) return;
      this.cursor %= this.ring.length;
      const id = this.ring[this.cursor++]!;
      // At the cap (a slow engine) this row waits for its next turn: no queue builds up.
      if (this.inFlight < this.maxInFlight && !this.entries.get(id)?.inFlight) this.sample(id);
      this.scheduleRound();
    }, wait);
  }

  private sample(id: string): void {
    const entry = this.entries.get(id);
    if (!entry || entry.inFlight) return;
    const abort = new AbortController();
    entry.inFlight = abort;
    this.inFlight++;
    void this.read(id, entry, abort.signal).finally(() => {
      this.inFlight--;
      if (entry.inFlight === abort) entry.inFlight = undefined;
      this.pump();
    });
  }

  private async read(id: string, entry: Entry, signal: AbortSignal): Promise<void> {
    let raw: RawStats;
    try {
      raw = await this.engine.statsOnce(id, signal);
    } catch {
      if (signal.aborted || this.entries.get(id) !== entry) return;
      // Stopped or removed meanwhile (the list will drop the row), or a passing error:
      // blank the cells and try again on the round, not sooner.
      if (this.latest.delete(id)) this.markDirty();
      if (!this.ring.includes(id)) this.ring.push(id);
      this.scheduleRound();
      return;
    }
    if (signal.aborted || this.entries.get(id) !== entry) return;
    const cells = statsCells(raw, entry.prev);
    entry.prev = raw;
    entry.taken++;
    if (entry.taken === 1) {
      // CPU % needs a second sample: take it soon rather than a whole period later.
      this.warmupTimers.set(
        id,
        this.clock.setTimeout(() => {
          this.warmupTimers.delete(id);
          if (this.entries.get(id) !== entry) return;
          this.urgent.push(id);
          this.pump();
        }, this.warmupMs),
      );
    } else if (!this.ring.includes(id)) {
      this.ring.push(id);
      this.scheduleRound();
    }
    const prev = this.latest.get(id);
    if (prev?.cpu === cells.cpu && prev.mem === cells.mem) return;
    this.latest.set(id, cells);
    this.markDirty();
  }

  private markDirty(): void {
    if (this.publishTimer !== undefined) return;
    this.publishTimer = this.clock.setTimeout(() => {
      this.publishTimer = undefined;
      this.store.set(new Map(this.latest));
    }, this.publishMs);
  }
}
