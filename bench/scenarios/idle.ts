// Scenarios 3 and 4: dtui left alone on 200 running containers with CPU/MEM columns
// (its CPU, RSS, and what it asks the engine meanwhile), the idle machine cost (dtui +
// the engine CPU it adds, against windows with no client before and after), how fresh
// the columns are, and what they cost the engine compared with `docker stats`.
import { spawn } from 'node:child_process';
import { cliEnv, launchDtui, quitDtui, row, type BenchContext, type ResultRow } from '../common.js';
import { ensureSet, RUN200 } from '../fixtures.js';
import { cpuPercentSlices, pause, pidsMentioning, rssBytes, summarize } from '../measure.js';
import { statsFreshness } from '../idle-window.js';

const SCOPE = ['bench.set=run200'];
const STREAM_PATH = /\/(events|containers\/[0-9a-f]+\/(stats|logs))\b/;
/** A one-shot read (not a stream): what the list's sampler asks every few seconds. */
const STATS_READ = /\/containers\/[0-9a-f]+\/stats\?(?=.*stream=false)/;

/** Relative times tick every second while a container is under a minute old; wait that out. */
async function waitUntilSettled(ctx: BenchContext): Promise<void> {
  for (let i = 0; i < 40; i++) {
    const list = await ctx.engine.docker.listContainers({ all: true, filters: { label: SCOPE } });
    if (!list.some((c) => /second/.test(c.Status) || Date.now() / 1000 - c.Created < 60)) return;
    if (i === 0) ctx.log('waiting for the 200 containers to be a minute old (seconds would tick the clock)');
    await pause(2000);
  }
}

export async function idleAndStatsScenario(ctx: BenchContext): Promise<ResultRow[]> {
  await ensureSet(ctx.engine.docker, RUN200, ctx.log);
  await waitUntilSettled(ctx);
  const idleSeconds = ctx.quick ? 20 : 60;
  const engineSeconds = ctx.quick ? 12 : 30;
  const slices = ctx.quick ? 4 : 6;
  const enginePids = () => pidsMentioning(ctx.engine.marker);

  ctx.log(`engine CPU with no client (${engineSeconds} s)`);
  const engineIdle = await cpuPercentSlices(enginePids, engineSeconds, slices);

  const { tui } = await launchDtui(ctx, SCOPE, (s) => /Containers \(200\)/.test(s) && /│ bench-run-\S+ .* \d+\.\d% /.test(s));
  // Past the launch and the first two samples of every visible row.
  await pause(8000);
  const mark = performance.now();
  ctx.log(`dtui idle (${idleSeconds} s)`);
  const [dtuiCpu, engineWithDtui] = await Promise.all([
    cpuPercentSlices(() => [tui.pid], idleSeconds, slices),
    cpuPercentSlices(enginePids, idleSeconds, slices),
  ]);
  const rss = rssBytes(tui.pid) / 1e6;
  const started = ctx.proxy.since(mark);
  const reads = started.filter((r) => r.method === 'GET' && STATS_READ.test(r.path));
  const during = started.filter((r) => !reads.includes(r));
  const { freshness, freshest, stalest, ids: sampledIds } = statsFreshness(reads, idleSeconds);
  const streams = ctx.proxy.open().filter((r) => STREAM_PATH.test(r.path));
  const statsStreams = streams.filter((r) => r.path.includes('/stats') && !STATS_READ.test(r.path)).length;
  const eventStreams = streams.filter((r) => r.path.includes('/events')).length;
  const visibleRunning = tui
    .screen()
    .split('\n')
    .filter((l) => /│ bench-run-\S+/.test(l)).length;
  await quitDtui(tui);
  // A second window with no client after dtui: the engine's own cost drifts on a shared machine.
  await pause(3000);
  ctx.log(`engine CPU with no client again (${engineSeconds} s)`);
  engineIdle.push(...(await cpuPercentSlices(enginePids, engineSeconds, slices)));
  const idleMedian = summarize(engineIdle).median;

  ctx.log(`engine CPU with docker stats streaming all 200 (${engineSeconds} s)`);
  ctx.proxy.scope = SCOPE;
  const stats = spawn(ctx.dockerCli, ['stats'], { stdio: 'ignore', env: cliEnv(ctx) });
  await pause(5000);
  const engineWithStats = await cpuPercentSlices(enginePids, engineSeconds, slices);
  stats.kill('SIGTERM');
  await new Promise((resolve) => stats.once('exit', resolve));

  const added = (xs: number[]) => xs.map((x) => x - idleMedian);
  const scenario3 = '3 idle, 200 running, stats shown';
  return [
    row({ scenario: scenario3, figure: 'dtui CPU while idle', unit: '%', value: summarize(dtuiCpu), stat: 'median', target: '≤ 0.5 %' }, (v) => v <= 0.5),
    row({ scenario: scenario3, figure: 'dtui RSS', unit: 'MB', value: summarize([rss]), stat: 'median', target: '≤ 64 MB (issue 14)' }, (v) => v <= 64),
    row(
      {
        scenario: scenario3,
        figure: 'engine requests started while idle (besides stats reads)',
        unit: 'count',
        value: summarize([during.length]),
        stat: 'median',
        target: 'none beyond events + one-shot stats reads of the visible running rows',
        note:
          `open streams: ${eventStreams} events, ${statsStreams} stats; ${reads.length} one-shot stats reads of ${sampledIds} containers ` +
          `for ${visibleRunning} running rows on screen` +
          (during.length
            ? `; started while idle: ${[...new Set(during.map((r) => `${r.method} ${r.path.replace(/[0-9a-f]{64}/g, '<id>')}`))].join(', ')}`
            : ''),
      },
      (v) => v === 0 && statsStreams === 0 && sampledIds <= visibleRunning && eventStreams === 1,
    ),
    row(
      {
        scenario: scenario3,
        figure: 'idle machine cost (dtui + engine) % of a core',
        unit: '%',
        value: summarize(dtuiCpu.map((d, i) => d + (engineWithDtui[i] ?? NaN) - idleMedian)),
        stat: 'median',
        target: '≤ 1.0 % (dtui + engine CPU added, vs no client before and after)',
      },
      (v) => v <= 1.0,
    ),
    row(
      {
        scenario: scenario3,
        figure: 'stats freshness s (seconds between updates of a row)',
        unit: 's',
        value: summarize([freshness]),
        stat: 'median',
        target: 'reference (sampled every 5 s, every 30 s while quiet)',
        note: `per visible running container, median gap between two of its stats reads (window length if read once); median over containers, fastest ${freshest.toFixed(1)} s (the selected row), stalest ${stalest.toFixed(1)} s`,
      },
      () => true,
    ),
    row(
      {
        scenario: scenario3,
        figure: 'engine CPU, dtui idle',
        unit: '%',
        value: summarize(engineWithDtui),
        stat: 'median',
        baseline: { name: 'engine, no client', value: summarize(engineIdle) },
        target: 'reference',
      },
      () => true,
    ),
    row(
      {
        scenario: '4 live CPU/MEM of visible rows',
        figure: 'engine CPU added by dtui',
        unit: '%',
        value: summarize(added(engineWithDtui)),
        stat: 'median',
        baseline: { name: 'added by docker stats (all 200)', value: summarize(added(engineWithStats)) },
        target: '≤ 10 % of docker stats (ratio ≤ 0.10)',
      },
      (_v, ratio) => (ratio ?? Infinity) <= 0.1,
    ),
  ];
}
