// What a stats stream costs the engine, by number of streams (scenario 4's analysis):
// opens k `stats?stream=true` streams on the run200 fixtures straight through the API
// (no dtui, no CLI), reads them, and samples the engine's CPU. Shows whether the cost is
// per stream or has a fixed part that `docker stats` spreads over 200 containers.
//   node --import tsx bench/stats-cost.ts [k,k,...]     (default 0,1,21,200)
import { setMaxListeners } from 'node:events';
import { acquireEngine, ensureSet, RUN200 } from './fixtures.js';
import { cpuPercentSlices, pause, pidsMentioning, summarize } from './measure.js';

const ks = (process.argv[2] ?? '0,1,21,200').split(',').map(Number);
const engine = await acquireEngine();
await ensureSet(engine.docker, RUN200, (s) => process.stderr.write(`${s}\n`));
const ids = (await engine.docker.listContainers({ filters: { label: ['bench.set=run200'], status: ['running'] } })).map((c) => c.Id);
const pids = () => pidsMentioning(engine.marker);
for (const k of ks) {
  const abort = new AbortController();
  setMaxListeners(0, abort.signal);
  await Promise.all(ids.slice(0, k).map(async (id) => {
    const stream = await (engine.docker.getContainer(id).stats({ stream: true, abortSignal: abort.signal } as never) as unknown as Promise<NodeJS.ReadableStream>);
    stream.on('error', () => undefined);
    stream.resume();
  }));
  await pause(4000);
  const cpu = summarize(await cpuPercentSlices(pids, 24, 6));
  abort.abort();
  console.log(`${String(k).padStart(3)} streams: engine CPU median ${cpu.median.toFixed(2)} % [${cpu.min.toFixed(2)}–${cpu.max.toFixed(2)}]${k ? `, ${(cpu.median / k).toFixed(3)} % per stream` : ''}`);
  await pause(3000);
}
process.exit(0);
