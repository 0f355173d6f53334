// Reaching the engine: over a unix socket (every other file), plain tcp (through a tiny
// tcp→unix proxy), mutual TLS by flags or by DOCKER_* variables; and failing clearly —
// one line naming the host, the cause and a hint, exit 1, terminal untouched.
import { mkdtempSync, rmSync } from 'node:fs';
import { createConnection, createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENV, runTestContainer, testDocker } from '../support/engine.js';
import { filterTo, launchDtui } from '../support/dtui.js';
import { spawnTui } from '../support/pty-harness.js';
import { ensureTlsFiles } from '../support/tls-certs.js';
import { SLEEPER, group, removeQuietly, waitSelected, waitState } from '../support/core-e2e.js';

const docker = testDocker();
const created: string[] = [];
const tlsHost = process.env[ENV.tlsHost] ?? '';
const certs = process.env[ENV.tlsCerts] ?? '';
let scratch = '';
beforeAll(() => {
  scratch = mkdtempSync(join(tmpdir(), 'dtui-conn-'));
});
afterAll(async () => {
  await removeQuietly(docker, created);
  rmSync(scratch, { recursive: true, force: true });
});

/** Runs dtui to completion (it is expected to exit by itself); returns exit code and output. */
async function runToExit(args: string[], env: Record<string, string | undefined> = {}, command?: string[]) {
  const tui = spawnTui({
    ...(command ? { command: command[0], args: [...command.slice(1), 'bin/dtui', ...args] } : { args: ['bin/dtui', ...args] }),
    env: { DOCKER_HOST: undefined, DOCKER_TLS_VERIFY: undefined, DOCKER_CERT_PATH: undefined, ...env },
    waitForRawMode: false,
  });
  const exit = await tui.exited;
  return {
    code: exit.exitCode,
    raw: tui.raw(),
    lines: tui
      .raw()
      .split(/\r?\n/)
      .filter((l) => l.trim() !== ''),
  };
}

/** One clear line, exit 1, no stack trace, no alternate screen or cursor games. */
function expectCleanFailure(r: { code: number; raw: string; lines: string[] }, pattern: RegExp): void {
  expect(r.code).toBe(1);
  expect(r.lines).toHaveLength(1);
  expect(r.lines[0]).toMatch(pattern);
  expect(r.raw).not.toMatch(/\n\s+at |Error:/);
  expect(r.raw).not.toContain('\x1b[?1049h');
  expect(r.raw).not.toContain('\x1b[?25l');
}

/** A working session on `args`: the header names `where`, and s stops a container. */
async function proveWorks(args: string[], where: string, env: Record<string, string | undefined> = {}): Promise<void> {
  const g = group();
  const id = await runTestContainer(docker, { name: `${g}-c`, cmd: SLEEPER });
  created.push(id);
  const tui = await launchDtui({ args, env: { DOCKER_HOST: undefined, ...env } });
  try {
    await tui.waitForText(`dtui ${where} · Docker`);
    await filterTo(tui, g);
    await waitSelected(tui, `${g}-c`);
    await tui.press('s');
    await tui.waitForText(`Stopped ${g}-c`);
    await waitState(docker, id, 'exited');
    await tui.press('q');
    expect((await tui.exited).exitCode).toBe(0);
  } finally {
    await tui.kill();
  }
}

describe('connecting', () => {
  it('works over plain tcp (-H tcp://127.0.0.1:PORT)', async () => {
    const socketPath = new URL(process.env[ENV.dockerHost]!).pathname;
    const proxy: Server = createServer((client) => {
      const upstream = createConnection(socketPath);
      client.pipe(upstream).pipe(client);
      const close = () => {
        client.destroy();
        upstream.destroy();
      };
      client.on('error', close);
      upstream.on('error', close);
    });
    await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
    const port = (proxy.address() as { port: number }).port;
    try {
      await proveWorks(['-H', `tcp://127.0.0.1:${port}`], `tcp://127.0.0.1:${port}`);
    } finally {
      proxy.close();
    }
  });

  it('works over TLS with --tlsverify and explicit cert flags', async () => {
    expect(tlsHost, 'the test engine exports DTUI_TEST_TLS_HOST').toMatch(/^tcp:\/\//);
    await proveWorks(
      ['-H', tlsHost, '--tlsverify', '--tlscacert', join(certs, 'ca.pem'), '--tlscert', join(certs, 'cert.pem'), '--tlskey', join(certs, 'key.pem')],
      tlsHost,
    );
  });

  it('works over TLS with DOCKER_HOST, DOCKER_TLS_VERIFY=1 and DOCKER_CERT_PATH', async () => {
    await proveWorks([], tlsHost, { DOCKER_HOST: tlsHost, DOCKER_TLS_VERIFY: '1', DOCKER_CERT_PATH: certs });
  });

  it('a wrong CA is a clear TLS failure, exit 1', async () => {
    const other = ensureTlsFiles(join(scratch, 'other-pki'));
    const r = await runToExit([
      '-H',
      tlsHost,
      '--tlsverify',
      '--tlscacert',
      join(other.clientDir, 'ca.pem'),
      '--tlscert',
      join(certs, 'cert.pem'),
      '--tlskey',
      join(certs, 'key.pem'),
    ]);
    expectCleanFailure(r, new RegExp(`^dtui: Cannot connect to the Docker engine at ${tlsHost}: TLS failure .*--tlscacert`));
  });
});

describe('an unreachable engine at start', () => {
  it('missing socket: one line with host, cause and hint; exit 1; terminal untouched', async () => {
    const sock = join(scratch, 'missing.sock');
    const r = await runToExit(['-H', `unix://${sock}`]);
    expectCleanFailure(r, new RegExp(`^dtui: Cannot connect to the Docker engine at unix://${sock}: no such socket — is the Docker daemon running\\?`));
  });

  it('connection refused', async () => {
    // A port that was just free: listen, note it, close.
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = (server.address() as { port: number }).port;
    await new Promise<void>((resolve) => server.close(() => resolve()));
    const r = await runToExit(['-H', `tcp://127.0.0.1:${port}`]);
    expectCleanFailure(r, new RegExp(`^dtui: Cannot connect to the Docker engine at tcp://127\\.0\\.0\\.1:${port}: connection refused`));
  });

  it('permission denied (run as nobody against a root-only socket)', async () => {
    const sock = join(scratch, 'root-only.sock');
    const server = createServer(() => undefined);
    await new Promise<void>((resolve) => server.listen(sock, resolve));
    try {
      // Root ignores socket permissions, so drop to nobody for this one run.
      const r = await runToExit(['-H', `unix://${sock}`], {}, ['setpriv', '--reuid=65534', '--regid=65534', '--clear-groups', process.execPath]);
      expectCleanFailure(
        r,
        new RegExp(`^dtui: Cannot connect to the Docker engine at unix://${sock}: permission denied — add your user to the "docker" group`),
      );
    } finally {
      server.close();
    }
  });

  it('--help and --version print and exit 0 without touching the terminal', async () => {
    const help = await runToExit(['--help']);
    expect(help.code).toBe(0);
    expect(help.raw).toMatch(/^Usage: dtui \[options\]/);
    expect(help.raw).toContain('--tlsverify');
    const version = await runToExit(['--version']);
    expect(version.code).toBe(0);
    expect(version.lines).toEqual([expect.stringMatching(/^dtui \d+\.\d+\.\d+/)]);
    expect(help.raw + version.raw).not.toContain('\x1b[?1049h');
  });
});
