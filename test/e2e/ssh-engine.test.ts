// ssh:// engines through a real OpenSSH server on 127.0.0.1 (test/support/sshd.ts):
// dtui runs `docker system dial-stdio` over ssh as the docker CLI does, with the key from
// HOME/.ssh and the host key checked against HOME/.ssh/known_hosts. List, logs and an
// exec shell and attach (hijacked streams over the ssh channel) work; an unknown or
// changed host key is refused.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENV, runTestContainer, testDocker } from '../support/engine.js';
import { filterTo, launchDtui } from '../support/dtui.js';
import { dtuiCommand, spawnTui } from '../support/pty-harness.js';
import { group, removeQuietly, waitSelected } from '../support/core-e2e.js';
import { startSshd, type TestSshd } from '../support/sshd.js';
import { attachEchoDetach } from './session-helpers.js';

const docker = testDocker();
const created: string[] = [];
const name = `ssh-${group()}`; // short: the detail pane's title must show the name in full
let sshd: TestSshd;
let scratch = '';

/** Only HOME/.ssh decides: no agent, no other engine. */
const sshEnv = (home: string, more: Record<string, string | undefined> = {}) => ({
  HOME: home,
  SSH_AUTH_SOCK: undefined,
  DOCKER_HOST: undefined,
  DOCKER_CONTEXT: undefined,
  DOCKER_CONFIG: join(scratch, 'no-config'),
  ...more,
});

beforeAll(async () => {
  sshd = await startSshd(process.env[ENV.dockerHost]!);
  scratch = mkdtempSync(join(tmpdir(), 'dtui-ssh-e2e-'));
  created.push(
    await runTestContainer(docker, {
      name,
      cmd: ['sh', '-c', "for i in 1 2 3; do echo over-ssh-line-$i; done; trap 'exit 0' TERM; sleep 3600 & wait"],
    }),
  );
});
afterAll(async () => {
  await removeQuietly(docker, created);
  await sshd?.stop();
  if (scratch) rmSync(scratch, { recursive: true, force: true });
});

describe('ssh:// engines', () => {
  it('-H ssh://user@127.0.0.1:PORT lists the engine’s containers and shows a container’s logs', async () => {
    const tui = await launchDtui({ args: ['-H', sshd.url], env: sshEnv(sshd.home) });
    try {
      await tui.waitForText(`dtui ${sshd.url} · Docker`);
      await filterTo(tui, name);
      await waitSelected(tui, name);
      await tui.waitForText(/^.*over-ssh-line-3/m);
      expect(tui.screen()).toContain('over-ssh-line-1');
      await tui.press('q');
      expect((await tui.exited).exitCode).toBe(0);
    } finally {
      await tui.kill('SIGKILL');
    }
  });

  it('an ssh context: e opens a shell over ssh and a typed command’s output appears', async () => {
    const config = join(scratch, 'config');
    execFileSync('docker', ['context', 'create', 'over-ssh', '--docker', `host=${sshd.url}`], {
      env: { ...process.env, DOCKER_CONFIG: config, DOCKER_HOST: '' },
      stdio: 'pipe',
    });
    const tui = await launchDtui({ args: ['--context', 'over-ssh'], env: sshEnv(sshd.home, { DOCKER_CONFIG: config }) });
    try {
      await tui.waitForText(`dtui context over-ssh · ${sshd.url} · Docker`);
      await filterTo(tui, name);
      await tui.waitForText(new RegExp(`(?:Logs l|Top t|Stats m|Inspect i)\\s+${name} running`));
      await tui.press('e');
      await tui.waitForText('/ #');
      await tui.type('echo via-ssh-$((6*7))\r');
      await tui.waitForText(/^via-ssh-42\s*$/m);
      await tui.type('exit 4\r');
      await tui.waitForText(`exec sh in ${name} exited with code 4`);
    } finally {
      await tui.kill('SIGKILL');
    }
  });

  it('a attaches to a TTY container over ssh; Ctrl+P Ctrl+Q detaches and it keeps running', async () => {
    const tty = `${name}-t`;
    const id = await runTestContainer(docker, { name: tty, tty: true });
    created.push(id);
    const tui = await launchDtui({ args: ['-H', sshd.url], env: sshEnv(sshd.home) });
    try {
      await filterTo(tui, tty);
      await tui.waitForText(new RegExp(`(?:Logs l|Top t|Stats m|Inspect i)\\s+${tty} running`));
      await attachEchoDetach(tui, tty, 'attached-over-ssh');
      expect((await docker.getContainer(id).inspect()).State.Running).toBe(true);
    } finally {
      await tui.kill('SIGKILL');
    }
  });

  it('an sshd allowing 2 sessions per connection: lists, logs and an attach still work (dtui opens more connections)', async () => {
    const narrow = await startSshd(process.env[ENV.dockerHost]!, { maxSessions: 2 });
    const tty = `${name}-n`;
    // A line of its own in the log, then the shell an attach talks to.
    const id = await runTestContainer(docker, { name: tty, tty: true, cmd: ['sh', '-c', 'echo narrow-log-line; exec sh'] });
    created.push(id);
    // At start dtui holds the events stream and asks for several lists at once: more than 2.
    const tui = await launchDtui({ args: ['-H', narrow.url], env: sshEnv(narrow.home) });
    try {
      await filterTo(tui, tty);
      await tui.waitForText(new RegExp(`(?:Logs l|Top t|Stats m|Inspect i)\\s+${tty} running`));
      // Its log and its stats read (CPU% of the row) came through too.
      await tui.waitForText(/narrow-log-line/);
      await tui.waitForText(new RegExp(`${tty}\\s+\\S+\\s+running\\s+\\d+\\.\\d%`));
      await attachEchoDetach(tui, tty, 'narrow');
      expect(tui.screen()).not.toMatch(/Channel open failure/);
      expect((await docker.getContainer(id).inspect()).State.Running).toBe(true);
    } finally {
      await tui.kill('SIGKILL');
      await narrow.stop();
    }
  });

  it('an unknown host key (empty known_hosts) is refused: one line, exit 1', async () => {
    const home = join(scratch, 'stranger');
    cpSync(sshd.home, home, { recursive: true });
    writeFileSync(join(home, '.ssh', 'known_hosts'), '');
    const tui = spawnTui({ ...dtuiCommand(['-H', sshd.url]), env: sshEnv(home), waitForRawMode: false });
    const exit = await tui.exited;
    const lines = tui
      .raw()
      .split(/\r?\n/)
      .filter((l) => l.trim() !== '');
    expect(exit.exitCode).toBe(1);
    expect(lines).toEqual([
      `dtui: Cannot connect to the Docker engine at ${sshd.url}: the host key of 127.0.0.1:${sshd.port} is not in ~/.ssh/known_hosts — check it and add it with ssh-keyscan -p ${sshd.port} 127.0.0.1 >> ~/.ssh/known_hosts`,
    ]);
    expect(tui.raw()).not.toContain('\x1b[?1049h');
  });

  it('a changed host key is refused, naming the known_hosts line', async () => {
    const home = join(scratch, 'changed');
    cpSync(sshd.home, home, { recursive: true });
    // Another server's key listed for this host and port.
    execFileSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-f', join(scratch, 'other')]);
    const otherKey = execFileSync('cat', [join(scratch, 'other.pub')])
      .toString()
      .split(' ')
      .slice(0, 2)
      .join(' ');
    writeFileSync(join(home, '.ssh', 'known_hosts'), `# comment\n[127.0.0.1]:${sshd.port} ${otherKey}\n`);
    const tui = spawnTui({ ...dtuiCommand(['-H', sshd.url]), env: sshEnv(home), waitForRawMode: false });
    const exit = await tui.exited;
    expect(exit.exitCode).toBe(1);
    expect(tui.raw()).toContain(`the host key of 127.0.0.1:${sshd.port} has CHANGED from the one in ~/.ssh/known_hosts line 2`);
  });
});
