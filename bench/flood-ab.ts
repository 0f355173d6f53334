// Scenario 5 (log flood) for two or more builds (or flag variants), alternated in one
// process: each repetition runs the whole scenario once per build — `docker logs -f`'s rate
// measured again right before each build's, so every ingestion ratio has its own baseline
// from the same minute. Prints per build, median [min–max] over the repetitions: the
// ingestion ratio, key → frame p95 during the flood, RSS at 1M lines, RSS 60 s after the
// flood stopped, the fresh dtui's RSS on the same screen, and their ratio (the target).
//
//   node --import tsx bench/flood-ab.ts [reps] [bin …] [--quick]   (default 3 bin/dtui)
//   e.g. node --import tsx bench/flood-ab.ts 3 bin/dtui /tmp/variant/bin/dtui --quick
// (a variant is a copy of bin/dtui with other node flags, beside a dist/ or a symlink to one)
import { loadavg } from 'node:os';
import { resolve } from 'node:path';
import type { BenchContext, ResultRow } from './common.js';
import { acquireEngine } from './fixtures.js';
import { summarize } from './measure.js';
import { CountingProxy } from './proxy.js';
import { logFloodScenario } from './scenarios/logs.js';

const quick = process.argv.includes('--quick');
const [repsArg, ...binArgs] = process.argv.slice(2).filter((a) => a !== '--quick');
const reps = Number(repsArg ?? 3);
const bins = binArgs.length ? binArgs : ['bin/dtui'];
const engine = await acquireEngine();
const proxy = new CountingProxy(engine.socketPath, `/tmp/dtui-bench-flood-ab-${process.pid}.sock`);
await proxy.start();
const ctx: BenchContext = { engine, proxy, quick, dockerCli: '/usr/bin/docker', log: (l) => console.error(`  ${l}`), dtuiBin: '' };

const FIGURES = ['ingestion ratio', 'key p95 (ms)', 'RSS at 1M (MB)', 'RSS 60 s after (MB)', 'fresh dtui (MB)', 'after / fresh'] as const;
const results = new Map(bins.map((b) => [b, new Map<string, number[]>(FIGURES.map((f) => [f, []]))]));
const figure = (rows: ResultRow[], name: string) => rows.find((r) => r.figure === name);
const loads: number[] = [];
for (let rep = 0; rep < reps; rep++) {
  // Alternate the order so a drifting machine does not always favour one build.
  const order = rep % 2 ? [...bins].reverse() : bins;
  for (const bin of order) {
    loads.push(loadavg()[0]!);
    console.error(`rep ${rep + 1}/${reps} ${bin} (load ${loads.at(-1)!.toFixed(1)})`);
    const rows = await logFloodScenario({ ...ctx, dtuiBin: resolve(bin) });
    const ingest = figure(rows, 'lines/s ingested while following');
    const keys = figure(rows, 'key → frame during the flood');
    const peak = figure(rows, 'RSS after 1M lines');
    const after = figure(rows, 'RSS 60 s after the flood stopped');
    const got: Record<(typeof FIGURES)[number], number> = {
      'ingestion ratio': ingest?.ratio ?? NaN,
      'key p95 (ms)': keys?.value.p95 ?? NaN,
      'RSS at 1M (MB)': peak?.value.median ?? NaN,
      'RSS 60 s after (MB)': after?.value.median ?? NaN,
      'fresh dtui (MB)': after?.baseline?.value.median ?? NaN,
      'after / fresh': after?.ratio ?? NaN,
    };
    for (const f of FIGURES) results.get(bin)!.get(f)!.push(got[f]);
    console.error(`  ${FIGURES.map((f) => `${f} ${got[f].toFixed(2)}`).join(', ')}`);
  }
}
await proxy.stop();
const load = summarize(loads);
console.log(`${reps} repetitions${quick ? ' (--quick)' : ''}, load ${load.min.toFixed(1)}–${load.max.toFixed(1)} (1-min average at each start)`);
for (const [bin, figures] of results) {
  const cells = [...figures].map(([f, xs]) => {
    const s = summarize(xs);
    return `${f} ${s.median.toFixed(2)} [${s.min.toFixed(2)}–${s.max.toFixed(2)}]`;
  });
  console.log(`${bin}:\n  ${cells.join('\n  ')}`);
}
process.exit(0);
