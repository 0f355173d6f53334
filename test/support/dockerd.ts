// Lifecycle of a private dockerd for tests and benchmarks. This is the single
// implementation: test/global-setup.ts calls it in-process and scripts/test-engine.sh
// calls it through test/support/engine-cli.ts.
import { spawn } from 'node:child_process';
import { accessSync, closeSync, constants, existsSync, mkdirSync, openSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { basename, delimiter, join, resolve } from 'node:path';
import { dockerFor } from './engine.js';
import { ensureTlsFiles } from './tls-certs.js';
import { waitFor } from './wait.js';

export const FIX_HINT = 'apt-get install -y docker.io busybox-static, run as root, or set DTUI_TEST_DOCKER_HOST=unix:///path';

export interface EngineInfo {
  dir: string;
  socketPath: string;
  /** unix://<dir>/docker.sock (plain, no TLS). */
  dockerHost: string;
  /** tcp://127.0.0.1:PORT, mutual TLS only. */
  tlsHost: string;
  /** Client certs (ca.pem, cert.pem, key.pem). */
  certDir: string;
  pid: number;
  logPath: string;
}

const SBIN_PATHS = ['/usr/local/sbin', '/usr/local/bin', '/usr/sbin', '/usr/bin', '/sbin', '/bin'];
// sun_path is 108 bytes; containerd puts its ttrpc socket deepest below the exec root.
const DEEPEST_SOCKET = 'exec/containerd/containerd.sock.ttrpc';

function findExecutable(name: string): string | undefined {
  const dirs = [...(process.env.PATH ?? '').split(delimiter), ...SBIN_PATHS].filter(Boolean);
  for (const dir of dirs) {
    try {
      accessSync(join(dir, name), constants.X_OK);
      return join(dir, name);
    } catch {
      // keep looking
    }
  }
  return undefined;
}

/** True while `pid` exists and is not a zombie (a reaped-later zombie still answers kill 0). */
export function isRunning(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const state = stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3);
    return state !== 'Z' && state !== 'X';
  } catch {
    return false;
  }
}

// Guards against pid reuse: only signal processes whose command line mentions our dir.
function isOurs(pid: number, dir: string): boolean {
  try {
    const cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
    return isRunning(pid) && cmdline.includes(`${dir.replace(/\/+$/, '')}/`);
  } catch {
    return false;
  }
}

function logTail(logPath: string, lines = 25): string {
  try {
    return readFileSync(logPath, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
  } catch {
    return '(no dockerd log)';
  }
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

async function answers(host: string, certDir?: string): Promise<boolean> {
  try {
    await dockerFor(host, certDir, 2000).ping();
    return true;
  } catch {
    return false;
  }
}

/** SIGTERM, wait up to `graceMs` for exit, then SIGKILL and wait again. */
export async function terminate(pid: number, graceMs: number): Promise<void> {
  if (!isRunning(pid)) return;
  process.kill(pid, 'SIGTERM');
  try {
    await waitFor(() => !isRunning(pid), { timeout: graceMs, interval: 50, message: `pid ${pid} to exit after SIGTERM` });
  } catch {
    if (isRunning(pid)) process.kill(pid, 'SIGKILL');
    await waitFor(() => !isRunning(pid), { timeout: 10_000, message: `pid ${pid} to exit after SIGKILL` });
  }
}

export function readEngineInfo(dir: string): EngineInfo | undefined {
  try {
    return JSON.parse(readFileSync(join(dir, 'engine.json'), 'utf8')) as EngineInfo;
  } catch {
    return undefined;
  }
}

/** Throws the fix-it message unless we can run a private dockerd here. */
export function assertCanStartDockerd(): string {
  const dockerd = findExecutable('dockerd');
  if (!dockerd) throw new Error(`dockerd not found. To run the Docker tests: ${FIX_HINT}`);
  if (process.getuid?.() !== 0) throw new Error(`a private dockerd needs root. To run the Docker tests: ${FIX_HINT}`);
  return dockerd;
}

/**
 * Starts dockerd with data, exec root, sockets, certs and log all inside `dir`, listening
 * on unix://<dir>/docker.sock and on a mutual-TLS tcp port on 127.0.0.1. Reuses an engine
 * already running for `dir`. `detached` lets it outlive this process (the CLI case).
 */
export interface StartEngineOptions {
  detached?: boolean;
  timeoutMs?: number;
  /** More dockerd flags, e.g. ['--registry-mirror', 'https://mirror.example.test']. */
  extraArgs?: readonly string[];
}

export async function startEngine(dirArg: string, { detached = false, timeoutMs = 30_000, extraArgs = [] }: StartEngineOptions = {}): Promise<EngineInfo> {
  const dir = resolve(dirArg);
  const dockerd = assertCanStartDockerd();
  const existing = readEngineInfo(dir);
  if (existing && isOurs(existing.pid, dir) && (await answers(existing.dockerHost))) return existing;

  if (Buffer.byteLength(join(dir, DEEPEST_SOCKET)) > 107) {
    throw new Error(`engine dir ${dir} is too long for unix socket paths; use a short dir such as /tmp/dtui-x`);
  }
  mkdirSync(dir, { recursive: true });
  const tls = ensureTlsFiles(dir);
  const port = await freePort();
  const socketPath = join(dir, 'docker.sock');
  const logPath = join(dir, 'dockerd.log');
  // An explicit empty config keeps a system /etc/docker/daemon.json (e.g. one that sets
  // "hosts") from clashing with our flags.
  const configPath = join(dir, 'daemon.json');
  if (!existsSync(configPath)) writeFileSync(configPath, '{}\n');

  const namespace = `dtui-${basename(dir)
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')}`;
  const args = [
    '--config-file',
    configPath,
    '--host',
    `unix://${socketPath}`,
    '--host',
    `tcp://127.0.0.1:${port}`,
    // TLS flags only affect tcp hosts; the unix socket stays plain.
    '--tlsverify',
    '--tlscacert',
    tls.serverCa,
    '--tlscert',
    tls.serverCert,
    '--tlskey',
    tls.serverKey,
    '--data-root',
    join(dir, 'data'),
    '--exec-root',
    join(dir, 'exec'),
    '--pidfile',
    join(dir, 'docker.pid'),
    // No bridge/iptables: we must not touch the host's network config (or a system dockerd's).
    '--iptables=false',
    '--ip6tables=false',
    '--bridge=none',
    // If a system containerd is running, dockerd 20.10 uses it instead of starting its own;
    // a namespace of our own keeps our containers apart from the system dockerd's ("moby").
    '--containerd-namespace',
    namespace,
    '--containerd-plugins-namespace',
    `${namespace}-plugins`,
    // Bounds dockerd's SIGTERM handling when a test leaves an `sh` (ignores SIGTERM) running.
    '--shutdown-timeout=2',
    ...extraArgs,
  ];
  // DOCKER_* vars (e.g. DOCKER_TLS_VERIFY, DOCKER_CERT_PATH) change dockerd's flag defaults.
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('DOCKER_')));
  env.PATH = [env.PATH, ...SBIN_PATHS].filter(Boolean).join(delimiter);

  const log = openSync(logPath, 'a');
  const child = spawn(dockerd, args, { stdio: ['ignore', log, log], env, detached });
  closeSync(log);
  let exit: string | undefined;
  child.once('exit', (code, signal) => (exit = `dockerd exited (code ${code}, signal ${signal})`));
  child.once('error', (error) => (exit = `dockerd failed to spawn: ${error.message}`));
  if (detached) child.unref();

  const info: EngineInfo = {
    dir,
    socketPath,
    logPath,
    dockerHost: `unix://${socketPath}`,
    tlsHost: `tcp://127.0.0.1:${port}`,
    certDir: tls.clientDir,
    pid: child.pid ?? -1,
  };
  try {
    // `exit !== undefined` ends the wait early so a crashing dockerd fails fast.
    await waitFor(async () => exit !== undefined || (await answers(info.dockerHost)), {
      timeout: timeoutMs,
      interval: 100,
      message: `dockerd to answer /_ping on ${info.dockerHost}`,
    });
    if (exit) throw new Error(exit);
    await waitFor(() => answers(info.tlsHost, info.certDir), {
      timeout: 10_000,
      interval: 100,
      message: `dockerd to answer /_ping over TLS on ${info.tlsHost}`,
    });
  } catch (error) {
    if (child.pid) await terminate(child.pid, 10_000).catch(() => undefined);
    throw new Error(`${(error as Error).message}\n--- tail of ${logPath} ---\n${logTail(logPath)}`, { cause: error });
  }
  writeFileSync(join(dir, 'engine.json'), JSON.stringify(info, null, 2) + '\n');
  return info;
}

/**
 * Stops the engine started for `dir`: kills running containers (so shutdown does not wait
 * on them), SIGTERMs dockerd, escalates to SIGKILL, and reaps an orphaned containerd.
 */
export async function stopEngine(dirArg: string): Promise<void> {
  const dir = resolve(dirArg);
  const info = readEngineInfo(dir);
  const pidFile = join(dir, 'docker.pid');
  const pid = info?.pid ?? (existsSync(pidFile) ? Number(readFileSync(pidFile, 'utf8')) : NaN);
  if (Number.isInteger(pid) && isOurs(pid, dir)) {
    const docker = dockerFor(`unix://${join(dir, 'docker.sock')}`, undefined, 5000);
    try {
      const running = await docker.listContainers();
      await Promise.allSettled(running.map((c) => docker.getContainer(c.Id).kill()));
    } catch {
      // Engine already unresponsive: fall through to signals.
    }
    await terminate(pid, 20_000);
  }
  // dockerd normally stops its own containerd; after a SIGKILL it cannot.
  const containerdPidFile = join(dir, 'exec/containerd/containerd.pid');
  const containerdPid = existsSync(containerdPidFile) ? Number(readFileSync(containerdPidFile, 'utf8')) : NaN;
  if (Number.isInteger(containerdPid) && isOurs(containerdPid, dir)) await terminate(containerdPid, 10_000);
}
