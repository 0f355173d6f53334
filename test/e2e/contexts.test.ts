// Docker contexts, written by the real `docker context create` / `docker context use`:
// with no -H dtui lands on the CLI's current context; --context picks a mutual-TLS
// context; an unknown context and a context missing its certificate fail in one line.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, unlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENV, runTestContainer, testDocker } from '../support/engine.js';
import { filterTo, launchDtui } from '../support/dtui.js';
import { dtuiCommand, spawnTui } from '../support/pty-harness.js';
import { SLEEPER, group, removeQuietly, waitSelected, waitState } from '../support/core-e2e.js';
import { contextDirName } from '../../src/engine/api/contexts.js';

const docker = testDocker();
const created: string[] = [];
const dockerHost = process.env[ENV.dockerHost] ?? '';
const tlsHost = process.env[ENV.tlsHost] ?? '';
const certs = process.env[ENV.tlsCerts] ?? '';
const name = `ctx-${group()}`;
let config = '';
/** Everything that could point dtui elsewhere is unset: only the config dir decides. */
const noEngineEnv = () => ({
  DOCKER_CONFIG: config,
  DOCKER_HOST: undefined,
  DOCKER_CONTEXT: undefined,
  DOCKER_TLS_VERIFY: undefined,
  DOCKER_CERT_PATH: undefined,
});
const cli = (...args: string[]) =>
  execFileSync('docker', args, { env: { ...process.env, DOCKER_CONFIG: config, DOCKER_HOST: '', DOCKER_CONTEXT: '' }, stdio: 'pipe' });

beforeAll(async () => {
  expect(tlsHost, 'set DTUI_TEST_TLS_HOST and DTUI_TEST_TLS_CERTS (scripts/test-engine.sh start DIR prints them)').toMatch(/^tcp:\/\//);
  config = mkdtempSync(join(tmpdir(), 'dtui-contexts-'));
  cli('context', 'create', 'private', '--docker', `host=${dockerHost}`);
  cli('context', 'create', 'mtls', '--docker', `host=${tlsHost},ca=${certs}/ca.pem,cert=${certs}/cert.pem,key=${certs}/key.pem`);
  cli('context', 'create', 'broken', '--docker', `host=${tlsHost},ca=${certs}/ca.pem,cert=${certs}/cert.pem,key=${certs}/key.pem`);
  unlinkSync(join(config, 'contexts', 'tls', contextDirName('broken'), 'docker', 'cert.pem'));
  cli('context', 'use', 'private');
  created.push(await runTestContainer(docker, { name, cmd: SLEEPER }));
});
afterAll(async () => {
  await removeQuietly(docker, created);
  rmSync(config, { recursive: true, force: true });
});

async function runToExit(args: string[]) {
  const tui = spawnTui({ ...dtuiCommand(args), env: noEngineEnv(), waitForRawMode: false });
  const exit = await tui.exited;
  return {
    code: exit.exitCode,
    lines: tui
      .raw()
      .split(/\r?\n/)
      .filter((l) => l.trim() !== ''),
    raw: tui.raw(),
  };
}

describe('docker contexts', () => {
  it('with no -H, lands on the current context of docker context use', async () => {
    const tui = await launchDtui({ env: noEngineEnv() });
    try {
      await tui.waitForText(`dtui context private · ${dockerHost} · Docker`);
      await filterTo(tui, name);
      await waitSelected(tui, name);
      await tui.press('q');
      expect((await tui.exited).exitCode).toBe(0);
    } finally {
      await tui.kill('SIGKILL');
    }
  });

  it('--context NAME reaches the engine over the context’s mutual TLS', async () => {
    const tui = await launchDtui({ args: ['--context', 'mtls'], env: noEngineEnv() });
    try {
      await tui.waitForText(`dtui context mtls · ${tlsHost} · Docker`);
      await filterTo(tui, name);
      await waitSelected(tui, name);
      await tui.press('s');
      await tui.waitForText(`Stopped ${name}`);
      await waitState(docker, created[0]!, 'exited');
    } finally {
      await tui.kill('SIGKILL');
    }
  });

  it('an unknown context: one line naming it, exit 1 (as the docker CLI)', async () => {
    const r = await runToExit(['--context', 'nope']);
    expect(r.code).toBe(1);
    expect(r.lines).toEqual([
      `dtui: context "nope": context not found: ${join(config, 'contexts', 'meta', contextDirName('nope'), 'meta.json')} does not exist (see docker context ls)`,
    ]);
    expect(r.raw).not.toContain('\x1b[?1049h');
  });

  it('a context whose client certificate is gone names the file', async () => {
    const r = await runToExit(['--context', 'broken']);
    expect(r.code).toBe(1);
    const cert = join(config, 'contexts', 'tls', contextDirName('broken'), 'docker', 'cert.pem');
    expect(r.lines).toEqual([`dtui: context "broken": cannot read TLS client certificate ${cert} (ENOENT)`]);
  });
});
