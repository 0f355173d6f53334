// One idle window of dtui on the run200 fixtures: CPU seconds of dtui and of the engine
// (dockerd, containerd, shims: every process naming the engine's dir) over the same
// window, and what dtui asked the engine meanwhile (how often each visible row's stats
// were read = the freshness of the CPU%/MEM columns). Shared by scenario 3 and
// bench/idle-ab.ts. CPU seconds from /proc, not wall time: the machine is shared.
import { cpuMeter, pause } from './measure.js';
import type { CountingProxy, ProxyRequest } from './proxy.js';

export interface IdleWindow {
  seconds: number;
  /** % of one core over the window. */
  dtuiCpu: number;
  engineCpu: number;
  /** Seconds between two reads of one container's stats, median over the containers (1 for a stream). */
  freshness: number;
  /** The same for the most and the least often read container (the selected row; a quiet one). */
  freshest: number;
  stalest: number;
  /** Requests started during the window, and the stats streams still open at its end. */
  requests: ProxyRequest[];
  openStatsStreams: number;
  openEventStreams: number;
  /** Containers whose stats were read during the window. */
  sampledIds: number;
}

const STATS = /\/containers\/([0-9a-f]{12,})\/stats/;

/**
 * Seconds between two stats reads of a container (its median gap; the window's length when
 * it was read once, a lower bound), median over the containers — each counts once, so the
 * selected row read every 5 s does not outweigh 20 quiet rows read every 30 s — and the
 * smallest and largest of them.
 */
export function statsFreshness(
  requests: readonly ProxyRequest[],
  windowSeconds: number,
): { freshness: number; freshest: number; stalest: number; ids: number } {
  const byId = new Map<string, number[]>();
  for (const r of requests) {
    const id = STATS.exec(r.path)?.[1];
    if (!id) continue;
    const list = byId.get(id) ?? [];
    list.push(r.at);
    byId.set(id, list);
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  const perId = [...byId.values()].map((times) => (times.length < 2 ? windowSeconds : median(times.slice(1).map((t, i) => (t - times[i]!) / 1000))));
  if (perId.length === 0) return { freshness: NaN, freshest: NaN, stalest: NaN, ids: 0 };
  return { freshness: median(perId), freshest: Math.min(...perId), stalest: Math.max(...perId), ids: byId.size };
}

/** No client at all: the engine's own cost with 200 running containers. */
export async function engineAlone(enginePids: () => number[], seconds: number): Promise<number> {
  const engine = cpuMeter(enginePids);
  const t0 = performance.now();
  await pause(seconds * 1000);
  return (engine() / ((performance.now() - t0) / 1000)) * 100;
}

export async function idleWindow(dtuiPid: number, enginePids: () => number[], proxy: CountingProxy, seconds: number): Promise<IdleWindow> {
  const mark = performance.now();
  const dtui = cpuMeter(() => [dtuiPid]);
  const engine = cpuMeter(enginePids);
  await pause(seconds * 1000);
  const elapsed = (performance.now() - mark) / 1000;
  const requests = proxy.since(mark);
  const open = proxy.open();
  const openStatsStreams = open.filter((r) => STATS.test(r.path) && !/stream=(false|0)/.test(r.path)).length;
  const fresh = statsFreshness(requests, elapsed);
  return {
    seconds: elapsed,
    dtuiCpu: (dtui() / elapsed) * 100,
    engineCpu: (engine() / elapsed) * 100,
    freshness: openStatsStreams > 0 && fresh.ids === 0 ? 1 : fresh.freshness,
    freshest: openStatsStreams > 0 && fresh.ids === 0 ? 1 : fresh.freshest,
    stalest: openStatsStreams > 0 && fresh.ids === 0 ? 1 : fresh.stalest,
    requests,
    openStatsStreams,
    openEventStreams: open.filter((r) => /\/events\b/.test(r.path)).length,
    sampledIds: fresh.ids,
  };
}
