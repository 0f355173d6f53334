// Scenario 12 (issue 14, target 3): dtui's CPU in the first minute after 200 containers
// start, while every STATUS cell on screen reads "Up N seconds" and the list's clock ticks
// each second; then the same dtui settled (every age over a minute) with the Logs tab of the
// selected, quiet container open. Also the bytes written to the terminal per second: what a
// terminal has to parse for those ticks. bench/young-ab.ts runs the same windows for several
// builds side by side.
import { launchDtui, listedOrder, quitDtui, row, type BenchContext, type ResultRow } from '../common.js';
import { ensureSet, RUN200 } from '../fixtures.js';
import { cpuPercentSlices, pause, summarize } from '../measure.js';

const SCOPE = ['bench.set=run200'];
/** The window ends while the last restarted container still counts seconds. */
const TICKING_UNTIL_S = 58;
const MIN_WINDOW_S = 15;

export async function youngScenario(ctx: BenchContext): Promise<ResultRow[]> {
  await ensureSet(ctx.engine.docker, RUN200, ctx.log);
  // In dtui's order the rows on screen come first: restart them last, or they would be past
  // a minute (no more ticking) while the rest restart.
  const ids = (await listedOrder(ctx.engine.docker, SCOPE)).map((c) => c.id).reverse();
  ctx.log(`restarting the ${ids.length} containers (16 at a time)`);
  const r0 = performance.now();
  for (let i = 0; i < ids.length; i += 16) {
    await Promise.all(ids.slice(i, i + 16).map((id) => ctx.engine.docker.getContainer(id).restart({ t: 0 })));
  }
  const lastStart = performance.now();
  const restartSeconds = (lastStart - r0) / 1000;
  // Rows drawn, with the Logs tab of the selected row open beside them.
  const { tui } = await launchDtui(ctx, SCOPE, (s) => /Containers \(200\)/.test(s) && /│ bench-run-\S+/.test(s) && /Logs/.test(s));
  try {
    // Past the launch and the first stats reads.
    await pause(3000);
    const seconds = Math.floor((lastStart + TICKING_UNTIL_S * 1000 - performance.now()) / 1000);
    if (seconds < MIN_WINDOW_S) {
      throw new Error(`restarting 200 containers took ${restartSeconds.toFixed(0)} s: only ${seconds} s of ticking were left to measure`);
    }
    const slices = ctx.quick ? 3 : 5;
    ctx.log(`first minute, ages ticking (${seconds} s)`);
    const bytesYoung0 = tui.raw().length;
    const young = await cpuPercentSlices(() => [tui.pid], seconds, slices);
    const bytesYoung = (tui.raw().length - bytesYoung0) / seconds;
    const ticking = /Up \d+ seconds/.test(tui.screen());
    // Settled: every age over a minute (the clock then ticks every 30 s), Logs tab still open.
    await pause(Math.max(0, lastStart + 62_000 - performance.now()));
    ctx.log(`settled, Logs tab open (${seconds} s)`);
    const bytesSettled0 = tui.raw().length;
    const settled = await cpuPercentSlices(() => [tui.pid], seconds, slices);
    const bytesSettled = (tui.raw().length - bytesSettled0) / seconds;
    const scenario = '12 first minute after 200 containers start';
    const note = `200 restarted in ${restartSeconds.toFixed(0)} s; ${seconds} s windows`;
    return [
      row(
        {
          scenario,
          figure: 'dtui CPU, first minute (ages tick each second)',
          unit: '%',
          value: summarize(young),
          stat: 'median',
          target: '≤ 0.5 %',
          note: `${note}; ${bytesYoung.toFixed(0)} B/s written to the terminal; ${ticking ? 'seconds still counted at the window’s end' : 'NO row counted seconds at the window’s end'}`,
        },
        (v) => v <= 0.5,
      ),
      row(
        {
          scenario,
          figure: 'dtui CPU, settled, Logs tab of a quiet container open',
          unit: '%',
          value: summarize(settled),
          stat: 'median',
          target: '≤ 0.5 %',
          note: `${bytesSettled.toFixed(0)} B/s written to the terminal`,
        },
        (v) => v <= 0.5,
      ),
    ];
  } finally {
    await quitDtui(tui);
  }
}
