// What a stats stream costs the engine, by number of streams (scenario 4's analysis):
// opens k `stats?stream=true` streams on the run200 fixtures straight through the API
// (no dtui, no CLI), reads them, and samples the engine's CPU. Shows whether the cost is
// per stream or has a fixed part that `docker stats` spreads over 200 containers.
//   node --import tsx bench/stats-cost.ts [k,k,...]     (default 0,1,21,200)
// k@p instead samples k containers one-shot (`stream=false&one-shot=true`, what the
// list does now) every p seconds, staggered over the period: e.g. 21@1,21@2,21@5,21@10.
import { setMaxListeners } from 'node:events';
import { acquireEngine, ensureSet, RUN200 } from './fixtures.js';
import { cpuPercentSlices, pause, pidsMentioning, summarize } from './measure.js';

const ks = (process.argv[2] ?? '0,1,21,200').split(',').map((x) => Number(x.split('@')[0]));
const engine = await acquireEngine();
await ensureSet(engine.docker, RUN200, (s) => process.stderr.write(`${s}\n`));
const ids = (await engine.docker.listContainers({ filters: { label: ['bench.set=run200'], status: ['running'] } })).map((c) => c.Id);
const pids = () => pidsMentioning(engine.marker);
const spec = (process.argv[2] ?? '0,1,21,200').split(',');
for (const [i, k] of ks.entries()) {
  const period = Number(spec[i]!.split('@')[1] ?? NaN);
  if (Number.isFinite(period)) {
    await oneShotCost(k, period);
    continue;
  }
  const abort = new AbortController();
  setMaxListeners(0, abort.signal);
  await Promise.all(
    ids.slice(0, k).map(async (id) => {
      const stream = await (engine.docker
        .getContainer(id)
        .stats({ stream: true, abortSignal: abort.signal } as never) as unknown as Promise<NodeJS.ReadableStream>);
      stream.on('error', () => undefined);
      stream.resume();
    }),
  );
  await pause(4000);
  const cpu = summarize(await cpuPercentSlices(pids, 24, 6));
  abort.abort();
  console.log(
    `${String(k).padStart(3)} streams: engine CPU median ${cpu.median.toFixed(2)} % [${cpu.min.toFixed(2)}–${cpu.max.toFixed(2)}]${k ? `, ${(cpu.median / k).toFixed(3)} % per stream` : ''}`,
  );
  await pause(3000);
}
process.exit(0);

/** k containers read one at a time, one read every period/k s (as the list's sampler does). */
async function oneShotCost(k: number, period: number): Promise<void> {
  let stop = false;
  let reads = 0;
  const open = new Set<Promise<unknown>>();
  // A read waits for the engine's next collection tick (up to 1 s): fire them on the
  // schedule without waiting for the previous answer, as the sampler does.
  const loop = (async () => {
    for (let i = 0; !stop; i++) {
      const read = engine.docker
        .getContainer(ids[i % k]!)
        .stats({ stream: false, 'one-shot': true } as never)
        .then(
          () => reads++,
          () => undefined,
        );
      open.add(read);
      void read.finally(() => open.delete(read));
      await pause((period * 1000) / k);
    }
    await Promise.all(open);
  })();
  await pause(4000);
  const before = reads;
  const cpu = summarize(await cpuPercentSlices(pids, 24, 6));
  const rate = (reads - before) / 24;
  stop = true;
  await loop;
  console.log(
    `${String(k).padStart(3)} one-shot every ${period} s: engine CPU median ${cpu.median.toFixed(2)} % [${cpu.min.toFixed(2)}–${cpu.max.toFixed(2)}], ${rate.toFixed(1)} reads/s${rate ? `, ${(cpu.median / rate).toFixed(3)} % per read/s` : ''}`,
  );
  await pause(3000);
}
