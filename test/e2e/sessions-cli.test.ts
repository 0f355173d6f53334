// --exec-via-cli: e runs `docker exec -it` (the docker CLI) in a local pty.
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { runTestContainer, testDocker } from '../support/engine.js';
import { filterTo, launchDtui } from '../support/dtui.js';
import { expectTerminalRestored, markTerminal } from './session-helpers.js';
import { group } from '../support/core-e2e.js';
import { waitFor } from '../support/wait.js';

describe('--exec-via-cli', () => {
  const docker = testDocker();
  const name = `cli-${group()}`; // short: the detail pane's title must show the name in full
  let id = '';
  afterAll(async () => {
    if (id)
      await docker
        .getContainer(id)
        .remove({ force: true })
        .catch(() => undefined);
  });

  it('runs the shell through the docker CLI and reports its exit code', async () => {
    id = await runTestContainer(docker, { name, cmd: ['sleep', '3600'] });
    // The CLI finds the engine through DOCKER_HOST, which launchDtui sets.
    const tui = await launchDtui({ args: ['--exec-via-cli'] });
    try {
      await filterTo(tui, name);
      await tui.waitForText(new RegExp(`(?:Logs l|Top t|Stats m|Inspect i)\\s+${name} running`));
      const mark = await markTerminal(tui);
      await tui.press('e');
      await tui.waitForText('/ #');
      await tui.type('echo cli-$((6*7))\r');
      await tui.waitForText(/^cli-42\s*$/m);
      // The docker CLI sizes the exec's TTY just after starting it, so on a loaded machine the
      // shell can ask first and see 0×0 (busybox's stty then prints "stty: standard input").
      // Ask until the size has arrived; each round waits for its own answer.
      const answers = () => (tui.screen().match(/^(?:45 160|stty: standard input.*?)\s*$/gm) ?? []).length;
      await waitFor(
        async () => {
          const before = answers();
          await tui.type('stty size\r');
          await tui.waitForScreen(() => answers() > before);
          return /^45 160\s*$/m.test(tui.screen());
        },
        { timeout: 20_000, message: 'stty size in the CLI session to print 45 160' },
      );
      // The session really is the docker CLI, a child of dtui.
      const children = execFileSync('ps', ['-o', 'args=', '--ppid', String(tui.pid)], { encoding: 'utf8' });
      expect(children).toMatch(new RegExp(`docker exec -it ${id} sh`));
      await tui.type('exit 3\r');
      await tui.waitForText(`exec sh in ${name} exited with code 3`);
      await expectTerminalRestored(tui, mark, 'cli-42');
    } finally {
      await tui.kill('SIGKILL');
    }
  });
});

// With TLS from flags the CLI child gets the same TLS set-up. The engine's TLS port only
// speaks mutual TLS: the plain request below fails there, so a working shell proves TLS.
describe('--exec-via-cli over TLS from flags', () => {
  const tlsHost = inject('tlsHost');
  const tlsCerts = inject('tlsCerts');
  const docker = testDocker();
  const name = `clitls-${group()}`;
  let id = '';
  // Files named and placed so DOCKER_CERT_PATH could not describe them: only flags work.
  const certs = mkdtempSync(join(tmpdir(), 'dtui-cli-tls-'));
  afterAll(async () => {
    if (id)
      await docker
        .getContainer(id)
        .remove({ force: true })
        .catch(() => undefined);
    rmSync(certs, { recursive: true, force: true });
  });

  it('runs the shell over mutual TLS; the same port refuses plain HTTP', async () => {
    expect(tlsHost, 'set DTUI_TEST_TLS_HOST and DTUI_TEST_TLS_CERTS (scripts/test-engine.sh start DIR prints them)').toMatch(/^tcp:\/\//);
    mkdirSync(join(certs, 'ca'));
    mkdirSync(join(certs, 'me'));
    copyFileSync(join(tlsCerts, 'ca.pem'), join(certs, 'ca', 'authority.crt'));
    copyFileSync(join(tlsCerts, 'cert.pem'), join(certs, 'me', 'client.crt'));
    copyFileSync(join(tlsCerts, 'key.pem'), join(certs, 'me', 'client.key'));
    const plain = spawnSync('docker', ['-H', tlsHost, 'version', '--format', '{{.Server.Version}}'], {
      encoding: 'utf8',
      env: { PATH: process.env.PATH, HOME: certs },
      timeout: 20_000,
    });
    expect(plain.status, 'plain HTTP to the TLS port must fail').not.toBe(0);

    id = await runTestContainer(docker, { name, cmd: ['sleep', '3600'] });
    const tui = await launchDtui({
      args: [
        '--exec-via-cli',
        '-H',
        tlsHost,
        '--tlsverify',
        '--tlscacert',
        join(certs, 'ca', 'authority.crt'),
        '--tlscert',
        join(certs, 'me', 'client.crt'),
        '--tlskey',
        join(certs, 'me', 'client.key'),
      ],
      // DOCKER_HOST (the unix socket) stays set: the child must not fall back to it.
    });
    try {
      await filterTo(tui, name);
      await tui.waitForText(new RegExp(`(?:Logs l|Top t|Stats m|Inspect i)\\s+${name} running`));
      const mark = await markTerminal(tui);
      await tui.press('e');
      await tui.waitForText('/ #');
      await tui.type('echo clitls-$((6*7))\r');
      await tui.waitForText(/^clitls-42\s*$/m);
      const children = execFileSync('ps', ['-o', 'args=', '--ppid', String(tui.pid)], { encoding: 'utf8' });
      expect(children).toContain(`docker -H ${tlsHost} --tlsverify --tlscacert ${join(certs, 'ca', 'authority.crt')}`);
      expect(children).toMatch(new RegExp(`--tlskey \\S+ exec -it ${id} sh`));
      await tui.type('exit 4\r');
      await tui.waitForText(`exec sh in ${name} exited with code 4`);
      await expectTerminalRestored(tui, mark, 'clitls-42');
    } finally {
      await tui.kill('SIGKILL');
    }
  });
});
