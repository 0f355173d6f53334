// The engine the benchmark runs against and the containers each scenario needs. Every
// container carries bench=1 and bench.set=<set>; sets are reused across runs when
// present (creating 2000 containers takes a while) and removed by `--clean`.
import { dirname } from 'node:path';
import type Docker from 'dockerode';
import { startEngine, stopEngine } from '../test/support/dockerd.js';
import { dockerFor, waitFor } from '../test/support/engine.js';
import { TEST_IMAGE, ensureTestImage } from '../test/support/test-image.js';

// DTUI_BENCH_DIR: another dir for a second bench engine (e.g. two sessions on one machine).
export const BENCH_ENGINE_DIR = process.env.DTUI_BENCH_DIR || '/tmp/dtui-bench';
export const BENCH_LABEL = 'bench';

export interface BenchEngine {
  docker: Docker;
  socketPath: string;
  /** What engine processes' command lines contain, to find them in /proc. */
  marker: string;
  /** True when this run started it (it stays running for the next run; --clean stops it). */
  started: boolean;
}

export async function acquireEngine(): Promise<BenchEngine> {
  const preset = process.env.DTUI_BENCH_DOCKER_HOST;
  let socketPath: string;
  let marker: string;
  let started = false;
  if (preset) {
    const url = new URL(preset);
    if (url.protocol !== 'unix:') throw new Error('DTUI_BENCH_DOCKER_HOST must be unix:///path (the counting proxy is a unix socket)');
    socketPath = url.pathname;
    marker = `${dirname(socketPath)}/`;
  } else {
    // detached: the engine outlives this run, so fixtures and image are reused next time.
    // A reused engine restores its ~2,400 bench containers before it answers (stale network
    // sandboxes are removed at ~3 a second): minutes, not the tests' 30 s.
    const info = await startEngine(BENCH_ENGINE_DIR, { detached: true, timeoutMs: 900_000 });
    socketPath = info.socketPath;
    marker = `${info.dir}/`;
    started = true;
  }
  const docker = dockerFor(`unix://${socketPath}`, undefined, 120_000);
  await ensureTestImage(docker);
  return { docker, socketPath, marker, started };
}

export async function stopBenchEngine(): Promise<void> {
  await stopEngine(BENCH_ENGINE_DIR);
}

export interface SetSpec {
  set: string;
  count: number;
  /** Name of container i. */
  name: (i: number) => string;
  cmd: string[];
  /** 'always': keep running (restart after an engine restart); 'once': run when created (one-shot). */
  start: 'always' | 'once' | false;
  /** Extra labels of container i. */
  labels?: (i: number) => Record<string, string>;
  logMaxSize?: string;
}

async function listSet(docker: Docker, set: string): Promise<Docker.ContainerInfo[]> {
  return docker.listContainers({ all: true, filters: { label: [`${BENCH_LABEL}.set=${set}`] } });
}

async function inBatches<T>(items: readonly T[], size: number, fn: (item: T) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < items.length; i += size) await Promise.all(items.slice(i, i + size).map(fn));
}

/** Creates (and starts) whatever of the set is missing; returns name → id for the whole set. */
export async function ensureSet(docker: Docker, spec: SetSpec, log: (s: string) => void): Promise<Map<string, string>> {
  const present = await listSet(docker, spec.set);
  const byName = new Map(present.map((c) => [(c.Names[0] ?? '').replace(/^\//, ''), c]));
  const missing = Array.from({ length: spec.count }, (_, i) => i).filter((i) => !byName.has(spec.name(i)));
  if (missing.length) log(`creating ${missing.length} containers for ${spec.set}`);
  const created: string[] = [];
  await inBatches(missing, 50, async (i) => {
    const c = await docker.createContainer({
      name: spec.name(i),
      Image: TEST_IMAGE,
      Cmd: spec.cmd,
      Labels: { [BENCH_LABEL]: '1', [`${BENCH_LABEL}.set`]: spec.set, ...spec.labels?.(i) },
      HostConfig: {
        NetworkMode: 'none',
        LogConfig: { Type: 'json-file', Config: spec.logMaxSize ? { 'max-size': spec.logMaxSize, 'max-file': '2' } : {} },
      },
    });
    created.push(c.id);
  });
  const all = await listSet(docker, spec.set);
  const toStart = spec.start === 'always' ? all.filter((c) => c.State !== 'running').map((c) => c.Id) : spec.start === 'once' ? created : [];
  if (toStart.length) log(`starting ${toStart.length} containers of ${spec.set}`);
  await inBatches(toStart, 10, (id) => docker.getContainer(id).start());
  return new Map(all.map((c) => [(c.Names[0] ?? '').replace(/^\//, ''), c.Id]));
}

/** Removes one set (e.g. the flood container, which is never reused). */
export async function removeSet(docker: Docker, set: string): Promise<void> {
  const list = await listSet(docker, set);
  await inBatches(list, 50, (c) => docker.getContainer(c.Id).remove({ force: true }));
}

/** Removes every bench=1 container. */
export async function removeAllFixtures(docker: Docker): Promise<number> {
  const list = await docker.listContainers({ all: true, filters: { label: [`${BENCH_LABEL}=1`] } });
  // Swarm task containers may go on their own meanwhile (404).
  await inBatches(list, 50, (c) =>
    docker
      .getContainer(c.Id)
      .remove({ force: true })
      .catch((err: { statusCode?: number }) => {
        if (err.statusCode !== 404) throw err;
      }),
  );
  return list.length;
}

export async function waitExited(docker: Docker, id: string, timeoutMs: number): Promise<void> {
  await waitFor(async () => (await docker.getContainer(id).inspect()).State.Status === 'exited', {
    timeout: timeoutMs,
    interval: 200,
    message: `container ${id.slice(0, 12)} to exit`,
  });
}

export const RUN200: SetSpec = {
  set: 'run200',
  count: 200,
  name: (i) => `bench-run-${String(i).padStart(3, '0')}`,
  cmd: ['sleep', '86400'],
  start: 'always',
};

export const NEW2000: SetSpec = {
  set: 'new2000',
  count: 2000,
  name: (i) => `bench-new-${String(i).padStart(4, '0')}`,
  cmd: ['true'],
  start: false,
  // The first 1000 form the 1000-container list of the ↓ scenario.
  labels: (i) => ({ [`${BENCH_LABEL}.k1000`]: i < 1000 ? '1' : '0' }),
};

/** A container with 1M log lines (exited), and a small neighbour listed above it. */
export const LOG1M: SetSpec = {
  set: 'log1m',
  count: 1,
  name: () => 'bench-log1m',
  cmd: ['seq', '1', '1000000'],
  start: 'once',
};
export const LOG1M_NEIGHBOUR: SetSpec = {
  set: 'log1m',
  count: 1,
  name: () => 'bench-a-neighbour',
  cmd: ['echo', 'neighbour'],
  start: 'once',
};

const PROJECT_SERVICES = ['api', 'cache', 'db', 'mail', 'queue', 'search', 'web', 'worker'];
const PER_SERVICE = 25;

/**
 * 200 running containers labelled by hand as one Compose project ("benchshop") of 8
 * services × 25 replicas, the labels docker compose sets (project, service, number,
 * oneoff, working dir, config files): the Projects pane and the grouped list at scale.
 */
export const PROJ200: SetSpec = {
  set: 'proj200',
  count: PROJECT_SERVICES.length * PER_SERVICE,
  name: (i) => `benchshop-${PROJECT_SERVICES[Math.floor(i / PER_SERVICE)]}-${(i % PER_SERVICE) + 1}`,
  cmd: ['sleep', '86400'],
  start: 'always',
  labels: (i) => ({
    'com.docker.compose.project': 'benchshop',
    'com.docker.compose.service': PROJECT_SERVICES[Math.floor(i / PER_SERVICE)]!,
    'com.docker.compose.container-number': String((i % PER_SERVICE) + 1),
    'com.docker.compose.oneoff': 'False',
    'com.docker.compose.project.working_dir': '/srv/benchshop',
    'com.docker.compose.project.config_files': '/srv/benchshop/compose.yaml',
  }),
};
export const PROJ200_SERVICES = PROJECT_SERVICES;

/** Prints as fast as it can; fresh every run (its log only grows). */
export const FLOOD: SetSpec = {
  set: 'flood',
  count: 1,
  name: () => 'bench-flood',
  cmd: ['yes', 'bench flood line'],
  start: 'always',
  logMaxSize: '200m',
};
