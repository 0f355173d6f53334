// Scenario 10: a Compose project at scale — 200 running containers labelled as one project
// of 8 services (fixtures.ts PROJ200) — beside the plain Containers list of 200 running
// containers (RUN200) in the same run: launch to first rows, key → frame in the plain list,
// in the list grouped by project (P) and in the Projects pane (6), and what dtui asks the
// engine (and its CPU) while idle in each.
import { groupByProject } from '../../src/resources/containers/grouping.js';
import { KEYS, type TuiHarness } from '../../test/support/pty-harness.js';
import { launchDtui, listedOrder, quitDtui, row, selected, titleLine, type BenchContext, type ResultRow } from '../common.js';
import { ensureSet, PROJ200, PROJ200_SERVICES, RUN200 } from '../fixtures.js';
import { cpuPercentSlices, pause, press, summarize, type Keys } from '../measure.js';
import type { CountingProxy } from '../proxy.js';

const RUN_SCOPE = ['bench.set=run200'];
const PROJ_SCOPE = ['bench.set=proj200'];
const PROJECT = 'benchshop';
/** A one-shot stats read of a visible running row (the list's CPU/MEM sampler). */
const STATS_READ = /\/containers\/[0-9a-f]+\/stats\?(?=.*stream=false)/;

/** Rows of the Projects pane in order: the project, then its services by name. */
const PROJECT_ROWS = [`project ${PROJECT}`, ...[...PROJ200_SERVICES].sort().map((s) => `service ${PROJECT}/${s}`)];

/** The detail pane's title names the selected project or service after its Logs tab. */
function groupSelected(label: string): (screen: string) => boolean {
  const re = new RegExp(`Logs l\\s+${label.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')} \\d+/\\d+ running`);
  return (screen) => re.test(titleLine(screen));
}

/** The name the detail pane's title shows as selected (containers). */
function selectedName(screen: string): string {
  return /Inspect i\s+(\S+) /.exec(titleLine(screen))?.[1] ?? '';
}

interface IdleWindow {
  /** Requests started per minute, the one-shot stats reads apart. */
  perMinute: number;
  statsReadsPerMinute: number;
  cpu: number[];
  paths: string[];
}

/** dtui left alone `seconds`: what it asks the engine and its CPU meanwhile. */
async function idleWindow(proxy: CountingProxy, tui: TuiHarness, seconds: number): Promise<IdleWindow> {
  await pause(3000); // past the key's own work (logs opening, the first stats samples)
  const mark = performance.now();
  const cpu = await cpuPercentSlices(() => [tui.pid], seconds, 3);
  const minutes = (performance.now() - mark) / 60_000;
  const started = proxy.since(mark);
  const reads = started.filter((r) => STATS_READ.test(r.path));
  const others = started.filter((r) => !reads.includes(r));
  return {
    perMinute: others.length / minutes,
    statsReadsPerMinute: reads.length / minutes,
    cpu,
    paths: [...new Set(others.map((r) => `${r.method} ${r.path.replace(/[0-9a-f]{64}/g, '<id>')}`))],
  };
}

/** ↓ `count` times through `names` from `from`, each timed to the frame showing it selected. */
function steps(tui: TuiHarness, names: readonly string[], from: number, count: number): Promise<Keys> {
  const n = Math.min(count, names.length - 1 - from);
  return press(tui, Array<string>(n).fill(KEYS.down!), (i) => selected(names[from + 1 + i]!));
}

export async function composeScenario(ctx: BenchContext): Promise<ResultRow[]> {
  const docker = ctx.engine.docker;
  await ensureSet(docker, RUN200, ctx.log);
  await ensureSet(docker, PROJ200, ctx.log);
  const repeats = ctx.quick ? 3 : 5;
  const presses = ctx.quick ? 20 : 40;
  const idleSeconds = ctx.quick ? 15 : 30;
  const plainNames = (await listedOrder(docker, PROJ_SCOPE)).map((r) => r.name);
  const groupedNames = (await listedOrder(docker, PROJ_SCOPE).then((rows) => groupByProject(rows))).map((r) => r.name);

  // Launch, alternating the plain 200 and the project's 200 (both open on the Containers list).
  const launchPlain: number[] = [];
  const launchProject: number[] = [];
  for (let i = 0; i < repeats; i++) {
    const plain = await launchDtui(ctx, RUN_SCOPE, (s) => /Containers \(200\)/.test(s) && /│ bench-run-\S+/.test(s));
    launchPlain.push(plain.tui.lastChunkAt() - plain.t0);
    await quitDtui(plain.tui);
    const project = await launchDtui(ctx, PROJ_SCOPE, (s) => /Containers \(200\)/.test(s) && /│ benchshop-\S+/.test(s));
    launchProject.push(project.tui.lastChunkAt() - project.t0);
    await quitDtui(project.tui);
  }

  const { tui } = await launchDtui(ctx, PROJ_SCOPE, (s) => /Containers \(200\)/.test(s) && selected(plainNames[0]!)(s));
  let plainKeys: Keys;
  let groupedKeys: Keys;
  const projectKeys: Keys[] = [];
  let idlePlain: IdleWindow;
  let idleGrouped: IdleWindow;
  let idleProjects: IdleWindow;
  try {
    await pause(1000);
    plainKeys = await steps(tui, plainNames, 0, presses);
    ctx.log(`idle on the plain list (${idleSeconds} s)`);
    idlePlain = await idleWindow(ctx.proxy, tui, idleSeconds);

    // P: the same 200 grouped by project and service (PROJECT and SERVICE columns); the
    // selection stays on its container.
    await tui.type('P');
    await tui.waitForText(/PROJECT\s+SERVICE\s+NAME/);
    await pause(500);
    const at = groupedNames.indexOf(selectedName(tui.screen()));
    groupedKeys = await steps(tui, groupedNames, at, presses);
    ctx.log(`idle on the grouped list (${idleSeconds} s)`);
    idleGrouped = await idleWindow(ctx.proxy, tui, idleSeconds);
    await tui.type('P');
    await tui.waitForText(/Containers \(200\)\s*│[\s\S]*NAME\s+IMAGE/);

    // 6: the Projects pane (one project, 8 services: 9 rows), ↓ to the last row and ↑ back.
    await tui.type('6');
    await tui.waitForScreen(groupSelected(PROJECT_ROWS[0]!), { timeout: 10_000 });
    await pause(1000);
    const rounds = ctx.quick ? 2 : 4;
    const last = PROJECT_ROWS.length - 1;
    for (let r = 0; r < rounds; r++) {
      projectKeys.push(await press(tui, Array<string>(last).fill(KEYS.down!), (i) => groupSelected(PROJECT_ROWS[i + 1]!)));
      projectKeys.push(await press(tui, Array<string>(last).fill(KEYS.up!), (i) => groupSelected(PROJECT_ROWS[last - 1 - i]!)));
    }
    ctx.log(`idle on the Projects pane (${idleSeconds} s)`);
    idleProjects = await idleWindow(ctx.proxy, tui, idleSeconds);
  } finally {
    await quitDtui(tui);
  }

  const scenario = '10 Compose project, 200 containers';
  const idleNote = (w: IdleWindow) =>
    `${w.statsReadsPerMinute.toFixed(0)} one-shot stats reads/min` + (w.paths.length ? `; started: ${w.paths.join(', ')}` : '');
  const idleRow = (where: string, w: IdleWindow) =>
    row(
      {
        scenario,
        figure: `requests/min while idle, ${where} (besides stats reads)`,
        unit: '/min',
        value: summarize([w.perMinute]),
        stat: 'median',
        target: 'none beyond events (+ stats reads of visible rows)',
        note: `${idleNote(w)} (plain list: ${idlePlain.perMinute.toFixed(0)}/min, ${idleNote(idlePlain)})`,
      },
      (v) => v === 0,
    );
  const projectMs = projectKeys.flatMap((k) => k.ms);
  const keyRow = (where: string, keys: Keys | undefined, ms: number[]) =>
    row(
      {
        scenario,
        figure: `${where} → highlight moved`,
        unit: 'ms',
        value: summarize(ms),
        stat: 'p95',
        ...(keys === plainKeys ? {} : { baseline: { name: 'plain list p95', value: summarize([summarize(plainKeys.ms).p95]) } }),
        target: 'p95 ≤ 16 ms',
      },
      (v) => v <= 16,
    );
  const cpuKeyRow = (where: string, cpuMs: number[]) =>
    row(
      {
        scenario,
        figure: `dtui CPU per key, ${where} (frame + logs opened)`,
        unit: 'ms',
        value: summarize(cpuMs),
        stat: 'median',
        baseline: { name: 'plain list', value: summarize([plainKeys.cpuMs]) },
        target: 'reference (≈ the plain list)',
      },
      () => true,
    );
  const cpuRow = (where: string, w: IdleWindow) =>
    row(
      {
        scenario,
        figure: `dtui CPU while idle, ${where}`,
        unit: '%',
        value: summarize(w.cpu),
        stat: 'median',
        baseline: { name: 'plain Containers list', value: summarize(idlePlain.cpu) },
        target: 'reference',
      },
      () => true,
    );
  return [
    row(
      {
        scenario,
        figure: 'launch → rows on screen',
        unit: 'ms',
        value: summarize(launchProject),
        stat: 'median',
        baseline: { name: '200 plain containers', value: summarize(launchPlain) },
        target: 'unchanged (≤ 1.1× the plain 200)',
      },
      (_v, ratio) => (ratio ?? Infinity) <= 1.1,
    ),
    keyRow('↓, plain list (baseline)', plainKeys, plainKeys.ms),
    keyRow('↓, grouped by project (P)', groupedKeys, groupedKeys.ms),
    keyRow('↓/↑, Projects pane (6)', undefined, projectMs),
    cpuKeyRow('grouped (P)', [groupedKeys.cpuMs]),
    cpuKeyRow(
      'Projects pane',
      projectKeys.map((k) => k.cpuMs),
    ),
    row(
      {
        scenario,
        figure: 'requests/min while idle, plain list (besides stats reads)',
        unit: '/min',
        value: summarize([idlePlain.perMinute]),
        stat: 'median',
        target: 'none beyond events (+ stats reads of visible rows)',
        note: idleNote(idlePlain),
      },
      (v) => v === 0,
    ),
    idleRow('grouped (P)', idleGrouped),
    idleRow('Projects pane', idleProjects),
    cpuRow('grouped (P)', idleGrouped),
    cpuRow('Projects pane', idleProjects),
  ];
}
