// Idle cost of two or more builds, alternated, on the same 200 running containers
// (160×45, ~21 running rows on screen): per repetition one window with no client (the
// engine's own cost), then each build in turn for the same window length. Prints, per
// build, dtui's CPU, the engine CPU it adds, their sum ("idle machine cost"), and the
// freshness of the CPU/MEM columns; median [min–max] over the repetitions.
//
//   node --import tsx bench/idle-ab.ts [reps] [seconds] [bin …]   (default 3 60 bin/dtui)
//   e.g. node --import tsx bench/idle-ab.ts 3 60 .before/bin/dtui bin/dtui
// (a build of another commit: copy its bin/ and dist/ into a folder of this checkout, so
// its bundle finds this checkout's node_modules)
import { acquireEngine, ensureSet, RUN200 } from './fixtures.js';
import { engineAlone, idleWindow } from './idle-window.js';
import { pause, pidsMentioning, summarize } from './measure.js';
import { CountingProxy } from './proxy.js';
import { spawnTui } from '../test/support/pty-harness.js';

const [repsArg, secondsArg, ...binArgs] = process.argv.slice(2);
const reps = Number(repsArg ?? 3);
const seconds = Number(secondsArg ?? 60);
const bins = binArgs.length ? binArgs : ['bin/dtui'];
const engine = await acquireEngine();
await ensureSet(engine.docker, RUN200, (m) => console.error(m));
const proxy = new CountingProxy(engine.socketPath, `/tmp/dtui-bench-idle-ab-${process.pid}.sock`);
await proxy.start();
proxy.scope = ['bench.set=run200'];
const enginePids = () => pidsMentioning(engine.marker);

const alone: number[] = [];
const results = new Map(
  bins.map((b) => [
    b,
    { dtui: [] as number[], added: [] as number[], total: [] as number[], fresh: [] as number[], freshest: [] as number[], stalest: [] as number[], note: '' },
  ]),
);
for (let rep = 0; rep < reps; rep++) {
  console.error(`rep ${rep + 1}/${reps}: engine alone (${seconds} s)`);
  const base = await engineAlone(enginePids, seconds);
  alone.push(base);
  // Alternate the order so a drifting machine load does not always favour one build.
  const order = rep % 2 ? [...bins].reverse() : bins;
  for (const bin of order) {
    const tui = spawnTui({ args: [bin], cols: 160, rows: 45, keyGapMs: 0, waitForRawMode: false, env: { DOCKER_HOST: proxy.dockerHost } });
    await tui.waitForScreen((s) => /Containers \(200\)/.test(s) && /│ bench-run-\S+ .* \d+\.\d% /.test(s), { timeout: 30_000 });
    // Past the launch and the first samples of every visible row.
    await pause(8000);
    console.error(`rep ${rep + 1}/${reps}: ${bin} idle (${seconds} s)`);
    const w = await idleWindow(tui.pid, enginePids, proxy, seconds);
    const r = results.get(bin)!;
    r.dtui.push(w.dtuiCpu);
    r.added.push(w.engineCpu - base);
    r.total.push(w.dtuiCpu + w.engineCpu - base);
    r.fresh.push(w.freshness);
    r.freshest.push(w.freshest);
    r.stalest.push(w.stalest);
    r.note = `${w.openStatsStreams} stats streams open, ${w.sampledIds} containers sampled, ${w.requests.length} requests in the window`;
    await tui.type('q');
    await tui.exited;
    await pause(3000);
  }
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
console.log(`load ${load}; ${reps} × ${seconds} s windows; engine alone ${fmt(alone)} % of a core`);
for (const [bin, r] of results) {
  console.log(
    `${bin}: dtui ${fmt(r.dtui)} % + engine added ${fmt(r.added)} % = idle machine cost ${fmt(r.total)} % of a core; freshness per row ${fmt(r.fresh, 1)} s (freshest ${fmt(r.freshest, 1)}, stalest ${fmt(r.stalest, 1)}) (${r.note})`,
  );
}
process.exit(0);
