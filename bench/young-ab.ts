// dtui's CPU in the first minute after 200 containers start (issue 14, target 3), several
// builds side by side (one build: bench scenario 12): every STATUS cell reads "Up N seconds"
// and the list's clock ticks each second. Per repetition
// the 200 run200 containers are restarted (8 at a time), then every build is launched AT
// ONCE, each in its own pty (160×45), so all builds see the same ages and the same machine
// load; CPU seconds from /proc over the window in which the clock still ticks (until the
// last restarted container is 58 s old), and the bytes each wrote to its terminal per
// second (what the terminal has to parse: a tick that redraws only changed cells writes
// little). Then, the same builds settled (every age over a minute) with the Logs tab of
// the selected (quiet) container open: the same figures over the same window length.
//
//   node --import tsx bench/young-ab.ts [reps] [bin …]     (default 3 bin/dtui)
//   DTUI_YOUNG_COUNT=48: restart only the first 48 in the list's order (the rows on screen,
//   which are all that tick), when restarting 200 takes too long on a loaded machine
//   e.g. node --import tsx bench/young-ab.ts 3 /tmp/dtui-compare-165c8afd730c/bin/dtui bin/dtui
import { acquireEngine, ensureSet, RUN200 } from './fixtures.js';
import { cpuMeter, pause, summarize } from './measure.js';
import { CountingProxy } from './proxy.js';
import { spawnTui, type TuiHarness } from '../test/support/pty-harness.js';

const [repsArg, ...binArgs] = process.argv.slice(2);
const reps = Number(repsArg ?? 3);
const bins = binArgs.length ? binArgs : ['bin/dtui'];
const engine = await acquireEngine();
await ensureSet(engine.docker, RUN200, (m) => console.error(m));
const proxy = new CountingProxy(engine.socketPath, `/tmp/dtui-bench-young-ab-${process.pid}.sock`);
await proxy.start();
proxy.scope = ['bench.set=run200'];

interface Figures {
  cpu: number[];
  bytes: number[];
  seconds: number[];
}
const young = new Map<string, Figures>(bins.map((b) => [b, { cpu: [], bytes: [], seconds: [] }]));
const settled = new Map<string, Figures>(bins.map((b) => [b, { cpu: [], bytes: [], seconds: [] }]));

async function launchAll(): Promise<TuiHarness[]> {
  const tuis = bins.map((bin) => spawnTui({ args: [bin], cols: 160, rows: 45, keyGapMs: 0, waitForRawMode: false, env: { DOCKER_HOST: proxy.dockerHost } }));
  // Rows drawn, with the Logs tab of the selected row open beside them.
  await Promise.all(tuis.map((t) => t.waitForScreen((s) => /Containers \(200\)/.test(s) && /│ bench-run-\S+/.test(s) && /Logs/.test(s), { timeout: 60_000 })));
  return tuis;
}

/** CPU % of a core and bytes written per second by each build over `seconds`. */
async function window(tuis: TuiHarness[], seconds: number, into: Map<string, Figures>): Promise<void> {
  const meters = tuis.map((t) => cpuMeter(() => [t.pid]));
  const bytes0 = tuis.map((t) => t.raw().length);
  const t0 = performance.now();
  await pause(seconds * 1000);
  const elapsed = (performance.now() - t0) / 1000;
  tuis.forEach((t, i) => {
    const f = into.get(bins[i]!)!;
    f.cpu.push((meters[i]!() / elapsed) * 100);
    f.bytes.push((t.raw().length - bytes0[i]!) / elapsed);
    f.seconds.push(elapsed);
  });
}

async function quitAll(tuis: TuiHarness[]): Promise<void> {
  for (const t of tuis) await t.type('q');
  await Promise.all(tuis.map((t) => t.exited));
}

// The engine lists newest first, as dtui does: the first n are the rows on screen.
const count = Number(process.env.DTUI_YOUNG_COUNT ?? 200);
const ids = (await engine.docker.listContainers({ filters: { label: ['bench.set=run200'] } })).map((c) => c.Id).slice(0, count);
for (let rep = 0; rep < reps; rep++) {
  console.error(`rep ${rep + 1}/${reps}: restarting ${ids.length} containers`);
  const r0 = performance.now();
  for (let i = 0; i < ids.length; i += 8) await Promise.all(ids.slice(i, i + 8).map((id) => engine.docker.getContainer(id).restart({ t: 0 })));
  const lastStart = performance.now();
  console.error(`  restarted in ${((lastStart - r0) / 1000).toFixed(1)} s`);
  const tuis = await launchAll();
  // Past the launch and the first stats reads; the window ends while the last restarted
  // container still counts seconds (58 s), so the clock ticks every second throughout.
  await pause(3000);
  const seconds = Math.floor((lastStart + 58_000 - performance.now()) / 1000);
  if (seconds < 10) {
    console.error(`  only ${seconds} s of ticking left (a slow restart): repetition skipped`);
    await quitAll(tuis);
    continue;
  }
  console.error(`  young window ${seconds} s`);
  await window(tuis, seconds, young);
  // Settled: every age over a minute (the clock ticks every 30 s), Logs tab still open.
  await pause(Math.max(0, lastStart + 62_000 - performance.now()));
  console.error(`  settled window ${seconds} s`);
  await window(tuis, seconds, settled);
  for (const bin of bins) console.error(`  ${bin}: young ${young.get(bin)!.cpu.at(-1)!.toFixed(2)} %, settled ${settled.get(bin)!.cpu.at(-1)!.toFixed(2)} %`);
  await quitAll(tuis);
  await pause(2000);
}
await proxy.stop();
const fmt = (xs: number[], d = 2) => {
  const s = summarize(xs);
  return `${s.median.toFixed(d)} [${s.min.toFixed(d)}–${s.max.toFixed(d)}]`;
};
const load = (await import('node:os'))
  .loadavg()
  .map((l) => l.toFixed(1))
  .join(' ');
console.log(`load ${load}; ${reps} repetitions, ${ids.length} of 200 containers restarted each; builds side by side in the same minute`);
for (const bin of bins) {
  const y = young.get(bin)!;
  const s = settled.get(bin)!;
  console.log(
    `${bin}: first minute (ages tick each second, ${fmt(y.seconds, 0)} s): dtui ${fmt(y.cpu)} %, ${fmt(y.bytes, 0)} B/s written; ` +
      `settled, Logs tab open on a quiet container: dtui ${fmt(s.cpu)} %, ${fmt(s.bytes, 0)} B/s`,
  );
}
process.exit(0);
