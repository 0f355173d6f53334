// Soak test (not part of `npm test`): dtui open on a busy engine for minutes.
//   npm run soak                 # 10 minutes
//   npm run soak -- --minutes 3
// Load: containers created and removed at 5 per second (a busy events stream), one
// container flooding its log while dtui follows it. Pass criteria: dtui's RSS grows by
// at most 10 % after warm-up, its open file descriptors stay constant, no exec session
// is left on the engine, and dtui never dies (an unhandled rejection would end it with
// "dtui: unexpected error"). Uses DTUI_TEST_DOCKER_HOST, or starts a private engine.
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import type Docker from 'dockerode';
import { startEngine, stopEngine } from '../test/support/dockerd.js';
import { dockerFor, TEST_IMAGE } from '../test/support/engine.js';
import { dtuiCommand, spawnTui } from '../test/support/pty-harness.js';
import { ensureTestImage } from '../test/support/test-image.js';

const minutesArg = process.argv.indexOf('--minutes');
const minutes = minutesArg > 0 ? Number(process.argv[minutesArg + 1]) : 10;
if (!(minutes > 0)) throw new Error('--minutes needs a positive number');
const durationMs = minutes * 60_000;
const CHURN_PER_SECOND = 5;
// Its own label only: the test suite's teardown removes every dtui.test=1 container,
// which would pull the flood out from under a soak sharing the engine.
const LABELS = { 'dtui.soak': String(process.pid) };

const rssKb = (pid: number) => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? NaN);
const fds = (pid: number) => readdirSync(`/proc/${pid}/fd`).length;
const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));
const log = (msg: string) => process.stdout.write(`[soak ${new Date().toISOString().slice(11, 19)}] ${msg}\n`);

async function engineHost(): Promise<{ host: string; stop: () => Promise<void> }> {
  const preset = process.env.DTUI_TEST_DOCKER_HOST;
  if (preset) return { host: preset, stop: () => Promise.resolve() };
  const dir = mkdtempSync('/tmp/ds-');
  const info = await startEngine(dir);
  await ensureTestImage(dockerFor(info.dockerHost, undefined, 60_000), dir);
  return {
    host: info.dockerHost,
    stop: async () => {
      await stopEngine(dir);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Creates, starts and force-removes short-lived containers at `perSecond`. */
function churn(docker: Docker, perSecond: number, until: () => boolean): { done: Promise<void>; stats: { ok: number; failed: number } } {
  const stats = { ok: 0, failed: 0 };
  let inFlight = 0;
  const one = async (n: number) => {
    inFlight++;
    try {
      const c = await docker.createContainer({ name: `soak-churn-${process.pid}-${n}`, Image: TEST_IMAGE, Cmd: ['true'], Labels: LABELS });
      await c.start();
      await c.remove({ force: true });
      stats.ok++;
    } catch {
      stats.failed++;
    } finally {
      inFlight--;
    }
  };
  const done = (async () => {
    let n = 0;
    while (!until()) {
      // Bounded: on a slow engine the rate drops instead of requests piling up.
      if (inFlight < 20) void one(n++);
      await pause(1000 / perSecond);
    }
    while (inFlight > 0) await pause(50);
  })();
  return { done, stats };
}

async function main(): Promise<void> {
  const engine = await engineHost();
  const docker = dockerFor(engine.host, undefined, 30_000);
  const flood = await docker.createContainer({
    name: `soak-flood-${process.pid}`,
    Image: TEST_IMAGE,
    Labels: LABELS,
    Cmd: ['sh', '-c', 'while :; do seq 1 2000 | sed "s/^/flood line /"; sleep 0.05; done'],
    // Rotated, so a 10-minute flood does not fill the disk.
    HostConfig: { LogConfig: { Type: 'json-file', Config: { 'max-size': '5m', 'max-file': '2' } } },
  });
  await flood.start();

  const tui = spawnTui({ ...dtuiCommand(), env: { DOCKER_HOST: engine.host, DOCKER_TLS_VERIFY: undefined, DOCKER_CERT_PATH: undefined } });
  let failure = '';
  try {
    await tui.waitForText(/\[1\] Containers \(\d+/, { timeout: 20_000 });
    await tui.press('/');
    await tui.type(`soak-flood-${process.pid}`);
    await tui.press('enter', 'enter');
    await tui.waitForText('flood line', { timeout: 20_000 });
    log(`dtui pid ${tui.pid} following the flood; churning ${CHURN_PER_SECOND} containers/s for ${minutes} min`);

    const start = Date.now();
    const { done, stats } = churn(docker, CHURN_PER_SECOND, () => Date.now() - start > durationMs);
    const warmupMs = Math.min(60_000, durationMs / 4);
    const samples: Array<{ t: number; rss: number; fds: number }> = [];
    while (Date.now() - start < durationMs) {
      await pause(5_000);
      const sample = { t: Date.now() - start, rss: rssKb(tui.pid), fds: fds(tui.pid) };
      samples.push(sample);
      if (samples.length % 6 === 0) log(`t=${Math.round(sample.t / 1000)}s rss=${sample.rss} kB fds=${sample.fds} churned=${stats.ok} failed=${stats.failed}`);
    }
    await done;

    // RSS swings ±20 % with garbage collection under a flood, so compare peaks: the
    // highest RSS in the minute after warm-up against the highest in the last minute.
    const after = samples.filter((s) => s.t >= warmupMs);
    const window = Math.min(60_000, (durationMs - warmupMs) / 3);
    const peak = (from: number, to: number) => Math.max(...samples.filter((s) => s.t >= from && s.t <= to).map((s) => s.rss));
    const baseline = peak(warmupMs, warmupMs + window);
    const final = peak(durationMs - window, Infinity);
    const growth = (final - baseline) / baseline;
    const fdSet = new Set(after.map((s) => s.fds));
    const execs = (await docker.listContainers({ all: true })).length
      ? (
          await Promise.all(
            (await docker.listContainers({ all: true })).map((c) =>
              docker
                .getContainer(c.Id)
                .inspect()
                .then(
                  (i) => i.ExecIDs ?? [],
                  () => [],
                ),
            ),
          )
        ).flat()
      : [];
    const alive = !tui.raw().includes('dtui: unexpected error');
    const screenOk = /flood line/.test(await tui.waitForText('flood line'));

    log(`churned ${stats.ok} containers (${(stats.ok / (durationMs / 1000)).toFixed(1)}/s), ${stats.failed} failed calls`);
    log(`peak RSS after warm-up ${baseline} kB → in the last minute ${final} kB: ${(growth * 100).toFixed(1)} % (limit 10 %)`);
    log(`open fds after warm-up: ${[...fdSet].sort((a, b) => a - b).join(', ')}`);
    log(`exec sessions on the engine: ${execs.length}`);
    log(`dtui alive and still following: ${alive && screenOk}`);
    if (growth > 0.1) failure += `RSS grew ${(growth * 100).toFixed(1)} %; `;
    if (Math.max(...fdSet) - Math.min(...fdSet) > 2) failure += `fds varied ${[...fdSet].join(',')}; `;
    if (execs.length) failure += `${execs.length} exec sessions left; `;
    if (!alive || !screenOk) failure += 'dtui died or stopped following; ';
    await tui.press('q');
    const exit = await tui.exited;
    if (exit.exitCode !== 0) failure += `dtui exited ${exit.exitCode}; `;
  } finally {
    await tui.kill('SIGKILL');
    const mine = await docker.listContainers({ all: true, filters: { label: [`dtui.soak=${process.pid}`] } }).catch(() => []);
    await Promise.all(
      mine.map((c) =>
        docker
          .getContainer(c.Id)
          .remove({ force: true })
          .catch(() => undefined),
      ),
    );
    await engine.stop();
  }
  log(failure ? `FAIL: ${failure}` : 'PASS');
  process.exit(failure ? 1 : 0);
}

main().catch((err: unknown) => {
  process.stderr.write(`soak: ${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(1);
});
