// A private Docker registry for tests: Debian's docker-registry binary on 127.0.0.1 and
// a free port, storage and config in a temp dir, optionally with htpasswd basic auth.
// dockerd treats 127.0.0.0/8 as an insecure registry, so plain HTTP works for pushes.
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { waitFor } from './wait.js';

const execFileAsync = promisify(execFile);
export const REGISTRY_BINARY = '/usr/bin/docker-registry';

export interface TestRegistry {
  /** "127.0.0.1:PORT", the host part of references pushed to it. */
  host: string;
  url: string;
  credentials?: { username: string; password: string };
  stop(): Promise<void>;
}

export interface StartRegistryOptions {
  /** Require these credentials (htpasswd, bcrypt). */
  auth?: { username: string; password: string };
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

async function htpasswdLine(username: string, password: string): Promise<string> {
  try {
    const { stdout } = await execFileAsync('htpasswd', ['-Bbn', username, password]);
    return stdout.trim();
  } catch (error) {
    throw new Error(`htpasswd failed (install apache2-utils): ${(error as Error).message}`, { cause: error });
  }
}

export async function startRegistry(opts: StartRegistryOptions = {}): Promise<TestRegistry> {
  const dir = mkdtempSync(join(tmpdir(), 'dtui-registry-'));
  const port = await freePort();
  const host = `127.0.0.1:${port}`;
  const lines = [
    'version: 0.1',
    'log:',
    '  level: error',
    'storage:',
    '  filesystem:',
    `    rootdirectory: ${join(dir, 'data')}`,
    '  delete:',
    '    enabled: true',
    'http:',
    `  addr: ${host}`,
  ];
  if (opts.auth) {
    writeFileSync(join(dir, 'htpasswd'), `${await htpasswdLine(opts.auth.username, opts.auth.password)}\n`);
    lines.push('auth:', '  htpasswd:', '    realm: dtui-test', `    path: ${join(dir, 'htpasswd')}`);
  }
  writeFileSync(join(dir, 'config.yml'), `${lines.join('\n')}\n`);
  let output = '';
  const child: ChildProcess = spawn(REGISTRY_BINARY, ['serve', join(dir, 'config.yml')], { stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout?.on('data', (d: Buffer) => {
    output = (output + d.toString()).slice(-4000);
  });
  child.stderr?.on('data', (d: Buffer) => {
    output = (output + d.toString()).slice(-4000);
  });
  let exited = false;
  const gone = new Promise<void>((resolve) =>
    child.once('exit', () => {
      exited = true;
      resolve();
    }),
  );
  const stop = async () => {
    if (!exited) {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
      await gone;
      clearTimeout(timer);
    }
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    await waitFor(
      async () => {
        if (exited) throw new Error(`docker-registry exited: ${output}`);
        const res = await fetch(`http://${host}/v2/`);
        await res.body?.cancel();
        return res.status === 200 || res.status === 401;
      },
      { timeout: 15_000, message: () => `docker-registry on ${host} to answer /v2/ (${output})` },
    );
  } catch (error) {
    await stop();
    throw error;
  }
  return { host, url: `http://${host}`, credentials: opts.auth, stop };
}
