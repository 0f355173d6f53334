// Scenario 11: a swarm service with 500 tasks (100 with --quick). The bench engine is made
// a one-node swarm (`swarm init` on 127.0.0.1, as test/support/swarm.ts does for tests) and
// runs one service of N replicas of the test image running `sleep`; once every task runs,
// dtui is measured on it: launch, 7 → the Services pane's rows, 9 → the Tasks pane's rows,
// Enter on the service → its tasks, ↓ in the Tasks pane, and what dtui asks the engine
// while idle in both panes (tasks have no events in API 1.41: the panes re-read once a
// second only while something settles, so a converged swarm must cost nothing). The
// service is removed and the swarm left at the end (and by --clean), so no other scenario
// runs on a swarm node.
import type Docker from 'dockerode';
import { freePort } from '../../test/support/dockerd.js';
import { KEYS, type TuiHarness } from '../../test/support/pty-harness.js';
import { TEST_IMAGE } from '../../test/support/test-image.js';
import { cliEnv, launchDtui, listedOrder, quitDtui, row, selected, type BenchContext, type ResultRow } from '../common.js';
import { BENCH_LABEL, ensureSet, RUN200 } from '../fixtures.js';
import { cpuPercentSlices, keyToFrame, pause, press, summarize, timeCommand, type Keys } from '../measure.js';
import { byRoute, type CountingProxy } from '../proxy.js';

export const SWARM_SERVICE = 'bench-swarm';
const SWARM_SET = 'swarm';
const SCOPE = [`${BENCH_LABEL}.set=${SWARM_SET}`];
const RUN_SCOPE = ['bench.set=run200'];
const SWARM_PATH = /\/(services|tasks|nodes)(\?|$)/;

interface TaskAnswer {
  Status?: { State?: string };
}

async function swarmState(docker: Docker): Promise<string> {
  const info = (await docker.info()) as { Swarm?: { LocalNodeState?: string } };
  return info.Swarm?.LocalNodeState ?? '';
}

/** Makes the engine a one-node swarm manager unless it is one already. */
async function ensureSwarm(docker: Docker): Promise<void> {
  if ((await swarmState(docker)) === 'active') return;
  const addr = `127.0.0.1:${await freePort()}`;
  await docker.swarmInit({ ListenAddr: addr, AdvertiseAddr: addr, ForceNewCluster: false });
}

/** Removes the bench service, waits for its task containers to go, and leaves the swarm. */
export async function removeBenchSwarm(docker: Docker, log: (s: string) => void): Promise<void> {
  const state = await swarmState(docker);
  if (state === 'inactive' || state === '') return;
  const services = ((await docker.listServices({ filters: { name: [SWARM_SERVICE] } }).catch(() => [])) ?? []) as Array<{ ID: string }>;
  for (const s of services) await docker.getService(s.ID).remove();
  const deadline = Date.now() + 180_000;
  for (;;) {
    const left = (await docker.listContainers({ all: true, filters: { label: SCOPE } })).length;
    if (left === 0 || Date.now() > deadline) break;
    log(`waiting for ${left} task containers to be removed`);
    await pause(3000);
  }
  // Leaving right after 500 removals can time out inside the engine: try again a few times.
  for (let attempt = 1; ; attempt++) {
    try {
      await docker.swarmLeave({ force: true });
      break;
    } catch (err) {
      if (attempt >= 5 || (await swarmState(docker)) === 'inactive') throw err;
      await pause(5000);
    }
  }
  log('left the swarm');
}

async function runningCount(docker: Docker, serviceId: string): Promise<number> {
  const tasks = (await docker.listTasks({ filters: { service: [serviceId], 'desired-state': ['running'] } })) as TaskAnswer[];
  return tasks.filter((t) => t.Status?.State === 'running').length;
}

/** Creates the service (or scales the one left by an interrupted run) and waits until all N run. */
async function ensureService(docker: Docker, replicas: number, log: (s: string) => void): Promise<{ id: string; convergeMs: number }> {
  const t0 = performance.now();
  const existing = (await docker.listServices({ filters: { name: [SWARM_SERVICE] } })) as Array<{
    ID: string;
    Spec: { Mode?: { Replicated?: { Replicas?: number } } };
  }>;
  let id = existing[0]?.ID ?? '';
  if (id && existing[0]!.Spec.Mode?.Replicated?.Replicas !== replicas) {
    await docker.getService(id).remove();
    id = '';
  }
  if (!id) {
    const made = (await docker.createService({
      Name: SWARM_SERVICE,
      Labels: { [BENCH_LABEL]: '1' },
      TaskTemplate: {
        ContainerSpec: {
          Image: TEST_IMAGE,
          Args: ['sleep', '86400'],
          // The task containers carry the bench labels: the proxy's scope lists exactly them.
          Labels: { [BENCH_LABEL]: '1', [`${BENCH_LABEL}.set`]: SWARM_SET },
          StopGracePeriod: 500_000_000,
        },
      },
      Mode: { Replicated: { Replicas: replicas } },
    })) as { id?: string; ID?: string };
    id = made.id ?? made.ID ?? '';
  }
  let last = -1;
  for (;;) {
    const n = await runningCount(docker, id);
    if (n >= replicas) break;
    if (performance.now() - t0 > 15 * 60_000) throw new Error(`only ${n} of ${replicas} tasks running after 15 min`);
    if (n !== last) log(`${n}/${replicas} tasks running`);
    last = n;
    await pause(3000);
  }
  return { id, convergeMs: performance.now() - t0 };
}

/** The table row whose line starts with `text` is drawn highlighted (reverse video or the selection colour). */
function highlighted(tui: TuiHarness, text: RegExp): () => boolean {
  return () => {
    const lines = tui.screen().split('\n');
    const at = lines.findIndex((l) => text.test(l));
    if (at < 0) return false;
    const cell = tui.cells(at)[2];
    return Boolean(cell && (cell.inverse || !cell.bgDefault));
  };
}

const taskLine = (slot: number) => new RegExp(`^│ ${SWARM_SERVICE}\\.${slot}\\s`);
/** The list's first row: the line under its column header (wherever the header puts the pane). */
const firstRow = (s: string): string => {
  const lines = s.split('\n');
  return lines[lines.findIndex((l) => /^│ TASK\s/.test(l)) + 1] ?? '';
};

interface Idle {
  perMinute: number;
  swarmReads: number;
  cpu: number[];
  /** The window's requests by route ("GET /containers/<id>/stats ×25"). */
  routes: string;
  /** Events streams open on the proxy at the window's end: 1 is dtui's; more is another client. */
  eventStreams: number;
}

async function idleIn(proxy: CountingProxy, tui: TuiHarness, seconds: number): Promise<Idle> {
  await pause(3000);
  const mark = performance.now();
  const cpu = await cpuPercentSlices(() => [tui.pid], seconds, 3);
  const minutes = (performance.now() - mark) / 60_000;
  const started = proxy.since(mark);
  return {
    perMinute: started.length / minutes,
    swarmReads: started.filter((r) => SWARM_PATH.test(r.path)).length,
    cpu,
    routes: byRoute(started),
    eventStreams: proxy.open().filter((r) => r.path.includes('/events')).length,
  };
}

export async function swarmScenario(ctx: BenchContext): Promise<ResultRow[]> {
  const docker = ctx.engine.docker;
  const replicas = Number(process.env.DTUI_BENCH_TASKS) || (ctx.quick ? 100 : 500);
  const idleSeconds = ctx.quick ? 15 : 30;
  const presses = ctx.quick ? 20 : 40;
  const repeats = ctx.quick ? 2 : 3;
  await ensureSet(docker, RUN200, ctx.log);
  try {
    await ensureSwarm(docker);
    ctx.log(`service of ${replicas} tasks`);
    const { convergeMs } = await ensureService(docker, replicas, ctx.log);
    ctx.log(`converged in ${(convergeMs / 1000).toFixed(0)} s`);
    await pause(5000);

    const launchPlain: number[] = [];
    const launchSwarm: number[] = [];
    const toServices: number[] = [];
    const toTasks: number[] = [];
    const enterTasks: number[] = [];
    const servicePs: number[] = [];
    const servicesRow = new RegExp(`│ ${SWARM_SERVICE}\\s+-\\s+replicated\\s+${replicas}/${replicas}\\s`);
    for (let i = 0; i < repeats; i++) {
      const plain = await launchDtui(ctx, RUN_SCOPE, (s) => /Containers \(200\)/.test(s) && /│ bench-run-\S+/.test(s));
      launchPlain.push(plain.tui.lastChunkAt() - plain.t0);
      await quitDtui(plain.tui);
      servicePs.push(await timeCommand(ctx.dockerCli, ['service', 'ps', SWARM_SERVICE], cliEnv(ctx)));
      const { tui, t0 } = await launchDtui(ctx, SCOPE, (s) => new RegExp(`Containers \\(${replicas}\\)`).test(s) && /│ bench-swarm\.\d+\.\S+/.test(s));
      launchSwarm.push(tui.lastChunkAt() - t0);
      try {
        await pause(1000);
        toServices.push(await keyToFrame(tui, '7', (s) => /\[7\] Services \(1\)/.test(s) && servicesRow.test(s), 30_000));
        await pause(500);
        toTasks.push(await keyToFrame(tui, '9', (s) => new RegExp(`Tasks \\(${replicas}\\)`).test(s) && taskLine(1).test(firstRow(s)), 30_000));
        await pause(500);
        await tui.type('7');
        await tui.waitForText(servicesRow);
        await pause(500);
        enterTasks.push(
          await keyToFrame(tui, KEYS.enter!, (s) => /Tasks \(/.test(s) && s.includes(`/${SWARM_SERVICE}.`) && taskLine(1).test(firstRow(s)), 30_000),
        );
      } finally {
        await quitDtui(tui);
      }
    }

    // The baseline: ↓ in the plain list of 200 running containers, in the same minutes.
    const names = (await listedOrder(docker, RUN_SCOPE)).map((r) => r.name);
    const plain = await launchDtui(ctx, RUN_SCOPE, (s) => /Containers \(200\)/.test(s) && selected(names[0]!)(s));
    let plainDown: Keys;
    try {
      await pause(1000);
      plainDown = await press(plain.tui, Array<string>(presses).fill(KEYS.down!), (i) => selected(names[i + 1]!));
    } finally {
      await quitDtui(plain.tui);
    }

    // ↓ through the tasks, then idle in the Tasks pane and in the Services pane.
    const { tui } = await launchDtui(ctx, SCOPE, (s) => /│ bench-swarm\.\d+\.\S+/.test(s));
    let down: Keys;
    let idleTasks: Idle;
    let idleServices: Idle;
    try {
      await tui.type('9');
      await tui.waitForScreen(highlighted(tui, taskLine(1)), { timeout: 30_000 });
      await pause(1000);
      down = await press(tui, Array<string>(presses).fill(KEYS.down!), (i) => highlighted(tui, taskLine(i + 2)));
      ctx.log(`idle in the Tasks pane (${idleSeconds} s)`);
      idleTasks = await idleIn(ctx.proxy, tui, idleSeconds);
      await tui.type('7');
      await tui.waitForText(servicesRow);
      ctx.log(`idle in the Services pane (${idleSeconds} s)`);
      idleServices = await idleIn(ctx.proxy, tui, idleSeconds);
    } finally {
      await quitDtui(tui);
    }

    const scenario = `11 swarm service, ${replicas} tasks`;
    const plainLaunch = summarize(launchPlain);
    // Switching to a swarm pane (or opening a service's tasks), beside `docker service ps`.
    const paneRows = (figure: string, samples: number[]) =>
      row(
        {
          scenario,
          figure,
          unit: 'ms',
          value: summarize(samples),
          stat: 'median',
          baseline: { name: 'docker service ps', value: summarize(servicePs) },
          target: '≤ launch of the plain 200',
        },
        (v) => v <= plainLaunch.median,
      );
    // Neither pane shows CPU/MEM: stats reads here count against the target too.
    const idleNote = (w: Idle) => `${w.swarmReads} swarm reads (services/tasks/nodes); open events streams: ${w.eventStreams}; started: ${w.routes}`;
    return [
      row(
        {
          scenario,
          figure: 'tasks converged (engine, not dtui)',
          unit: 's',
          value: summarize([convergeMs / 1000]),
          stat: 'median',
          target: 'reference',
        },
        () => true,
      ),
      row(
        {
          scenario,
          figure: `launch → rows on screen (${replicas} task containers)`,
          unit: 'ms',
          value: summarize(launchSwarm),
          stat: 'median',
          baseline: { name: '200 plain containers', value: plainLaunch },
          target: 'reference (more rows)',
        },
        () => true,
      ),
      paneRows('7 → Services pane rows', toServices),
      paneRows('9 → Tasks pane rows', toTasks),
      paneRows('Enter on the service → its tasks', enterTasks),
      row(
        {
          scenario,
          figure: '↓ → highlight moved, Tasks pane',
          unit: 'ms',
          value: summarize(down.ms),
          stat: 'p95',
          baseline: { name: 'plain list of 200, p95', value: summarize([summarize(plainDown.ms).p95]) },
          target: 'p95 ≤ 16 ms',
        },
        (v) => v <= 16,
      ),
      row(
        {
          scenario,
          figure: '↓ → highlight moved, plain list of 200 (baseline)',
          unit: 'ms',
          value: summarize(plainDown.ms),
          stat: 'p95',
          target: 'p95 ≤ 16 ms',
        },
        (v) => v <= 16,
      ),
      row(
        {
          scenario,
          figure: 'dtui CPU per ↓, Tasks pane',
          unit: 'ms',
          value: summarize([down.cpuMs]),
          stat: 'median',
          baseline: { name: 'plain list (frame + log opened)', value: summarize([plainDown.cpuMs]) },
          target: 'reference (≤ the plain list: no log to open)',
        },
        () => true,
      ),
      row(
        {
          scenario,
          figure: 'requests/min while idle, Tasks pane',
          unit: '/min',
          value: summarize([idleTasks.perMinute]),
          stat: 'median',
          target: 'none beyond events',
          note: idleNote(idleTasks),
        },
        (v) => v === 0 && idleTasks.eventStreams === 1,
      ),
      row(
        {
          scenario,
          figure: 'requests/min while idle, Services pane',
          unit: '/min',
          value: summarize([idleServices.perMinute]),
          stat: 'median',
          target: 'none beyond events',
          note: idleNote(idleServices),
        },
        (v) => v === 0 && idleServices.eventStreams === 1,
      ),
      row({ scenario, figure: 'dtui CPU while idle, Tasks pane', unit: '%', value: summarize(idleTasks.cpu), stat: 'median', target: 'reference' }, () => true),
      row(
        { scenario, figure: 'dtui CPU while idle, Services pane', unit: '%', value: summarize(idleServices.cpu), stat: 'median', target: 'reference' },
        () => true,
      ),
    ];
  } finally {
    // A failed clean-up (the engine busy stopping 500 tasks) must not lose the figures:
    // it is logged, and `--clean` finishes it.
    await removeBenchSwarm(docker, ctx.log).catch((err: unknown) => ctx.log(`swarm clean-up failed (run --clean): ${String(err)}`));
  }
}
