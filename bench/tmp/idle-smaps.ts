import { readFileSync } from 'node:fs';
import { launchDtui, quitDtui, type BenchContext } from '../common.js';
import { acquireEngine } from '../fixtures.js';
import { CountingProxy } from '../proxy.js';
import { pause } from '../measure.js';
const engine = await acquireEngine();
const proxy = new CountingProxy(engine.socketPath, `/tmp/dtui-bench-proxy-${process.pid}.sock`);
await proxy.start();
const ctx = { engine, proxy, quick: true, dockerCli: '/usr/bin/docker', log: console.error } as BenchContext;
const { tui } = await launchDtui(ctx, ['bench.set=run200'], (s) => /Containers \(200\)/.test(s) && /\d+\.\d% /.test(s));
await pause(Number(process.env.WAIT ?? 15000));
const smaps = readFileSync(`/proc/${tui.pid}/smaps`, 'utf8');
const byName = new Map<string, number>();
let cur = '';
for (const line of smaps.split('\n')) {
  const head = /^[0-9a-f]+-[0-9a-f]+ \S+ \S+ \S+ \S+\s*(.*)$/.exec(line);
  if (head) { cur = head[1] || '[anon]'; continue; }
  const m = /^Rss:\s+(\d+) kB/.exec(line);
  if (m) byName.set(cur, (byName.get(cur) ?? 0) + Number(m[1]));
}
console.log([...byName].sort((a, b) => b[1] - a[1]).slice(0, 12).map(([k, v]) => `${(v / 1024).toFixed(1)} MB ${k}`).join('\n'));
console.log(readFileSync(`/proc/${tui.pid}/status`, 'utf8').split('\n').filter((l) => /Rss|VmHWM/.test(l)).join('\n'));
await quitDtui(tui);
await proxy.stop();
