// Launch of two or more builds, alternated, against the same 200 containers: wall time
// from spawn to rows on screen and dtui's CPU time at that moment (/proc), which the
// machine's load inflates far less than wall time. Used for docs/PERFORMANCE.md.
//
//   node --import tsx bench/launch-ab.ts [runs] [bin …]     (default: 9 runs of bin/dtui)
//   e.g. node --import tsx bench/launch-ab.ts 9 /tmp/before/bin/dtui bin/dtui DTUI_NO_CODE_CACHE=1:bin/dtui
//   (VAR=value:bin runs that bin with VAR set; exec:bin runs it as a command, through its #! line,
//   as a person does, instead of `node bin`)
import { acquireEngine, ensureSet, RUN200 } from './fixtures.js';
import { cpuSeconds, summarize, timeCommand } from './measure.js';
import { CountingProxy } from './proxy.js';
import { spawnTui } from '../test/support/pty-harness.js';

const [runsArg, ...binArgs] = process.argv.slice(2);
const runs = Number(runsArg ?? 9);
const bins = binArgs.length ? binArgs : ['bin/dtui'];
const engine = await acquireEngine();
await ensureSet(engine.docker, RUN200, (m) => console.error(m));
const proxy = new CountingProxy(engine.socketPath, `/tmp/dtui-bench-ab-${process.pid}.sock`);
await proxy.start();
proxy.scope = ['bench.set=run200'];

const fmt = (xs: number[]) => {
  const s = summarize(xs);
  return `${s.median.toFixed(0)} [${s.min.toFixed(0)}–${s.max.toFixed(0)}] n=${s.n}`;
};
const wall = new Map<string, number[]>(bins.map((b) => [b, []]));
const cpu = new Map<string, number[]>(bins.map((b) => [b, []]));
const node: number[] = [];
await timeCommand(process.execPath, ['-e', '0']);
for (let i = 0; i < runs; i++) {
  node.push(await timeCommand(process.execPath, ['-e', '0']));
  for (const bin of bins) {
    const t0 = performance.now();
    const [, name, value, exec, path] = /^(?:(\w+)=([^:]*):)?(exec:)?(.*)$/.exec(bin)!;
    const env = { DOCKER_HOST: proxy.dockerHost, ...(name ? { [name]: value } : {}) };
    const tui = spawnTui({ ...(exec ? { command: path!, args: [] } : { args: [path!] }), cols: 160, rows: 45, keyGapMs: 0, waitForRawMode: false, env });
    await tui.waitForScreen((s) => /Containers \(200\)/.test(s) && /│ bench-run-\S+/.test(s), { timeout: 30_000 });
    wall.get(bin)!.push(tui.lastChunkAt() - t0);
    cpu.get(bin)!.push((cpuSeconds(tui.pid) ?? NaN) * 1000);
    await tui.waitForRawMode();
    await tui.type('q');
    await tui.exited;
  }
}
await proxy.stop();
const load = (await import('node:os'))
  .loadavg()
  .map((l) => l.toFixed(1))
  .join(' ');
console.log(`load ${load}; node -e 0: ${fmt(node)} ms`);
for (const bin of bins) {
  const w = summarize(wall.get(bin)!).median;
  console.log(`${bin}: rows on screen ${fmt(wall.get(bin)!)} ms (${(w / summarize(node).median).toFixed(2)}× node -e 0); CPU by then ${fmt(cpu.get(bin)!)} ms`);
}
process.exit(0);
