// Bad moments refused, nothing lost: acting on a container removed behind dtui's back,
// pausing an exited one, Enter in a confirm dialog, removing keeps volumes, --read-only.
import { afterAll, describe, expect, it } from 'vitest';
import { filterTo, launchDtui } from '../support/dtui.js';
import { runTestContainer, testDocker, TEST_IMAGE, TEST_LABELS, uniqueName, waitFor } from '../support/engine.js';

const exists = async (docker: ReturnType<typeof testDocker>, id: string) =>
  docker
    .getContainer(id)
    .inspect()
    .then(
      () => true,
      (err: { statusCode?: number }) => {
        if (err.statusCode === 404) return false;
        throw err;
      },
    );

describe('bad input is refused and nothing is lost', () => {
  const docker = testDocker();
  const ids: string[] = [];
  afterAll(async () => {
    await Promise.all(
      ids.map((id) =>
        docker
          .getContainer(id)
          .remove({ force: true, v: true })
          .catch(() => undefined),
      ),
    );
  });

  it('a container removed behind its back gives a 404 message, and dtui keeps running', async () => {
    const name = uniqueName('gone');
    const id = await runTestContainer(docker, { name, cmd: ['true'], start: false });
    ids.push(id);
    const tui = await launchDtui();
    try {
      await filterTo(tui, name);
      await tui.press('d');
      await tui.waitForText(`Remove container ${name}?`);
      await docker.getContainer(id).remove({ force: true });
      await tui.press('y');
      // Issue 15: the 404 says what it means ("already removed") and keeps the engine's words.
      await tui.waitForText(new RegExp(`${name} was already removed \\(No such container`));
      await tui.press('?');
      await tui.waitForText('Everywhere');
      await tui.press('esc', 'q');
      expect((await tui.exited).exitCode).toBe(0);
    } finally {
      await tui.kill('SIGKILL');
    }
  });

  it('pausing an exited container says why not; Enter in the confirm dialog means No', async () => {
    const name = uniqueName('exited');
    const id = await runTestContainer(docker, { name, cmd: ['true'] });
    ids.push(id);
    await waitFor(async () => (await docker.getContainer(id).inspect()).State.Status === 'exited');
    const tui = await launchDtui();
    try {
      await filterTo(tui, name);
      await tui.waitForText('exited');
      await tui.press('p');
      await tui.waitForText(/is not running \(exited\): nothing to pause/);
      await tui.press('d');
      await tui.waitForText(`Remove container ${name}?`);
      await tui.waitForText('default No');
      await tui.press('enter');
      await tui.waitForScreen((s) => !s.includes(`Remove container ${name}?`));
      expect(await exists(docker, id)).toBe(true);
      await tui.press('q');
      expect((await tui.exited).exitCode).toBe(0);
    } finally {
      await tui.kill('SIGKILL');
    }
  });

  it('removing a container keeps its volumes', async () => {
    const name = uniqueName('vol');
    const container = await docker.createContainer({ name, Image: TEST_IMAGE, Cmd: ['true'], Labels: TEST_LABELS, Volumes: { '/data': {} } });
    ids.push(container.id);
    const volume = (await container.inspect()).Mounts.find((m) => m.Destination === '/data')?.Name;
    expect(volume).toBeTruthy();
    const tui = await launchDtui();
    try {
      await filterTo(tui, name);
      await tui.press('d');
      await tui.waitForText('Its volumes are kept.');
      await tui.press('y');
      await tui.waitForText(`Removed ${name}`);
      expect(await exists(docker, container.id)).toBe(false);
      await expect(docker.getVolume(volume!).inspect()).resolves.toMatchObject({ Name: volume });
      await tui.press('q');
    } finally {
      await tui.kill('SIGKILL');
      await docker
        .getVolume(volume!)
        .remove()
        .catch(() => undefined);
    }
  });

  it('--read-only: s, d and r change nothing and say so', async () => {
    const name = uniqueName('ro');
    const id = await runTestContainer(docker, { name, cmd: ['sh', '-c', 'sleep 3600'] });
    ids.push(id);
    const startedAt = (await docker.getContainer(id).inspect()).State.StartedAt;
    const tui = await launchDtui({ args: ['--read-only'] });
    try {
      await tui.waitForText('read-only');
      await filterTo(tui, name);
      for (const [key, what] of [
        ['s', 'stop'],
        ['d', 'remove'],
        ['r', 'restart'],
      ] as const) {
        await tui.press(key);
        await tui.waitForText(`Read-only mode: dtui will not ${what} the selected container. Nothing was changed.`);
        expect(tui.screen()).not.toContain('Remove container');
      }
      const state = (await docker.getContainer(id).inspect()).State;
      expect(state.Status).toBe('running');
      expect(state.StartedAt).toBe(startedAt);
      await tui.press('q');
      expect((await tui.exited).exitCode).toBe(0);
    } finally {
      await tui.kill('SIGKILL');
    }
  });
});
