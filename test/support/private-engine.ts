// A second dockerd owned by one test file, for tests that kill and restart the engine.
// Never used to kill the shared engine: it lives in its own temp dir with its own socket.
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { basename, join } from 'node:path';
import { isRunning, startEngine, stopEngine, type EngineInfo } from './dockerd.js';
import { dockerFor } from './engine.js';
import { ensureTestImage } from './test-image.js';
import { waitFor } from './wait.js';

export interface PrivateEngine {
  info: EngineInfo;
  host: string;
  /** SIGKILLs dockerd (and its containerd): the engine vanishes mid-stream. */
  kill(): Promise<void>;
  /** Starts dockerd again on the same socket and data dir. */
  restart(): Promise<void>;
  dispose(): Promise<void>;
}

export async function startPrivateEngine(): Promise<PrivateEngine> {
  // Short prefix: containerd's sockets live below it and sun_path is 108 bytes.
  const dir = mkdtempSync('/tmp/dp-');
  let info = await startEngine(dir);
  await ensureTestImage(dockerFor(info.dockerHost, undefined, 60_000), dir);
  return {
    get info() {
      return info;
    },
    host: info.dockerHost,
    async kill() {
      // dockerd's own containerd outlives a SIGKILLed dockerd and would block the restart
      // (its socket stays, unanswered): kill it too. The container shims live on.
      const containerdPidFile = join(dir, 'exec/containerd/containerd.pid');
      const containerd = existsSync(containerdPidFile) ? Number(readFileSync(containerdPidFile, 'utf8')) : NaN;
      for (const pid of [info.pid, containerd]) {
        if (!Number.isInteger(pid) || !isRunning(pid)) continue;
        process.kill(pid, 'SIGKILL');
        await waitFor(() => !isRunning(pid), { timeout: 10_000, message: `pid ${pid} to die` });
      }
      // An orphaned zombie still answers kill(pid, 0) until init reaps it, and dockerd
      // would wait on it as a "still running" containerd: forget it.
      rmSync(containerdPidFile, { force: true });
    },
    async restart() {
      info = await startEngine(dir);
    },
    async dispose() {
      await stopEngine(dir).catch(() => undefined);
      killShims(basename(dir));
      unmountBelow(dir);
      try {
        rmSync(dir, { recursive: true, force: true });
      } catch {
        // A mount left by a killed engine: harmless in /tmp.
      }
    },
  };
}

/** Container shims of this engine's containerd namespace that a killed engine left behind. */
export function killShims(dirName: string): void {
  const namespace = `dtui-${dirName.replace(/[^A-Za-z0-9]+/g, '-')}`;
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const cmd = readFileSync(`/proc/${entry}/cmdline`, 'utf8').split('\0');
      if (cmd[0]?.includes('containerd-shim') && cmd.includes(namespace)) process.kill(Number(entry), 'SIGKILL');
    } catch {
      // Gone meanwhile.
    }
  }
}

/** dockerd bind-mounts its data root onto itself; a SIGKILLed one leaves that behind. */
export function unmountBelow(dir: string): void {
  const mounts = readFileSync('/proc/mounts', 'utf8')
    .split('\n')
    .map((l) => l.split(' ')[1] ?? '');
  for (const point of mounts.filter((m) => m.startsWith(`${dir}/`)).reverse()) {
    try {
      execFileSync('umount', ['-l', point]);
    } catch {
      // Already gone.
    }
  }
}
