// A private Podman engine for tests: `podman system service` on a unix socket in a temp dir,
// speaking Podman's Docker-compatible API, with every piece of state (storage, run root,
// network configs, events log, volumes, registries.conf) inside that dir, so it never touches
// the machine's default Podman storage. test/podman-setup.ts starts one per vitest run.
import { execFile, spawn } from 'node:child_process';
import { closeSync, mkdirSync, openSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { dockerFor } from './engine.js';
import { TEST_IMAGE, buildRootfsTar } from './test-image.js';
import { waitFor } from './wait.js';
import { isRunning } from './dockerd.js';

const execFileAsync = promisify(execFile);
/** Env var carrying the Podman socket (unix:///…) to the workers; a human may preset it. */
export const PODMAN_ENV = 'DTUI_TEST_PODMAN_HOST';

/** True inside the `podman` vitest project (test/support/use-podman.ts). */
export function onPodman(): boolean {
  return process.env.DTUI_TEST_ENGINE === 'podman';
}

export const PODMAN_FIX_HINT = 'apt-get install -y podman, run as root, or set DTUI_TEST_PODMAN_HOST=unix:///path';

export interface PodmanEngine {
  dir: string;
  /** unix://<dir>/podman.sock */
  host: string;
  pid: number;
  logPath: string;
}

/** Environment pointing podman at the config files written into `dir`. */
export function podmanEnv(dir: string): NodeJS.ProcessEnv {
  return {
    ...process.env,
    CONTAINERS_CONF: join(dir, 'containers.conf'),
    CONTAINERS_STORAGE_CONF: join(dir, 'storage.conf'),
    CONTAINERS_REGISTRIES_CONF: join(dir, 'registries.conf'),
  };
}

/** Global flags repeated on every podman command (the service and the CLI calls on its storage). */
function rootFlags(dir: string): string[] {
  return ['--root', join(dir, 'root'), '--runroot', join(dir, 'run')];
}

function writeConfigs(dir: string): void {
  for (const sub of ['root', 'run', 'tmp', 'networks', 'volumes']) mkdirSync(join(dir, sub), { recursive: true });
  // Measured here: without explicit ulimits the OCI runtime fails to start any container
  // (the sandbox's hard limits are below Podman's defaults).
  writeFileSync(
    join(dir, 'containers.conf'),
    [
      '[containers]',
      'default_ulimits = ["nofile=10000:10000", "nproc=1000:1000"]',
      '[engine]',
      'cgroup_manager = "cgroupfs"',
      'events_logger = "file"',
      `events_logfile_path = "${join(dir, 'events.log')}"`,
      `tmp_dir = "${join(dir, 'tmp')}"`,
      `volume_path = "${join(dir, 'volumes')}"`,
      '[network]',
      `network_config_dir = "${join(dir, 'networks')}"`,
      '',
    ].join('\n'),
  );
  // vfs: no overlay mounts left behind if the run is killed; the test image is 2 MB.
  writeFileSync(
    join(dir, 'storage.conf'),
    ['[storage]', 'driver = "vfs"', `runroot = "${join(dir, 'run')}"`, `graphroot = "${join(dir, 'root')}"`, ''].join('\n'),
  );
  // Podman (containers/image), unlike dockerd, does not treat loopback registries as
  // insecure. A prefix without a port matches every port of 127.0.0.1 (containers/image
  // refMatchesPrefix), which the tests' registries (random ports) need.
  writeFileSync(
    join(dir, 'registries.conf'),
    ['unqualified-search-registries = []', '[[registry]]', 'location = "127.0.0.1"', 'insecure = true', ''].join('\n'),
  );
}

async function podman(dir: string, args: string[]): Promise<string> {
  const { stdout } = await execFileAsync('podman', [...rootFlags(dir), ...args], { env: podmanEnv(dir), maxBuffer: 16 * 1024 * 1024 });
  return stdout;
}

function logTail(logPath: string): string {
  try {
    return readFileSync(logPath, 'utf8').trimEnd().split('\n').slice(-20).join('\n');
  } catch {
    return '(no podman log)';
  }
}

/** Starts the service (detached from vitest's process group) and imports TEST_IMAGE. */
export async function startPodman(dir: string): Promise<PodmanEngine> {
  writeConfigs(dir);
  const socket = join(dir, 'podman.sock');
  const host = `unix://${socket}`;
  const logPath = join(dir, 'podman.log');
  const fd = openSync(logPath, 'w');
  const child = spawn('podman', [...rootFlags(dir), 'system', 'service', '--time=0', host], {
    env: podmanEnv(dir),
    stdio: ['ignore', fd, fd],
    // Own process group: a Ctrl-C on vitest must not kill it before teardown removes containers.
    detached: true,
    cwd: dir,
  });
  closeSync(fd);
  const failed = new Promise<never>((_, reject) => {
    child.once('error', (e) => reject(new Error(`cannot run podman: ${e.message}; ${PODMAN_FIX_HINT}`)));
    child.once('exit', (code) => reject(new Error(`podman system service exited (${code}):\n${logTail(logPath)}`)));
  });
  failed.catch(() => undefined);
  child.unref();
  const engine: PodmanEngine = { dir, host, pid: child.pid ?? 0, logPath };
  try {
    await Promise.race([
      failed,
      waitFor(
        async () => {
          try {
            await dockerFor(host, undefined, 1000).ping();
            return true;
          } catch {
            return false;
          }
        },
        { timeout: 30_000, message: `podman socket ${socket} to answer /_ping` },
      ),
    ]);
    await importTestImage(dir);
  } catch (error) {
    await stopPodman(engine);
    throw error;
  }
  child.removeAllListeners('exit');
  return engine;
}

/** `podman import` of the same busybox rootfs the Docker engine gets (test-image.ts). */
async function importTestImage(dir: string): Promise<void> {
  const scratch = join(dir, 'img');
  mkdirSync(scratch, { recursive: true });
  try {
    const tar = buildRootfsTar(scratch);
    await podman(dir, ['import', '--change', 'CMD ["sh"]', tar, TEST_IMAGE]);
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

function processesUnder(dir: string): number[] {
  const mark = `${dir.replace(/\/+$/, '')}/`;
  return readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .map(Number)
    .filter((pid) => {
      try {
        return pid !== process.pid && isRunning(pid) && readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(mark);
      } catch {
        return false;
      }
    });
}

/** Removes every container (their conmon processes outlive the service), then stops the service. */
export async function stopPodman(engine: PodmanEngine): Promise<void> {
  await podman(engine.dir, ['rm', '--all', '--force', '--time', '0']).catch(() => undefined);
  await podman(engine.dir, ['network', 'prune', '--force']).catch(() => undefined);
  // A detached exec's conmon waits (--exit-delay 300) after its container is gone: end
  // every process whose command line names this engine's dir, so a run leaves nothing behind.
  for (const pid of processesUnder(engine.dir)) {
    if (pid !== engine.pid) process.kill(pid, 'SIGTERM');
  }
  if (engine.pid && isRunning(engine.pid)) {
    process.kill(engine.pid, 'SIGTERM');
    try {
      await waitFor(() => !isRunning(engine.pid), { timeout: 10_000, message: 'podman service to exit' });
    } catch {
      if (isRunning(engine.pid)) process.kill(engine.pid, 'SIGKILL');
    }
  }
  // The conmons ended above may still be writing under the dir (a container's clean-up runs
  // as they exit); wait for them so the caller's removal of the dir finds it settled.
  try {
    await waitFor(() => processesUnder(engine.dir).length === 0, { timeout: 10_000, message: "the Podman engine's processes to exit" });
  } catch {
    for (const pid of processesUnder(engine.dir)) {
      try {
        process.kill(pid, 'SIGKILL');
      } catch {
        // gone in between
      }
    }
  }
}
