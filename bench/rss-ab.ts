// Idle RSS of two or more builds (or flag variants), alternated, on the same 200 running
// containers (160×45): each build is executed as a person runs it (its #! line applies),
// left alone for `seconds`, then /proc/<pid>/smaps_rollup is read: RSS, file-backed (the
// node binary's pages: code, ICU data) and anonymous (V8's heap, glibc, yoga's wasm).
// Memory, unlike time, is not distorted by the machine's load. Median [min–max] per build.
//
//   node --import tsx bench/rss-ab.ts [reps] [seconds] [bin …]   (default 3 30 bin/dtui)
//   e.g. node --import tsx bench/rss-ab.ts 3 30 /tmp/dtui-compare-<sha>/bin/dtui bin/dtui \
//          'NODE_OPTIONS=--max-semi-space-size=1:bin/dtui'
// (VAR=value:bin runs that bin with VAR set; --detail prints each run's RSS by mapping)
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { acquireEngine, ensureSet, RUN200 } from './fixtures.js';
import { pause, summarize } from './measure.js';
import { CountingProxy } from './proxy.js';
import { spawnTui } from '../test/support/pty-harness.js';

/** The kernel's kB (KiB) in MB of 10^6 bytes: the unit of the bench's RSS figures and targets (measure.ts rssBytes / 1e6). */
const MB_PER_KB = 1024 / 1e6;

/** kB fields of /proc/<pid>/smaps_rollup, in MB. */
export function smapsRollup(pid: number): { rss: number; anon: number; file: number } {
  const text = readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8');
  const kb = (name: string) => Number(new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(text)?.[1] ?? NaN);
  const rss = kb('Rss') * MB_PER_KB;
  const anon = kb('Anonymous') * MB_PER_KB;
  return { rss, anon, file: rss - anon };
}

/** RSS (MB) by kind of mapping: the glibc heap, V8-sized anonymous chunks, other anonymous, each file. */
export function smapsByMapping(pid: number): [string, number][] {
  const out = new Map<string, number>();
  let key = '';
  for (const line of readFileSync(`/proc/${pid}/smaps`, 'utf8').split('\n')) {
    const head = /^([0-9a-f]+)-([0-9a-f]+) (\S+) \S+ \S+ \S+\s*(.*)$/.exec(line);
    if (head) {
      const kb = (parseInt(head[2]!, 16) - parseInt(head[1]!, 16)) / 1024;
      const name = head[4]!;
      // V8 reserves its heap in 256 KB pages; wasm memory is one region of gigabytes (guard pages).
      key = name
        ? name.startsWith('[')
          ? name
          : `${name.split('/').pop()} ${head[3]}`
        : kb >= 1024 * 1024
          ? 'anon, ≥ 1 GB reservation (wasm memory)'
          : kb % 256 === 0
            ? 'anon, 256 KB multiple (V8 heap)'
            : 'anon, other';
      continue;
    }
    const rss = /^Rss:\s+(\d+) kB/.exec(line);
    if (rss) out.set(key, (out.get(key) ?? 0) + Number(rss[1]) * MB_PER_KB);
  }
  return [...out].sort((a, b) => b[1] - a[1]);
}

const detail = process.argv.includes('--detail');
const [repsArg, secondsArg, ...binArgs] = process.argv.slice(2).filter((a) => a !== '--detail');
const reps = Number(repsArg ?? 3);
const seconds = Number(secondsArg ?? 30);
const bins = binArgs.length ? binArgs : ['bin/dtui'];
const engine = await acquireEngine();
await ensureSet(engine.docker, RUN200, (m) => console.error(m));
const proxy = new CountingProxy(engine.socketPath, `/tmp/dtui-bench-rss-ab-${process.pid}.sock`);
await proxy.start();
proxy.scope = ['bench.set=run200'];

const results = new Map(bins.map((b) => [b, { rss: [] as number[], anon: [] as number[], file: [] as number[] }]));
for (let rep = 0; rep < reps; rep++) {
  // Alternate the order so a drifting machine does not always favour one build.
  const order = rep % 2 ? [...bins].reverse() : bins;
  for (const bin of order) {
    const [, name, value, path] = /^(?:(\w+)=([^:]*):)?(.*)$/.exec(bin)!;
    const tui = spawnTui({
      command: path!,
      args: [],
      cols: 160,
      rows: 45,
      keyGapMs: 0,
      waitForRawMode: false,
      env: { DOCKER_HOST: proxy.dockerHost, ...(name ? { [name]: value } : {}) },
    });
    await tui.waitForScreen((s) => /Containers \(200\)/.test(s) && /│ bench-run-\S+ .* \d+\.\d% /.test(s), { timeout: 60_000 });
    await pause(seconds * 1000);
    const m = smapsRollup(tui.pid);
    const r = results.get(bin)!;
    r.rss.push(m.rss);
    r.anon.push(m.anon);
    r.file.push(m.file);
    console.error(`rep ${rep + 1}/${reps} ${bin}: RSS ${m.rss.toFixed(1)} MB (file ${m.file.toFixed(1)}, anon ${m.anon.toFixed(1)})`);
    if (detail) {
      for (const [k, mb] of smapsByMapping(tui.pid).slice(0, 10)) console.error(`    ${mb.toFixed(1).padStart(6)} MB  ${k}`);
    }
    await tui.type('\x03');
    await tui.exited;
  }
}
await proxy.stop();
const fmt = (xs: number[]) => {
  const s = summarize(xs);
  return `${s.median.toFixed(1)} [${s.min.toFixed(1)}–${s.max.toFixed(1)}]`;
};
console.log(
  `load ${loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')}; ${reps} runs, RSS ${seconds} s after the rows are drawn (MB)`,
);
for (const [bin, r] of results) console.log(`${bin}: RSS ${fmt(r.rss)} = file-backed ${fmt(r.file)} + anonymous ${fmt(r.anon)}`);
process.exit(0);
