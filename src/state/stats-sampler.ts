// CPU% / memory for the running containers on screen, by SAMPLING instead of streaming.
// A stats stream per row made the engine read every container's cgroups once a second
// (~0.5 % of a core per read per second, ~10 % for a screen of rows: bench/stats-cost.ts).
// Here each visible running row gets one one-shot request every `periodMs` (5 s) while it
// is doing something, and every `quietPeriodMs` (30 s) while it is quiet — its last sample
// showed 0.0 % CPU and the same MEM as the one before — because re-reading a cell that does
// not change costs the engine as much as reading one that does (docs/PERFORMANCE.md, issue
// 14 target 2). The selected row is always read at `periodMs`. Reads are spread evenly:
// one every 1/(Σ 1/period of the rows) ms, the most overdue row first, at most
// `maxInFlight` at a time. A row that scrolls in is read at once and again after
// `warmupMs` (CPU % needs two samples), then joins the schedule; one that was on screen
// less than a minute ago (another pane was in front) shows its last cells at once and
// needs no warm-up read. Rows that leave the screen, pause or stop are no longer read.
// Only the Stats tab of the selected container keeps a live 1 s stream (StatsWatcher).
import type { EngineApi } from '../engine/api/engine-api.js';
import { formatSize } from '../engine/models/format.js';
import { cpuPercent, memoryUsage, STATS_QUIET_PERIOD_MS, STATS_SAMPLE_PERIOD_MS, type RawStats } from '../engine/models/stats.js';
import { LeftRows } from './left-rows.js';
import { Store } from './store.js';

/** What the CPU% and MEM columns show for one container. */
export interface StatsCells {
  cpu: string;
  mem: string;
}

export { STATS_QUIET_PERIOD_MS, STATS_SAMPLE_PERIOD_MS } from '../engine/models/stats.js';

/**
 * CPU % of `raw`: from the engine's own precpu_stats when it sent them (streams, older
 * engines), else from `prev`, our previous one-shot sample of the same container.
 */
export function sampledCpuPercent(raw: RawStats, prev: RawStats | undefined): number | null {
  const own = cpuPercent(raw);
  if (own !== null || !prev?.cpu_stats) return own;
  // A counter that went back: the container restarted since `prev`, which is no baseline.
  if ((raw.cpu_stats?.cpu_usage?.total_usage ?? 0) < (prev.cpu_stats.cpu_usage?.total_usage ?? 0)) return null;
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
  /** For rows whose last sample was quiet (0.0 % CPU, MEM unchanged). */
  quietPeriodMs?: number;
  warmupMs?: number;
  maxInFlight?: number;
  /** Cell changes are published at most this often (one frame for many answers). */
  publishMs?: number;
  clock?: Clock;
}

interface Entry {
  prev?: RawStats;
  /** Back on screen within a minute: `prev` is the sample it had when it left. */
  resumed?: boolean;
  /** Samples taken so far (the first two come quickly, then one per round). */
  taken: number;
  inFlight?: AbortController;
  /** Its last sample showed 0.0 % CPU and the MEM of the sample before. */
  quiet: boolean;
  /** When it is next due on the schedule (once it has joined it). */
  dueAt: number;
  /**
   * The time its last read was due (when it started, for reads off the schedule): the next
   * is due a period after that, not after the read, so a read pushed back by the spacing
   * does not push back every later one.
   */
  slot: number;
}

/** True when a sample shows a container doing nothing: no CPU, memory as before. */
export function isQuiet(cells: StatsCells, before: StatsCells | undefined): boolean {
  return cells.cpu === '0.0%' && before !== undefined && before.mem === cells.mem;
}

export class StatsSampler {
  /** Container id → its cells; only ids currently visible. */
  readonly store = new Store<ReadonlyMap<string, StatsCells>>(new Map());
  readonly periodMs: number;
  readonly quietPeriodMs: number;
  private readonly warmupMs: number;
  private readonly maxInFlight: number;
  private readonly publishMs: number;
  private readonly clock: Clock;
  private readonly entries = new Map<string, Entry>();
  private readonly latest = new Map<string, StatsCells>();
  /** Rows that left the screen lately, with what they last showed. */
  private readonly left = new LeftRows<StatsCells>();
  /** Ids to read as soon as a request slot is free (newly visible, or warm-up due). */
  private readonly urgent: string[] = [];
  /** The schedule: visible ids past their warm-up, each read when due, evenly spaced. */
  private readonly scheduled = new Set<string>();
  /** When the schedule last read a row: the next read is one spacing after it at the earliest. */
  private lastRoundAt: number | undefined;
  private inFlight = 0;
  private roundTimer: unknown;
  private publishTimer: unknown;
  private readonly warmupTimers = new Map<string, unknown>();
  private visibleKey = '';
  private selected: string | undefined;

  constructor(
    private readonly engine: Pick<EngineApi, 'statsOnce'>,
    opts: SamplerOptions = {},
  ) {
    this.periodMs = opts.periodMs ?? STATS_SAMPLE_PERIOD_MS;
    this.quietPeriodMs = Math.max(this.periodMs, opts.quietPeriodMs ?? STATS_QUIET_PERIOD_MS);
    this.warmupMs = opts.warmupMs ?? 1000;
    this.maxInFlight = opts.maxInFlight ?? 4;
    this.publishMs = opts.publishMs ?? 250;
    this.clock = opts.clock ?? realClock;
  }

  /**
   * The running containers a view shows now: new ones are read at once, gone ones dropped.
   * `selected` (the highlighted row, if it is one of them) is read at the full rate.
   */
  setVisible(ids: readonly string[], selected?: string): void {
    this.setSelected(selected);
    const key = ids.join(',');
    if (key === this.visibleKey) return;
    this.visibleKey = key;
    const next = new Set(ids);
    for (const id of [...this.entries.keys()]) if (!next.has(id)) this.drop(id);
    let restored = false;
    for (const id of ids) {
      if (this.entries.has(id)) continue;
      const back = this.left.take(id, this.clock.now());
      // A row back soon has one sample already: its next read completes CPU %.
      this.entries.set(
        id,
        back ? { taken: 1, prev: back.prev, resumed: true, quiet: false, dueAt: 0, slot: 0 } : { taken: 0, quiet: false, dueAt: 0, slot: 0 },
      );
      if (back?.cells) {
        this.latest.set(id, back.cells);
        restored = true;
      }
      this.urgent.push(id);
    }
    // Cells it had a moment ago are shown with the rows, not a publish period later.
    if (restored) this.publishNow();
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

  /** How long a row waits between two reads, by what its last sample showed. */
  private intervalOf(id: string, entry: Entry): number {
    return entry.quiet && id !== this.selected ? this.quietPeriodMs : this.periodMs;
  }

  /** A quiet row that becomes the selected one is due a base period after its last read. */
  private setSelected(id: string | undefined): void {
    if (id === this.selected) return;
    this.selected = id;
    const entry = id === undefined ? undefined : this.entries.get(id);
    if (!entry || !this.scheduled.has(id!)) return;
    entry.dueAt = Math.min(entry.dueAt, entry.slot + this.periodMs);
    this.scheduleRound();
  }

  private drop(id: string): void {
    const entry = this.entries.get(id);
    if (!entry) return;
    if (entry.prev) this.left.remember(id, entry.prev, this.latest.get(id), this.clock.now());
    entry.inFlight?.abort();
    this.entries.delete(id);
    this.scheduled.delete(id);
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
   * (Re)arms the schedule's timer for when the next row is due, but no sooner than one
   * spacing after the last read: the spacing is what the rows' periods add up to (n busy
   * rows: periodMs / n), so reads come one at a time, evenly, whatever mix of periods.
   */
  private scheduleRound(): void {
    this.clock.clearTimeout(this.roundTimer);
    this.roundTimer = undefined;
    let rate = 0;
    let nextDue = Infinity;
    for (const id of this.scheduled) {
      const entry = this.entries.get(id)!;
      rate += 1 / this.intervalOf(id, entry);
      if (!entry.inFlight) nextDue = Math.min(nextDue, entry.dueAt);
    }
    if (nextDue === Infinity) {
      if (this.scheduled.size === 0) this.lastRoundAt = undefined;
      return;
    }
    const now = this.clock.now();
    const at = Math.max(nextDue, this.lastRoundAt === undefined ? -Infinity : this.lastRoundAt + 1 / rate);
    this.roundTimer = this.clock.setTimeout(
      () => {
        this.roundTimer = undefined;
        this.lastRoundAt = this.clock.now();
        const id = this.mostUrgentDue(this.lastRoundAt);
        const entry = id === undefined ? undefined : this.entries.get(id);
        if (id !== undefined && entry) {
          // At the cap (a slow engine) this row waits for its next turn: no queue builds up.
          if (this.inFlight < this.maxInFlight) this.sample(id);
          else entry.dueAt = this.lastRoundAt + this.intervalOf(id, entry);
        }
        this.scheduleRound();
      },
      Math.max(0, at - now),
    );
  }

  /**
   * Of the rows due by `now`, the one whose next read would otherwise come soonest (due
   * time + period): a busy row due later goes before a quiet row due earlier, which can
   * wait — 30 s rows must not push 5 s rows a whole period back.
   */
  private mostUrgentDue(now: number): string | undefined {
    let best: string | undefined;
    let bestDeadline = Infinity;
    for (const id of this.scheduled) {
      const entry = this.entries.get(id)!;
      if (entry.inFlight || entry.dueAt > now) continue;
      const deadline = entry.dueAt + this.intervalOf(id, entry);
      if (deadline < bestDeadline) {
        bestDeadline = deadline;
        best = id;
      }
    }
    return best;
  }

  private sample(id: string): void {
    const entry = this.entries.get(id);
    if (!entry || entry.inFlight) return;
    const abort = new AbortController();
    entry.inFlight = abort;
    const now = this.clock.now();
    const interval = this.intervalOf(id, entry);
    // A whole period behind (a slow engine): start the cadence afresh from now.
    entry.slot = this.scheduled.has(id) && now - entry.dueAt < interval ? entry.dueAt : now;
    entry.dueAt = entry.slot + interval;
    this.inFlight++;
    void this.read(id, entry, abort.signal).finally(() => {
      this.inFlight--;
      if (entry.inFlight === abort) entry.inFlight = undefined;
      this.pump();
      if (this.entries.get(id) === entry) this.scheduleRound();
    });
  }

  private async read(id: string, entry: Entry, signal: AbortSignal): Promise<void> {
    let raw: RawStats;
    try {
      raw = await this.engine.statsOnce(id, signal);
    } catch {
      if (signal.aborted || this.entries.get(id) !== entry) return;
      // Stopped or removed meanwhile (the list will drop the row), or a passing error:
      // blank the cells and try again on the schedule, not sooner.
      if (this.latest.delete(id)) this.markDirty();
      entry.quiet = false;
      entry.dueAt = entry.slot + this.periodMs;
      this.scheduled.add(id);
      return;
    }
    if (signal.aborted || this.entries.get(id) !== entry) return;
    const cells = statsCells(raw, entry.prev);
    const before = this.latest.get(id);
    entry.prev = raw;
    entry.taken++;
    // Due by what this sample showed: a row that wakes up is back at the full rate.
    entry.quiet = isQuiet(cells, before);
    entry.dueAt = entry.slot + this.intervalOf(id, entry);
    // CPU % needs a second sample: take it soon rather than a whole period later (a row
    // back on screen has its old one, unless the container restarted meanwhile).
    if (entry.resumed ? entry.taken === 2 && cells.cpu === '…' : entry.taken === 1) {
      this.warmupTimers.set(
        id,
        this.clock.setTimeout(() => {
          this.warmupTimers.delete(id);
          if (this.entries.get(id) !== entry) return;
          this.urgent.push(id);
          this.pump();
        }, this.warmupMs),
      );
    } else this.scheduled.add(id);
    if (before?.cpu === cells.cpu && before.mem === cells.mem) return;
    this.latest.set(id, cells);
    this.markDirty();
  }

  private publishNow(): void {
    this.clock.clearTimeout(this.publishTimer);
    this.publishTimer = undefined;
    this.store.set(new Map(this.latest));
  }

  private markDirty(): void {
    if (this.publishTimer !== undefined) return;
    this.publishTimer = this.clock.setTimeout(() => {
      this.publishTimer = undefined;
      this.store.set(new Map(this.latest));
    }, this.publishMs);
  }
}
