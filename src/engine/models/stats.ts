// One sample of the engine's container stats JSON → the numbers `docker stats` shows.
// Pure functions: the formulas follow the docker CLI (cli/command/container/stats_helpers.go)
// so dtui and `docker stats` agree for the same sample.

/** The parts of GET /containers/{id}/stats we read (cgroup v1 and v2 shapes). */
export interface RawStats {
  read?: string;
  cpu_stats?: RawCpu;
  precpu_stats?: RawCpu;
  memory_stats?: { usage?: number; limit?: number; stats?: Record<string, number> };
  networks?: Record<string, { rx_bytes?: number; tx_bytes?: number }>;
  blkio_stats?: { io_service_bytes_recursive?: Array<{ op?: string; value?: number }> | null };
  pids_stats?: { current?: number };
}

interface RawCpu {
  cpu_usage?: { total_usage?: number; percpu_usage?: number[] | null };
  system_cpu_usage?: number;
  online_cpus?: number;
}

export interface StatsSample {
  /** ms since epoch of the engine's reading. */
  time: number;
  /** Percent of one CPU (200 = two CPUs busy), like docker stats; null when not computable yet. */
  cpuPercent: number | null;
  memUsage: number;
  memLimit: number;
  memPercent: number;
  netRx: number;
  netTx: number;
  blockRead: number;
  blockWrite: number;
  pids: number;
}

/** (cpuDelta / systemDelta) × online CPUs × 100, from this sample and the engine's previous one. */
export function cpuPercent(raw: RawStats): number | null {
  const cpu = raw.cpu_stats;
  const pre = raw.precpu_stats;
  const total = cpu?.cpu_usage?.total_usage;
  const preTotal = pre?.cpu_usage?.total_usage;
  const system = cpu?.system_cpu_usage;
  const preSystem = pre?.system_cpu_usage;
  // The first sample of a stream has an empty precpu_stats: no delta yet.
  if (total === undefined || preTotal === undefined || !system || !preSystem) return null;
  const cpuDelta = total - preTotal;
  const systemDelta = system - preSystem;
  if (systemDelta <= 0 || cpuDelta < 0) return 0;
  const online = cpu?.online_cpus || cpu?.cpu_usage?.percpu_usage?.length || 1;
  return (cpuDelta / systemDelta) * online * 100;
}

/** Usage without the page cache, as docker stats shows it (cgroup v1: total_inactive_file; v2: inactive_file). */
export function memoryUsage(raw: RawStats): number {
  const usage = raw.memory_stats?.usage ?? 0;
  const stats = raw.memory_stats?.stats ?? {};
  const v1 = stats.total_inactive_file;
  if (v1 !== undefined && v1 < usage) return usage - v1;
  const v2 = stats.inactive_file;
  if (v2 !== undefined && v2 < usage) return usage - v2;
  return usage;
}

export function networkTotals(raw: RawStats): { rx: number; tx: number } {
  let rx = 0;
  let tx = 0;
  for (const n of Object.values(raw.networks ?? {})) {
    rx += n.rx_bytes ?? 0;
    tx += n.tx_bytes ?? 0;
  }
  return { rx, tx };
}

export function blockIo(raw: RawStats): { read: number; write: number } {
  let read = 0;
  let write = 0;
  for (const e of raw.blkio_stats?.io_service_bytes_recursive ?? []) {
    const op = (e.op ?? '').toLowerCase();
    if (op === 'read') read += e.value ?? 0;
    else if (op === 'write') write += e.value ?? 0;
  }
  return { read, write };
}

export function toSample(raw: RawStats, now = Date.now()): StatsSample {
  const memUsage = memoryUsage(raw);
  const memLimit = raw.memory_stats?.limit ?? 0;
  const net = networkTotals(raw);
  const blk = blockIo(raw);
  const t = raw.read ? Date.parse(raw.read) : NaN;
  return {
    time: Number.isNaN(t) || t <= 0 ? now : t,
    cpuPercent: cpuPercent(raw),
    memUsage,
    memLimit,
    memPercent: memLimit > 0 ? (memUsage / memLimit) * 100 : 0,
    netRx: net.rx,
    netTx: net.tx,
    blockRead: blk.read,
    blockWrite: blk.write,
    pids: raw.pids_stats?.current ?? 0,
  };
}

const BARS = '▁▂▃▄▅▆▇█';

/** The last `width` values as a bar per value, scaled to `max` (default: the largest shown). */
export function sparkline(values: readonly number[], width: number, max?: number): string {
  const shown = values.slice(-Math.max(0, width));
  const top = max ?? Math.max(0, ...shown);
  return shown
    .map((v) => {
      if (!(top > 0) || !(v > 0)) return BARS[0];
      const i = Math.min(BARS.length - 1, Math.max(0, Math.round((v / top) * (BARS.length - 1))));
      return BARS[i];
    })
    .join('');
}

/** How often the list samples each visible running row that is doing something: said on screen and in the bench report. */
export const STATS_SAMPLE_PERIOD_MS = 5000;

/**
 * How often a quiet row (0.0 % CPU, the same MEM as its last sample) is sampled: a cell
 * that does not change need not be re-read as often, and most rows of an idle machine are
 * quiet (docs/PERFORMANCE.md, issue 14 target 2).
 */
export const STATS_QUIET_PERIOD_MS = 30_000;

/** The sparklines cover this many one-second samples. */
export const STATS_HISTORY_SECONDS = 60;
