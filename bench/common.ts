// What every scenario shares: the run's context, the shape of a result row, and
// launching the real bin/dtui in a pty (160×45) through the counting proxy.
import type Docker from 'dockerode';
import { containerRow, sortContainers } from '../src/engine/models/rows.js';
import type { ContainerRow } from '../src/engine/models/types.js';
import { spawnTui, type TuiHarness } from '../test/support/pty-harness.js';
import type { BenchEngine } from './fixtures.js';
import type { Summary } from './measure.js';
import type { CountingProxy } from './proxy.js';

export interface BenchContext {
  engine: BenchEngine;
  proxy: CountingProxy;
  /** Shorter windows and fewer repeats. */
  quick: boolean;
  /** The docker CLI used for baselines only (dtui itself never runs it). */
  dockerCli: string;
  log: (line: string) => void;
  /** The dtui being measured: this checkout's bin/dtui, or another commit's with --compare. */
  dtuiBin: string;
}

export interface ResultRow {
  scenario: string;
  figure: string;
  unit: string;
  /** dtui's samples. */
  value: Summary;
  /** Which statistic of `value` the target is about. */
  stat: 'median' | 'p95';
  baseline?: { name: string; value: Summary };
  /** value[stat] / baseline median. */
  ratio?: number;
  target: string;
  met?: boolean;
  note?: string;
}

export const COLS = 160;
export const ROWS = 45;

/** Env for a docker CLI baseline: the same proxy dtui talks to. */
export function cliEnv(ctx: BenchContext): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, DOCKER_HOST: ctx.proxy.dockerHost };
  delete env.DOCKER_TLS_VERIFY;
  delete env.DOCKER_CERT_PATH;
  delete env.DOCKER_CONTEXT;
  return env;
}

export interface Launched {
  tui: TuiHarness;
  /** performance.now() just before the spawn. */
  t0: number;
}

/**
 * Starts bin/dtui seeing only containers with `scope` labels; waits for `ready` on screen.
 * By default it reaches the engine through the proxy's DOCKER_HOST; `env` replaces that
 * (e.g. a DOCKER_CONFIG with contexts).
 */
export async function launchDtui(
  ctx: BenchContext,
  scope: string[],
  ready: (screen: string) => boolean,
  env: Record<string, string | undefined> = { DOCKER_HOST: ctx.proxy.dockerHost },
): Promise<Launched> {
  ctx.proxy.scope = scope;
  const t0 = performance.now();
  const tui = spawnTui({
    command: ctx.dtuiBin,
    args: [],
    cols: COLS,
    rows: ROWS,
    keyGapMs: 0,
    waitForRawMode: false,
    env: { DOCKER_HOST: undefined, DOCKER_TLS_VERIFY: undefined, DOCKER_CERT_PATH: undefined, DOCKER_CONTEXT: undefined, ...env },
  });
  running.add(tui);
  void tui.exited.then(() => running.delete(tui));
  try {
    await tui.waitForScreen(ready, { timeout: 30_000 });
    await tui.waitForRawMode();
  } catch (err) {
    await tui.kill('SIGKILL');
    throw err;
  }
  return { tui, t0 };
}

/**
 * Every dtui launchDtui started that has not exited yet. A scenario that fails midway
 * (a wait times out) returns without quitting its dtui: left running on the bench proxy,
 * it re-lists whatever the next scenario's scope holds on the next container event and
 * samples those rows' stats, and every later idle window counted its requests and its
 * events stream as if the measured dtui had made them (2026-12-02: scenarios 6 and 7
 * failed; scenario 9 then saw 25 stats reads/min and 2 events streams on the bench engine,
 * scenario 11 50/min in the Tasks and Services panes).
 */
const running = new Set<TuiHarness>();

/** Kills the dtuis a scenario left running (run.ts, after each scenario); how many there were. */
export async function stopLeftoverDtuis(): Promise<number> {
  const left = [...running];
  for (const tui of left) await tui.kill('SIGKILL').catch(() => undefined);
  return left.length;
}

export async function quitDtui(tui: TuiHarness): Promise<void> {
  // Ctrl+C quits from any view (q first leaves a detail pane or a full-screen view).
  await tui.type('\x03');
  const timer = setTimeout(() => void tui.kill('SIGKILL'), 5000);
  await tui.exited;
  clearTimeout(timer);
}

/** The containers of a scope in the order dtui lists them (the same row code dtui uses). */
export async function listedOrder(docker: Docker, scope: string[]): Promise<ContainerRow[]> {
  const list = await docker.listContainers({ all: true, filters: { label: scope } });
  const now = Date.now();
  return sortContainers(list.map((c) => containerRow(c, now)));
}

/**
 * The detail pane's title names the selected container after its tabs (Logs l, Top t, …,
 * Inspect i): a text sign of the highlight, whole even where the NAME column truncates it.
 */
export function selected(name: string): (screen: string) => boolean {
  const re = new RegExp(`(?:Logs l|Top t|Stats m|Inspect i)\\s+${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} `);
  return (screen) => re.test(titleLine(screen));
}

/** The top panes' title line (list title beside the detail tabs): the first row inside a frame, below the header. */
export function titleLine(screen: string): string {
  return screen.split('\n').find((line) => line.startsWith('│')) ?? '';
}

export function row(r: Omit<ResultRow, 'ratio' | 'met'>, check: (v: number, ratio?: number) => boolean): ResultRow {
  const v = r.value[r.stat];
  const ratio = r.baseline ? v / r.baseline.value.median : undefined;
  return { ...r, ratio, met: Number.isFinite(v) ? check(v, ratio) : false };
}
