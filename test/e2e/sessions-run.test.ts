// Images pane: n / Enter opens the run form; -it --rm drops into the new container's
// shell, and bad input is refused in the form without creating anything.
import { afterAll, describe, expect, it } from 'vitest';
import { runTestContainer, testDocker, uniqueName, waitFor } from '../support/engine.js';
import { launchDtui } from '../support/dtui.js';
import type { TuiHarness } from '../support/pty-harness.js';
import { expectTerminalRestored, markTerminal } from './session-helpers.js';

async function openRunForm(tui: TuiHarness, key: 'n' | 'enter'): Promise<void> {
  await tui.press('2', '/');
  await tui.type('dtui-test/busybox');
  await tui.press('enter');
  await tui.waitForText('Image dtui-test/busybox:latest');
  await tui.press(key);
  await tui.waitForText('Run a container from dtui-test/busybox:latest');
}

describe('run form', () => {
  const docker = testDocker();
  const prefix = uniqueName('run');
  const names: string[] = [];
  afterAll(async () => {
    // Containers made through the form carry no test label: remove them by name.
    await Promise.all(
      names.map((n) =>
        docker
          .getContainer(n)
          .remove({ force: true })
          .catch(() => undefined),
      ),
    );
    await docker
      .getVolume(`${prefix}-vol`)
      .remove()
      .catch(() => undefined);
  });

  it('-it --rm drops into the shell, and the container is gone after exit', async () => {
    const name = `${prefix}-it`;
    names.push(name);
    const tui = await launchDtui();
    try {
      await openRunForm(tui, 'enter');
      const mark = await markTerminal(tui);
      await tui.press('tab');
      await tui.type(name);
      await tui.press('tab');
      await tui.type('sh');
      await tui.press('enter');
      await tui.waitForText('/ #');
      const info = await docker.getContainer(name).inspect();
      expect(info.HostConfig.AutoRemove).toBe(true);
      expect(info.Config.Tty).toBe(true);
      await tui.type('echo run-$((2+3))\r');
      await tui.waitForText(/^run-5\s*$/m);
      await tui.type('exit\r');
      await tui.waitForText(`as ${name} exited with code 0`);
      await waitFor(
        async () => {
          try {
            await docker.getContainer(name).inspect();
            return false;
          } catch (err) {
            return (err as { statusCode?: number }).statusCode === 404;
          }
        },
        { message: `${name} to be removed (--rm)` },
      );
      await expectTerminalRestored(tui, mark, 'run-5');
    } finally {
      await tui.kill('SIGKILL');
    }
  });

  it('refuses a bad port spec in the form and creates nothing', async () => {
    const name = `${prefix}-badport`;
    names.push(name);
    const tui = await launchDtui();
    try {
      await openRunForm(tui, 'n');
      await tui.press('tab');
      await tui.type(name);
      // Image, Name, Command, -it, --rm, -d, Env, Ports.
      await tui.press('tab', 'tab', 'tab', 'tab', 'tab', 'tab');
      await tui.type('8080:80,99999:80');
      await tui.press('enter');
      await tui.waitForText('Ports: "99999" is not a port');
      await expect(docker.getContainer(name).inspect()).rejects.toMatchObject({ statusCode: 404 });
      // The form is still open with everything typed.
      expect(tui.screen()).toContain('8080:80,99999:80');
    } finally {
      await tui.kill('SIGKILL');
    }
  });

  it('shows the engine refusing a name in use (409) in the form', async () => {
    const name = `${prefix}-taken`;
    await runTestContainer(docker, { name, cmd: ['sleep', '3600'] });
    names.push(name);
    const tui = await launchDtui();
    try {
      await openRunForm(tui, 'n');
      await tui.press('tab');
      await tui.type(name);
      await tui.press('enter');
      await tui.waitForText(/the name is in use: 409/);
      expect(tui.screen()).toContain('Run a container from');
    } finally {
      await tui.kill('SIGKILL');
    }
  });

  it('detached with ports, env and a restart policy creates and starts the container', async () => {
    const name = `${prefix}-d`;
    names.push(name);
    const tui = await launchDtui();
    try {
      await openRunForm(tui, 'n');
      await tui.press('tab');
      await tui.type(name);
      await tui.press('tab');
      await tui.type(`sh -c 'sleep 3600'`);
      // -it off, --rm off, -d on.
      await tui.press('tab', 'space', 'tab', 'space', 'tab', 'space', 'tab');
      await tui.type('A=1, B=two');
      await tui.press('tab');
      await tui.type('127.0.0.1::80 9000:90/udp');
      await tui.press('tab');
      await tui.type(`${prefix}-vol:/data:ro`);
      await tui.press('tab', 'right');
      await tui.press('enter');
      await tui.waitForText(`Started ${name} (detached)`);
      const info = await docker.getContainer(name).inspect();
      expect(info.State.Running).toBe(true);
      expect(info.Config.Cmd).toEqual(['sh', '-c', 'sleep 3600']);
      expect(info.Config.Env).toEqual(expect.arrayContaining(['A=1', 'B=two']));
      expect(info.HostConfig.RestartPolicy?.Name).toBe('always');
      expect(info.HostConfig.Binds).toEqual([`${prefix}-vol:/data:ro`]);
      expect(info.HostConfig.PortBindings).toEqual({
        '80/tcp': [{ HostIp: '127.0.0.1', HostPort: '' }],
        '90/udp': [{ HostIp: '', HostPort: '9000' }],
      });
    } finally {
      await tui.kill('SIGKILL');
    }
  });
});
