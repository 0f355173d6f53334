// What a tick of the list's clock costs dtui (issue 14, target 3), without an engine or a
// pty: the real App over a FakeEngine with 200 running rows, rendered by Ink (incremental,
// 160×45) into a counting stream. `young`: every row "Up N seconds" (the clock ticks each
// second); `old`: "Up 2 hours" (no tick). Prints dtui's CPU ms per second and the bytes
// Ink wrote. PROFILE=file.cpuprofile records the measured window with the inspector.
//   NODE_ENV=production node --import tsx bench/tick-cost.tsx young|old [seconds]
import { FakeEngine, fakeApp, fakeContainer } from '../test/support/fake-engine.js';
import { renderCounted } from './counting-render.js';

const young = process.argv[2] !== 'old';
const seconds = Number(process.argv[3] ?? 15);
const engine = new FakeEngine();
const now = Date.now();
engine.containers = Array.from({ length: 200 }, (_, i) =>
  fakeContainer(i, young ? { status: 'Up 2 seconds', statusAt: now, created: Math.floor(now / 1000) - 3 } : {}),
);
const { ctx } = await fakeApp(engine, { cols: 160, rows: 45 });
const { inst, written } = renderCounted(ctx);
await new Promise((r) => setTimeout(r, 3000));
const { Session } = await import('node:inspector/promises');
const session = new Session();
if (process.env.PROFILE) {
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.start');
}
const c0 = process.cpuUsage();
const b0 = written.bytes;
const w0 = written.writes;
await new Promise((r) => setTimeout(r, seconds * 1000));
const c = process.cpuUsage(c0);
const cpuMs = (c.user + c.system) / 1000;
console.log(
  `${young ? 'young' : 'old'}: ${(cpuMs / seconds).toFixed(2)} ms CPU/s (${(cpuMs / seconds / 10).toFixed(2)} % of a core), ${written.writes - w0} writes, ${((written.bytes - b0) / seconds).toFixed(0)} B/s`,
);
if (process.env.PROFILE) {
  const { profile } = await session.post('Profiler.stop');
  (await import('node:fs')).writeFileSync(process.env.PROFILE, JSON.stringify(profile));
}
inst.unmount();
process.exit(0);
