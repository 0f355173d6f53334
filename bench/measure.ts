// Measuring tools: summaries of repeated samples, CPU and memory of processes read from
// /proc, wall time of a command, and key → frame through the pty.
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import type { TuiHarness } from '../test/support/pty-harness.js';

export interface Summary {
  median: number;
  min: number;
  max: number;
  p95: number;
  n: number;
}

export function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return NaN;
  // Nearest-rank: the smallest sample with at least q of the samples at or below it.
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;
}

export function summarize(samples: readonly number[]): Summary {
  const sorted = [...samples].sort((a, b) => a - b);
  return {
    median: quantile(sorted, 0.5),
    min: sorted[0] ?? NaN,
    max: sorted[sorted.length - 1] ?? NaN,
    p95: quantile(sorted, 0.95),
    n: sorted.length,
  };
}

export const pause = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

const CLK_TCK = 100; // Linux USER_HZ: /proc reports CPU time in 1/100 s.

/** utime + stime of a process in seconds, or undefined once it is gone. */
export function cpuSeconds(pid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // After "pid (comm) ", field 3 (state) is index 0: utime is field 14, stime 15.
    return (Number(fields[11]) + Number(fields[12])) / CLK_TCK;
  } catch {
    return undefined;
  }
}

export function rssBytes(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = /^VmRSS:\s+(\d+) kB/m.exec(status)?.[1];
  return Number(kb ?? NaN) * 1024;
}

/** Processes whose command line mentions `marker` (an engine's dir: dockerd, containerd, shims). */
export function pidsMentioning(marker: string): number[] {
  const pids: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (readFileSync(`/proc/${entry}/cmdline`, 'utf8').includes(marker)) pids.push(Number(entry));
    } catch {
      // exited meanwhile
    }
  }
  return pids;
}

/** CPU seconds used by a changing set of processes; call it again for the delta. */
export function cpuMeter(pids: () => number[]): () => number {
  const start = new Map<number, number>();
  for (const pid of pids()) {
    const s = cpuSeconds(pid);
    if (s !== undefined) start.set(pid, s);
  }
  return () => {
    let used = 0;
    for (const pid of pids()) {
      const now = cpuSeconds(pid);
      // A process born during the window counts from zero.
      if (now !== undefined) used += now - (start.get(pid) ?? 0);
    }
    return used;
  };
}

/**
 * CPU % of `pids` over `seconds`, sampled in `slices` equal parts so one window gives a
 * median and a range on a noisy machine.
 */
export async function cpuPercentSlices(pids: () => number[], seconds: number, slices: number): Promise<number[]> {
  const out: number[] = [];
  const sliceMs = (seconds * 1000) / slices;
  for (let i = 0; i < slices; i++) {
    const meter = cpuMeter(pids);
    const t0 = performance.now();
    await pause(sliceMs);
    out.push((meter() / ((performance.now() - t0) / 1000)) * 100);
  }
  return out;
}

/** Wall time (ms) of a command from spawn to exit; stdout discarded. Rejects on failure. */
export function timeCommand(cmd: string, args: string[], env: NodeJS.ProcessEnv = process.env): Promise<number> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const child = spawn(cmd, args, { stdio: ['ignore', 'ignore', 'pipe'], env });
    let err = '';
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.once('error', reject);
    child.once('exit', (code) => {
      const ms = performance.now() - t0;
      if (code === 0) resolve(ms);
      else reject(new Error(`${cmd} ${args.join(' ')} exited ${code}: ${err.trim()}`));
    });
  });
}

/**
 * Writes `key` and returns ms until the pty output chunk that made `visible` true
 * arrived: what a person waits for between pressing a key and seeing its effect.
 */
export async function keyToFrame(tui: TuiHarness, key: string, visible: (screen: string) => boolean, timeout = 10_000): Promise<number> {
  const t0 = performance.now();
  await tui.type(key);
  await tui.waitForScreen(visible, { timeout });
  return tui.lastChunkAt() - t0;
}

export interface Keys {
  /** key → frame of each press (ms). */
  ms: number[];
  /** dtui's CPU per press (ms): its frame and the log it opens. Unlike latency, not inflated by load. */
  cpuMs: number;
}

/** Presses `keys` one at a time (~8/s), each timed to the frame where `shown(i)` holds. */
export async function press(tui: TuiHarness, keys: readonly string[], shown: (i: number) => (screen: string) => boolean): Promise<Keys> {
  const ms: number[] = [];
  const cpu0 = cpuSeconds(tui.pid)!;
  for (const [i, key] of keys.entries()) {
    ms.push(await keyToFrame(tui, key, shown(i)));
    await pause(120);
  }
  return { ms, cpuMs: ((cpuSeconds(tui.pid)! - cpu0) * 1000) / keys.length };
}
