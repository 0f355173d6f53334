// Scenarios 5 and 6: following a container that prints as fast as it can (and how much
// memory dtui gives back once it stops), and opening the log of a container with 1M lines. Rates are read from what dtui draws (its log
// position line, "following · N lines"), not from counters inside the app.
import { spawn } from 'node:child_process';
import { KEYS, type TuiHarness } from '../../test/support/pty-harness.js';
import { cliEnv, launchDtui, quitDtui, row, selected, type BenchContext, type ResultRow } from '../common.js';
import { ensureSet, FLOOD, LOG1M, LOG1M_NEIGHBOUR, removeSet, waitExited } from '../fixtures.js';
import { keyToFrame, pause, rssBytes, summarize, timeCommand } from '../measure.js';

const POSITION = /(?:following|paused at line [\d,]+ · End(?:\/f)? to follow) · ([\d,]+) lines/;

function linesOnScreen(tui: TuiHarness): number | undefined {
  const m = POSITION.exec(tui.screen());
  return m ? Number(m[1]!.replace(/,/g, '')) : undefined;
}

/** Lines a second, one sample per second for `seconds`, from a growing count. */
async function ratePerSecond(count: () => number | undefined, seconds: number): Promise<number[]> {
  const out: number[] = [];
  let prev = count() ?? 0;
  let t = performance.now();
  for (let i = 0; i < seconds; i++) {
    await pause(1000);
    // Unreadable (the status line mid-redraw): no sample; the next one spans both seconds.
    // Counting it as 0 lines, as this did, put a 0 among the samples and a double after it.
    const now = count();
    if (now === undefined) continue;
    const at = performance.now();
    out.push(((now - prev) * 1000) / (at - t));
    prev = now;
    t = at;
  }
  return out;
}

/** `docker logs -f` of the flood, its output counted as it arrives (no terminal, no file). */
async function cliFollowRate(ctx: BenchContext, id: string, seconds: number): Promise<number[]> {
  const child = spawn(ctx.dockerCli, ['logs', '-f', '--tail', '0', id], { stdio: ['ignore', 'pipe', 'ignore'], env: cliEnv(ctx) });
  let lines = 0;
  child.stdout.on('data', (chunk: Buffer) => {
    for (let i = chunk.indexOf(10); i >= 0; i = chunk.indexOf(10, i + 1)) lines++;
  });
  await pause(2000);
  const rates = await ratePerSecond(() => lines, seconds);
  child.kill('SIGTERM');
  await new Promise((resolve) => child.once('exit', resolve));
  return rates;
}

export async function logFloodScenario(ctx: BenchContext): Promise<ResultRow[]> {
  const docker = ctx.engine.docker;
  await removeSet(docker, 'flood');
  const id = (await ensureSet(docker, FLOOD, ctx.log)).get('bench-flood')!;
  const seconds = ctx.quick ? 6 : 12;
  const rows: ResultRow[] = [];
  try {
    ctx.log(`docker logs -f rate (${seconds} s)`);
    const cli = await cliFollowRate(ctx, id, seconds);

    const { tui } = await launchDtui(ctx, ['bench.set=flood'], (s) => POSITION.test(s));
    await pause(2000);
    ctx.log(`dtui follow rate (${seconds} s)`);
    const dtui = await ratePerSecond(() => linesOnScreen(tui), seconds);

    // Keys during the flood: focus the log (Shift+Tab from the list), scroll up (pauses
    // it), End (follows again).
    await tui.type(KEYS['shift-tab']!);
    await pause(300);
    const keys: number[] = [];
    for (let i = 0; i < (ctx.quick ? 8 : 15); i++) {
      keys.push(await keyToFrame(tui, KEYS.up!, (s) => /paused at line/.test(s)));
      await pause(150);
      keys.push(await keyToFrame(tui, KEYS.end!, (s) => /following · /.test(s)));
      await pause(150);
    }
    ctx.log('waiting for 1M lines in dtui');
    const target = 1_000_000;
    await tui.waitForScreen(() => (linesOnScreen(tui) ?? 0) >= target, { timeout: 240_000 });
    const rss = rssBytes(tui.pid) / 1e6;

    // The flood stops (the container is killed); dtui stays on its log, which keeps the
    // last lines it holds. RSS once a second for a minute: does the memory come back?
    ctx.log('flood stopped: RSS every second for 60 s');
    await docker.getContainer(id).kill();
    const after: number[] = [];
    for (let i = 0; i < 60; i++) {
      await pause(1000);
      after.push(rssBytes(tui.pid) / 1e6);
    }
    await quitDtui(tui);

    // The same screen drawn by a fresh dtui (the stopped flood's log, its last 1000 lines),
    // idle for 30 s: what the RSS after the flood is compared with.
    ctx.log('a fresh dtui on the stopped flood (30 s)');
    const fresh = await launchDtui(ctx, ['bench.set=flood'], (s) => /· 1,000 lines/.test(s));
    await pause(30_000);
    const idle = rssBytes(fresh.tui.pid) / 1e6;
    await quitDtui(fresh.tui);
    const limit = 1.5 * idle;
    const back = after.findIndex((mb) => mb <= limit);

    const scenario = '5 log flood';
    rows.push(
      row(
        {
          scenario,
          figure: 'lines/s ingested while following',
          unit: 'lines/s',
          value: summarize(dtui),
          stat: 'median',
          baseline: { name: 'docker logs -f', value: summarize(cli) },
          target: '≥ 90 % of docker logs -f (ratio ≥ 0.90)',
        },
        (_v, ratio) => (ratio ?? 0) >= 0.9,
      ),
      row({ scenario, figure: 'key → frame during the flood', unit: 'ms', value: summarize(keys), stat: 'p95', target: 'p95 ≤ 50 ms' }, (v) => v <= 50),
      row({ scenario, figure: 'RSS after 1M lines', unit: 'MB', value: summarize([rss]), stat: 'median', target: '≤ 150 MB' }, (v) => v <= 150),
      row(
        {
          scenario,
          figure: 'RSS 60 s after the flood stopped',
          unit: 'MB',
          value: summarize([after.at(-1)!]),
          stat: 'median',
          baseline: { name: 'a fresh dtui on the same screen, idle 30 s', value: summarize([idle]) },
          target: '≤ 1.5× the fresh dtui (ratio ≤ 1.5)',
          note:
            `RSS at 1M lines ${rss.toFixed(1)} MB; after the flood stopped: 10 s ${after[9]!.toFixed(1)}, 30 s ${after[29]!.toFixed(1)}, 60 s ${after[59]!.toFixed(1)} MB; ` +
            (back >= 0 ? `≤ 1.5× the fresh dtui after ${back + 1} s` : 'not back to ≤ 1.5× within 60 s'),
        },
        (_v, ratio) => (ratio ?? Infinity) <= 1.5,
      ),
    );
  } finally {
    await removeSet(docker, 'flood');
  }
  return rows;
}

export async function openLogScenario(ctx: BenchContext): Promise<ResultRow[]> {
  const docker = ctx.engine.docker;
  const big = (await ensureSet(docker, LOG1M, ctx.log)).get('bench-log1m')!;
  await ensureSet(docker, LOG1M_NEIGHBOUR, ctx.log);
  await waitExited(docker, big, 120_000);
  const repeats = ctx.quick ? 3 : 7;
  const cli: number[] = [];
  ctx.proxy.scope = ['bench.set=log1m'];
  for (let i = 0; i < repeats; i++) cli.push(await timeCommand(ctx.dockerCli, ['logs', '--tail', '1000', big], cliEnv(ctx)));

  const neighbourShown = (s: string) => selected('bench-a-neighbour')(s) && /end of log · .* · 1 lines?\b/.test(s);
  const { tui } = await launchDtui(ctx, ['bench.set=log1m'], neighbourShown);
  const open: number[] = [];
  for (let i = 0; i < repeats; i++) {
    await pause(300);
    // ↓ selects the 1M-line container; its Logs tab opens with the last 1000 lines.
    open.push(await keyToFrame(tui, KEYS.down!, (s) => /(│|\s)1000000(\s|│)/.test(s) && /· 1,000 lines/.test(s), 30_000));
    await pause(300);
    await tui.type(KEYS.up!);
    await tui.waitForScreen(neighbourShown, { timeout: 30_000 });
  }
  await quitDtui(tui);
  const base = summarize(cli);
  const limit = 2 * base.median + 100;
  return [
    row(
      {
        scenario: '6 open a 1M-line log',
        figure: 'last 1000 lines on screen',
        unit: 'ms',
        value: summarize(open),
        stat: 'median',
        baseline: { name: 'docker logs --tail 1000', value: base },
        target: `≤ 2× baseline + 100 ms (${limit.toFixed(0)} ms)`,
      },
      (v) => v <= limit,
    ),
  ];
}
