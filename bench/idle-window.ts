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
  /** Median seconds between two reads of the same container's stats (1 for a stream). */
  freshness: number;
  /** Requests started during the window, and the stats streams still open at its end. */
  requests: ProxyRequest[];
  openStatsStreams: number;
  openEventStreams: number;
  /** Containers whose stats were read during the window. */
  sampledIds: number;
}

const STATS = /\/containers\/([0-9a-f]{12,})\/stats/;

/** Median gap between successive stats reads of one container, over all containers. */
export function statsFreshness(requests: readonly ProxyRequest[]): { freshness: number; ids: number } {
  const byId = new Map<string, number[]>();
  for (const r of requests) {
    const id = STATS.exec(r.path)?.[1];
    if (!id) continue;
    const list = byId.get(id) ?? [];
    list.push(r.at);
    byId.set(id, list);
  }
  const gaps: number[] = [];
  for (const times of byId.values()) for (let i = 1; i < times.length; i++) gaps.push((times[i]! - times[i - 1]!) / 1000);
  gaps.sort((a, b) => a - b);
  return { freshness: gaps.length ? gaps[Math.floor(gaps.length / 2)]! : NaN, ids: byId.size };
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
  const fresh = statsFreshness(requests);
  return {
    seconds: elapsed,
    dtuiCpu: (dtui() / elapsed) * 100,
    engineCpu: (engine() / elapsed) * 100,
    freshness: openStatsStreams > 0 && fresh.ids === 0 ? 1 : fresh.freshness,
    requests,
    openStatsStreams,
    openEventStreams: open.filter((r) => /\/events\b/.test(r.path)).length,
    sampledIds: fresh.ids,
  };
}
