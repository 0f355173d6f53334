// Scenarios 1, 2 and 7: launch to rows on screen, moving the highlight through long
// lists, and filtering 2000 containers, all timed at the pty.
import { request } from 'node:http';
import { KEYS } from '../../test/support/pty-harness.js';
import { matchesFilter } from '../../src/app/ui-state.js';
import { cliEnv, launchDtui, listedOrder, quitDtui, row, selected, titleLine, type BenchContext, type ResultRow } from '../common.js';
import { ensureSet, NEW2000, RUN200 } from '../fixtures.js';
import { cpuSeconds, keyToFrame, pause, summarize, timeCommand } from '../measure.js';

const RUN_SCOPE = ['bench.set=run200'];
const K1000_SCOPE = ['bench.set=new2000', 'bench.k1000=1'];
const NEW_SCOPE = ['bench.set=new2000'];

/** GET /containers/json?all=1 over the proxy socket, read to the end: the raw API floor. */
function rawList(socketPath: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const req = request({ socketPath, path: '/containers/json?all=1', agent: false }, (res) => {
      res.on('data', () => undefined);
      res.on('end', () => resolve(performance.now() - t0));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

export async function launchScenario(ctx: BenchContext): Promise<ResultRow[]> {
  await ensureSet(ctx.engine.docker, RUN200, ctx.log);
  const repeats = ctx.quick ? 3 : 7;
  const dtui: number[] = [];
  const node: number[] = [];
  const ps: number[] = [];
  const raw: number[] = [];
  ctx.proxy.scope = RUN_SCOPE;
  // Warm the page cache and the engine once, untimed, so the first sample is not special.
  await timeCommand(process.execPath, ['-e', '0']);
  for (let i = 0; i < repeats; i++) {
    node.push(await timeCommand(process.execPath, ['-e', '0']));
    ctx.proxy.scope = RUN_SCOPE;
    ps.push(await timeCommand(ctx.dockerCli, ['ps', '-a'], cliEnv(ctx)));
    raw.push(await rawList(ctx.proxy.socketPath));
    // Rows on screen: the title counts 200 and a container's name is drawn in the table.
    const { tui, t0 } = await launchDtui(ctx, RUN_SCOPE, (s) => /Containers \(200\)/.test(s) && /│ bench-run-\S+/.test(s));
    dtui.push(tui.lastChunkAt() - t0);
    await quitDtui(tui);
  }
  const value = summarize(dtui);
  const nodeS = summarize(node);
  return [
    row(
      {
        scenario: '1 launch, 200 containers',
        figure: 'launch → rows on screen',
        unit: 'ms',
        value,
        stat: 'median',
        baseline: { name: 'node -e 0', value: nodeS },
        target: '≤ 2.5× node -e 0',
      },
      (_v, ratio) => (ratio ?? Infinity) <= 2.5,
    ),
    row(
      {
        scenario: '1 launch, 200 containers',
        figure: 'launch (vs docker ps -a)',
        unit: 'ms',
        value,
        stat: 'median',
        baseline: { name: 'docker ps -a', value: summarize(ps) },
        target: 'reference',
      },
      () => true,
    ),
    row(
      {
        scenario: '1 launch, 200 containers',
        figure: 'launch (vs raw list API)',
        unit: 'ms',
        value,
        stat: 'median',
        baseline: { name: 'GET /containers/json', value: summarize(raw) },
        target: 'reference',
      },
      () => true,
    ),
  ];
}

/** Presses ↓ `count` times, one at a time, each timed to the frame that shows its row selected. */
async function stepDown(
  ctx: BenchContext,
  tui: Awaited<ReturnType<typeof launchDtui>>['tui'],
  names: string[],
  from: number,
  count: number,
  gapMs: number,
): Promise<number[]> {
  const out: number[] = [];
  for (let i = 1; i <= count; i++) {
    out.push(await keyToFrame(tui, KEYS.down!, selected(names[from + i]!)));
    await pause(gapMs);
  }
  return out;
}

export async function arrowScenario(ctx: BenchContext): Promise<ResultRow[]> {
  await ensureSet(ctx.engine.docker, NEW2000, ctx.log);
  const names = (await listedOrder(ctx.engine.docker, K1000_SCOPE)).map((r) => r.name);
  const runs = ctx.quick ? 1 : 3;
  const steps: number[] = [];
  const bursts: number[] = [];
  const cpuPerKey: number[] = [];
  for (let r = 0; r < runs; r++) {
    const { tui } = await launchDtui(ctx, K1000_SCOPE, (s) => /Containers \(1000\)/.test(s) && selected(names[0]!)(s));
    // ~8 keys a second: a person holding or tapping ↓ (keys slower than the log's settle delay).
    const cpu0 = cpuSeconds(tui.pid)!;
    const presses = ctx.quick ? 30 : 60;
    steps.push(...(await stepDown(ctx, tui, names, 0, presses, 120)));
    // CPU per ↓ (its frame, the log stream it opens): unlike latency, not inflated by load.
    cpuPerKey.push(((cpuSeconds(tui.pid)! - cpu0) * 1000) / presses);
    await pause(300);
    const from = ctx.quick ? 30 : 60;
    const t0 = performance.now();
    await tui.type(KEYS.down!.repeat(200));
    await tui.waitForScreen(selected(names[from + 200]!), { timeout: 20_000 });
    bursts.push(tui.lastChunkAt() - t0);
    await quitDtui(tui);
  }
  return [
    row(
      { scenario: '2 ↓, 1000 containers', figure: '↓ → highlight moved', unit: 'ms', value: summarize(steps), stat: 'p95', target: 'p95 ≤ 16 ms' },
      (v) => v <= 16,
    ),
    row(
      {
        scenario: '2 ↓, 1000 containers',
        figure: 'dtui CPU per ↓ (frame + log stream opened)',
        unit: 'ms',
        value: summarize(cpuPerKey),
        stat: 'median',
        target: 'reference',
      },
      () => true,
    ),
    row(
      { scenario: '2 ↓, 1000 containers', figure: '200 × ↓ at once → settled', unit: 'ms', value: summarize(bursts), stat: 'median', target: '≤ 1000 ms' },
      (v) => v <= 1000,
    ),
  ];
}

export async function bigListScenario(ctx: BenchContext): Promise<ResultRow[]> {
  await ensureSet(ctx.engine.docker, NEW2000, ctx.log);
  const listed = await listedOrder(ctx.engine.docker, NEW_SCOPE);
  const names = listed.map((r) => r.name);
  const { tui } = await launchDtui(ctx, NEW_SCOPE, (s) => /Containers \(2000\)/.test(s) && selected(names[0]!)(s));
  const scroll = await stepDown(ctx, tui, names, 0, ctx.quick ? 20 : 40, 120);
  // Page down: the selection jumps a page (the list's visible rows, counted on screen: the
  // header's height decides them).
  let at = ctx.quick ? 20 : 40;
  const page = listRowsShown(tui.screen());
  for (let i = 0; i < (ctx.quick ? 5 : 10); i++) {
    at = Math.min(names.length - 1, at + page);
    scroll.push(await keyToFrame(tui, KEYS.pgdn!, selected(names[at]!)));
    await pause(120);
  }
  const filterKeys: number[] = [];
  const typed = 'new-19';
  for (let r = 0; r < (ctx.quick ? 2 : 4); r++) {
    await tui.type('/');
    await tui.waitForText(/Containers \(2000\)\s+\/ /);
    await pause(100);
    let filter = '';
    for (const ch of typed) {
      filter += ch;
      const shown = listed.filter((c) => matchesFilter(filter, [c.name, c.image, c.id])).length;
      const title = `Containers (${shown}/2000)  /${filter}`;
      filterKeys.push(await keyToFrame(tui, ch, (s) => titleLine(s).includes(title)));
      await pause(120);
    }
    await tui.type(KEYS.esc!);
    await tui.waitForText(/Containers \(2000\) /);
    await pause(150);
  }
  await quitDtui(tui);
  return [
    row(
      { scenario: '7 2000 containers', figure: 'scroll key (↓, PgDn) → frame', unit: 'ms', value: summarize(scroll), stat: 'p95', target: 'p95 ≤ 16 ms' },
      (v) => v <= 16,
    ),
    row(
      { scenario: '7 2000 containers', figure: 'filter keystroke → frame', unit: 'ms', value: summarize(filterKeys), stat: 'p95', target: '≤ 30 ms (p95)' },
      (v) => v <= 30,
    ),
  ];
}

/** Rows of the Containers list on screen: from below its column header to its frame's bottom. */
function listRowsShown(screen: string): number {
  const lines = screen.split('\n');
  const header = lines.findIndex((l) => /^│ NAME /.test(l));
  const bottom = lines.findIndex((l, i) => i > header && l.startsWith('╰'));
  return bottom - header - 1;
}
