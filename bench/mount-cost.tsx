// What the first frame costs dtui (issue 14, target 1), without an engine or a pty: the real
// App over a FakeEngine with 200 running rows, its lists loaded, mounted by Ink (160×45)
// into a counting stream in a fresh process — cold code, as at launch. Prints the CPU and
// wall time of the synchronous render() that draws the first frame.
//   NODE_ENV=production node --import tsx bench/mount-cost.tsx
import { FakeEngine, fakeApp, fakeContainer } from '../test/support/fake-engine.js';
import { renderCounted } from './counting-render.js';

const engine = new FakeEngine();
engine.containers = Array.from({ length: 200 }, (_, i) => fakeContainer(i));
const { ctx } = await fakeApp(engine, { cols: 160, rows: 45 });
const c0 = process.cpuUsage();
const t0 = performance.now();
const { inst, written } = renderCounted(ctx);
const wall = performance.now() - t0;
const c = process.cpuUsage(c0);
console.log(`first frame: ${wall.toFixed(1)} ms wall, ${((c.user + c.system) / 1000).toFixed(1)} ms CPU, ${written.bytes} B written`);
inst.unmount();
process.exit(0);
