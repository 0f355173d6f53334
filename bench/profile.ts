// Profiles dtui (node --cpu-prof bin/dtui) and prints where the CPU time went, by
// package and by function. Used for docs/PERFORMANCE.md.
//
//   node --import tsx bench/profile.ts [scope-label]        launch up to rows on screen
//   node --import tsx bench/profile.ts --keys [n] [scope]   then n × ↓ (~8/s; DTUI_PROFILE_KEY=pgdn), CPU ms per key
//   node --import tsx bench/profile.ts --hold [s] [scope]   then s seconds untouched (a log flood)
//   (DTUI_BENCH_DOCKER_HOST=unix:///path to use an engine you started; DTUI_PROFILE_BIN=
//   another checkout's bin/dtui to compare builds; DTUI_PROFILE_OFF=1 for CPU time without
//   the profiler's overhead; DTUI_PROFILE_PRE=6 keys typed before the measured ones, e.g. a
//   pane; DTUI_PROFILE_BOUNCE=8 goes ↑ after every 8 ↓ and back, for short lists)
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { KEYS, spawnTui } from '../test/support/pty-harness.js';
import { acquireEngine } from './fixtures.js';
import { cpuSeconds, pause, rssBytes } from './measure.js';
import { byRoute, CountingProxy } from './proxy.js';

interface Node {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  nodes: Node[];
  samples: number[];
  timeDeltas: number[];
  startTime: number;
  endTime: number;
}

function packageOf(url: string): string {
  const m = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (m) return m[1]!;
  if (url.includes('dist/dtui.')) return 'dtui bundle';
  if (url.startsWith('node:')) return 'node internals';
  return url ? url.replace(/^file:\/\/.*\//, '') : '(native/gc/idle)';
}

export function summarizeProfile(p: Profile, top = 15): string {
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  const self = new Map<number, number>();
  p.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (p.timeDeltas[i] ?? 0)));
  const byPkg = new Map<string, number>();
  const byFn = new Map<string, number>();
  for (const [id, us] of self) {
    const n = byId.get(id)!;
    const name = n.callFrame.functionName || '(anonymous)';
    if (name === '(idle)' || name === '(program)') continue;
    byPkg.set(packageOf(n.callFrame.url), (byPkg.get(packageOf(n.callFrame.url)) ?? 0) + us);
    const fn = `${name} ${n.callFrame.url.replace(/^.*\//, '')}:${n.callFrame.lineNumber}`;
    byFn.set(fn, (byFn.get(fn) ?? 0) + us);
  }
  const fmt = (m: Map<string, number>) =>
    [...m]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([k, us]) => `  ${(us / 1000).toFixed(1).padStart(7)} ms  ${k}`)
      .join('\n');
  const total = [...self.values()].reduce((a, b) => a + b, 0);
  return `profile: ${((p.endTime - p.startTime) / 1000).toFixed(0)} ms wall, ${(total / 1000).toFixed(0)} ms sampled\nby package (self time):\n${fmt(byPkg)}\nby function (self time):\n${fmt(byFn)}`;
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const keys = args[0] === '--keys' ? Number(args.splice(0, 2)[1] ?? 60) : 0;
  // DTUI_PROFILE_KEY=pgdn (a name in KEYS, or a literal key) instead of ↓.
  const key = process.env.DTUI_PROFILE_KEY ?? 'down';
  const hold = args[0] === '--hold' ? Number(args.splice(0, 2)[1] ?? 20) : 0;
  const scope = args[0] ?? (keys ? 'bench.set=new2000,bench.k1000=1' : 'bench.set=run200');
  const engine = await acquireEngine();
  const proxy = new CountingProxy(engine.socketPath, `/tmp/dtui-bench-prof-${process.pid}.sock`);
  await proxy.start();
  proxy.scope = scope.split(',');
  const dir = mkdtempSync('/tmp/dtui-prof-');
  const t0 = performance.now();
  const tui = spawnTui({
    args: [
      ...(process.env.DTUI_PROFILE_NODE_ARGS?.split(' ').filter(Boolean) ?? []),
      ...(process.env.DTUI_PROFILE_OFF === '1' ? [] : ['--cpu-prof', `--cpu-prof-dir=${dir}`]),
      process.env.DTUI_PROFILE_BIN ?? 'bin/dtui',
    ],
    waitForRawMode: false,
    keyGapMs: 0,
    env: { DOCKER_HOST: proxy.dockerHost },
  });
  await tui.waitForScreen((s) => /│ bench|No containers/.test(s), { timeout: 30_000 });
  console.log(`rows on screen after ${(tui.lastChunkAt() - t0).toFixed(0)} ms (profiling slows this)`);
  console.log(
    `engine requests: ${proxy.requests.map((r) => `${r.method} ${r.path.replace(/[0-9a-f]{64}/g, '<id>')} @${(r.at - t0).toFixed(0)}ms`).join(', ')}`,
  );
  if (keys) {
    await tui.waitForRawMode();
    for (const k of process.env.DTUI_PROFILE_PRE ?? '') {
      await tui.type(k);
      await pause(1500);
    }
    await pause(1000);
    const bounce = Number(process.env.DTUI_PROFILE_BOUNCE) || 0;
    const before = cpuSeconds(tui.pid)!;
    const keysFrom = performance.now();
    for (let i = 0; i < keys; i++) {
      const back = bounce > 0 && Math.floor(i / bounce) % 2 === 1;
      await tui.type(back ? KEYS.up! : (KEYS[key] ?? key));
      await pause(120);
    }
    await pause(500);
    const used = cpuSeconds(tui.pid)! - before;
    console.log(`${keys} × ${key}: dtui CPU ${(used * 1000).toFixed(0)} ms, ${((used * 1000) / keys).toFixed(1)} ms per key (incl. 500 ms tail)`);
    const during = proxy.since(keysFrom);
    console.log(`engine requests during the keys: ${byRoute(during)} over ${new Set(during.map((r) => r.connection)).size} connections`);
  }
  if (hold) {
    const before = cpuSeconds(tui.pid)!;
    await pause(hold * 1000);
    const lines = /· ([\d,]+) lines/.exec(tui.screen())?.[1];
    console.log(
      `held ${hold} s: dtui CPU ${((cpuSeconds(tui.pid)! - before) * 1000).toFixed(0)} ms, RSS ${(rssBytes(tui.pid) / 1e6).toFixed(0)} MB, log shows ${lines ?? '?'} lines`,
    );
  }
  await tui.type('\x03'); // Ctrl+C quits from any view (q first leaves one)
  await tui.exited;
  await proxy.stop();
  const file = readdirSync(dir).find((f) => f.endsWith('.cpuprofile'));
  if (!file) return;
  console.log(`${join(dir, file)}\n${summarizeProfile(JSON.parse(readFileSync(join(dir, file), 'utf8')) as Profile)}`);
}

await main();
process.exit(0);
