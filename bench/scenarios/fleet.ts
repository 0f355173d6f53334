// Scenario 9: the fleet view over three engines — the bench engine and two private
// dockerds (or, for the third, any unix socket in DTUI_BENCH_THIRD_HOST, e.g. Podman's
// `podman system service`), each behind its own counting proxy and reached through a
// context made with `docker context create`. Measured: launch to first rows, 0 f to the
// rows of all three engines, dtui's CPU while idle with the fleet view open, and what it
// asks the engines meanwhile (target: nothing beyond one events stream per engine).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startPrivateEngine, type PrivateEngine } from '../../test/support/private-engine.js';
import { dockerFor } from '../../test/support/engine.js';
import { launchDtui, quitDtui, row, type BenchContext, type ResultRow } from '../common.js';
import { ensureSet, type SetSpec } from '../fixtures.js';
import { cpuPercentSlices, pause, summarize } from '../measure.js';
import { byRoute, CountingProxy } from '../proxy.js';

const FLEET: SetSpec = {
  set: 'fleet',
  count: 10,
  name: (i) => `bench-fleet-${String(i).padStart(2, '0')}`,
  cmd: ['sh', '-c', "trap 'exit 0' TERM; sleep 86400 & wait"],
  start: 'always',
};
const SCOPE = ['bench.set=fleet'];

export async function fleetScenario(ctx: BenchContext): Promise<ResultRow[]> {
  const idleSeconds = ctx.quick ? 20 : 60;
  const owned: PrivateEngine[] = [];
  const proxies: CountingProxy[] = [];
  const config = mkdtempSync(join(tmpdir(), 'dtui-bench-fleet-'));
  try {
    ctx.log('starting the second (and third) engine');
    const second = await startPrivateEngine();
    owned.push(second);
    const thirdHost = process.env.DTUI_BENCH_THIRD_HOST;
    const third = thirdHost ? undefined : await startPrivateEngine();
    if (third) owned.push(third);
    const sockets = [second.info.socketPath, thirdHost ? new URL(thirdHost).pathname : third!.info.socketPath];
    for (const [i, socket] of sockets.entries()) {
      const proxy = new CountingProxy(socket, join(config, `e${i + 2}.sock`));
      await proxy.start();
      proxies.push(proxy);
    }
    ctx.proxy.scope = SCOPE;
    await ensureSet(ctx.engine.docker, FLEET, ctx.log);
    for (const engine of owned) await ensureSet(dockerFor(engine.host, undefined, 60_000), FLEET, ctx.log);
    const all = [ctx.proxy, ...proxies];
    const cli = (...args: string[]) =>
      execFileSync(ctx.dockerCli, args, { env: { ...process.env, DOCKER_CONFIG: config, DOCKER_HOST: '', DOCKER_CONTEXT: '' }, stdio: 'pipe' });
    for (const [i, proxy] of all.entries()) cli('context', 'create', `e${i + 1}`, '--docker', `host=${proxy.dockerHost}`);
    cli('context', 'use', 'e1');

    const { tui, t0 } = await launchDtui(ctx, SCOPE, (s) => /│ bench-fleet-\d+/.test(s), { DOCKER_CONFIG: config });
    try {
      const launch = tui.lastChunkAt() - t0;
      const f0 = performance.now();
      await tui.press('0', 'f');
      // Every engine's rows: the ENGINE column names e1, e2 and e3.
      await tui.waitForScreen((s) => [1, 2, 3].every((n) => new RegExp(`e${n}\\s+bench-fleet-`).test(s)), { timeout: 30_000 });
      const fleetRows = performance.now() - f0;
      await pause(3000);
      const mark = performance.now();
      ctx.log(`dtui idle with the fleet view open (${idleSeconds} s)`);
      const cpu = await cpuPercentSlices(() => [tui.pid], idleSeconds, ctx.quick ? 4 : 6);
      const minutes = (performance.now() - mark) / 60_000;
      const askedOf = all.map((p) => p.since(mark));
      const asked = askedOf.flat();
      const eventStreams = all.map((p) => p.open().filter((r) => r.path.includes('/events')).length);
      await quitDtui(tui);
      const scenario = '9 fleet view, 3 engines (indicative)';
      // The fleet view shows no CPU/MEM columns: a stats read here is not the list's sampling,
      // it counts against the target like any other request.
      const routes = askedOf.map((r, i) => `e${i + 1}: ${byRoute(r)}`).join('; ');
      const note = `${thirdHost ? 'third engine from DTUI_BENCH_THIRD_HOST' : 'bench engine + 2 private dockerds'}; open events streams per engine: ${eventStreams.join('/')}; started: ${routes}`;
      return [
        row({ scenario, figure: 'launch to first rows', unit: 'ms', value: summarize([launch]), stat: 'median', target: '≤ 1000 ms' }, (v) => v <= 1000),
        row(
          { scenario, figure: '0 f to rows of all 3 engines', unit: 'ms', value: summarize([fleetRows]), stat: 'median', target: '≤ 3000 ms' },
          (v) => v <= 3000,
        ),
        row({ scenario, figure: 'dtui CPU, fleet view open, idle', unit: '%', value: summarize(cpu), stat: 'median', target: '≤ 0.5 %' }, (v) => v <= 0.5),
        row(
          {
            scenario,
            figure: 'requests/min while idle (3 engines)',
            unit: '/min',
            value: summarize([asked.length / minutes]),
            stat: 'median',
            target: '0',
            note,
          },
          (v) => v === 0 && eventStreams.every((n) => n === 1),
        ),
      ];
    } finally {
      await tui.kill('SIGKILL').catch(() => undefined);
    }
  } finally {
    for (const proxy of proxies) await proxy.stop();
    for (const engine of owned) await engine.dispose();
    rmSync(config, { recursive: true, force: true });
  }
}
