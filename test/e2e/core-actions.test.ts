// s / S / r / p / d on containers against the real engine: each acts at once, shows
// progress then the outcome in the status line and the row, and the engine agrees.
import { afterAll, describe, expect, it } from 'vitest';
import { runTestContainer, testDocker } from '../support/engine.js';
import { filterTo, launchDtui } from '../support/dtui.js';
import { group, removeQuietly, stateOf, waitSelected, waitState } from '../support/core-e2e.js';

const docker = testDocker();
const created: string[] = [];
const volumes: string[] = [];
afterAll(async () => {
  await removeQuietly(docker, created);
  await Promise.all(
    volumes.map((v) =>
      docker
        .getVolume(v)
        .remove()
        .catch(() => undefined),
    ),
  );
});

// Takes ~1.5 s to stop, so "stopping…" is on screen long enough to be seen.
const SLOW_STOPPER = ['sh', '-c', "trap 'sleep 1.5; exit 0' TERM; sleep 3600 & wait"];

/** The Containers row of `name`, as shown. */
function rowOf(screen: string, name: string): string {
  return screen.split('\n').find((l) => l.startsWith(`│ ${name} `)) ?? '';
}

describe('container actions', () => {
  it('s, S, r and p/p stop, start, restart, pause and unpause, with progress and outcome', async () => {
    const g = group();
    const name = `${g}-act`;
    const id = await runTestContainer(docker, { name, cmd: SLOW_STOPPER });
    created.push(id);
    const tui = await launchDtui();
    try {
      await filterTo(tui, g);
      await waitSelected(tui, name);

      await tui.press('s');
      await tui.waitForScreen((s) => /stopping…/.test(rowOf(s, name)) && s.includes(`Stopping ${name}…`));
      await tui.waitForScreen((s) => /exited/.test(rowOf(s, name)) && s.includes(`Stopped ${name}`));
      expect(await stateOf(docker, id)).toBe('exited');

      await tui.press('S');
      await tui.waitForScreen((s) => /running/.test(rowOf(s, name)) && s.includes(`Started ${name}`));
      expect(await stateOf(docker, id)).toBe('running');
      const startedBefore = (await docker.getContainer(id).inspect()).State.StartedAt;

      await tui.press('r');
      await tui.waitForScreen((s) => /restarting…/.test(rowOf(s, name)));
      await tui.waitForText(`Restarted ${name}`);
      const after = (await docker.getContainer(id).inspect()).State;
      expect(after.Status).toBe('running');
      expect(after.StartedAt).not.toBe(startedBefore);

      await tui.press('p');
      await tui.waitForScreen((s) => /paused/.test(rowOf(s, name)) && s.includes(`Paused ${name}`));
      expect(await stateOf(docker, id)).toBe('paused');
      // S on a paused container explains instead of failing.
      await tui.press('S');
      await tui.waitForText(`${name} is paused: press p to unpause`);
      await tui.press('p');
      await tui.waitForScreen((s) => /running/.test(rowOf(s, name)) && s.includes(`Unpaused ${name}`));
      expect(await stateOf(docker, id)).toBe('running');
    } finally {
      await tui.kill();
    }
  });

  it('d force-removes a running container after y, keeping its anonymous volume; n cancels', async () => {
    const g = group();
    const name = `${g}-rm`;
    const id = await runTestContainer(docker, { name, cmd: ['sleep', '3600'], volumes: ['/data'] });
    created.push(id);
    const volume = (await docker.getContainer(id).inspect()).Mounts.find((m) => m.Destination === '/data')!.Name!;
    volumes.push(volume);
    const tui = await launchDtui();
    try {
      await filterTo(tui, g);
      await waitSelected(tui, name);
      await tui.press('d');
      await tui.waitForScreen((s) => s.includes(`Remove container ${name}? y/N`) && /force-removed/.test(s) && /volumes are kept/.test(s));
      await tui.press('n');
      await tui.waitForScreen((s) => !s.includes('Remove container'));
      expect(await stateOf(docker, id)).toBe('running');

      await tui.press('d');
      await tui.waitForText(`Remove container ${name}? y/N`);
      await tui.press('y');
      await tui.waitForText(`Removed ${name}`);
      await waitState(docker, id, undefined);
      await tui.waitForScreen((s) => rowOf(s, name) === '');
      // Removing a container never deletes its data.
      expect((await docker.getVolume(volume).inspect()).Name).toBe(volume);
    } finally {
      await tui.kill();
    }
  });

  it('engine errors (404, failed start) are one line in the status bar and the app keeps running', async () => {
    const g = group();
    const gone = `${g}-gone`;
    const broken = `${g}-bad`;
    const goneId = await runTestContainer(docker, { name: gone, cmd: ['true'], start: false });
    const brokenId = await runTestContainer(docker, { name: broken, cmd: ['/no/such/binary'], start: false });
    created.push(goneId, brokenId);
    const tui = await launchDtui();
    try {
      await filterTo(tui, gone);
      await waitSelected(tui, gone);
      await tui.press('d');
      await tui.waitForText(`Remove container ${gone}? y/N`);
      // Someone else removes it while the dialog is open: y then meets a 404, which says
      // what it means (issue 15: "already removed", not a bare 404).
      await docker.getContainer(goneId).remove({ force: true });
      await tui.press('y');
      const screen = await tui.waitForText(`${gone} was already removed`);
      expect(screen).toMatch(/No such container/i);
      expect(screen).not.toMatch(/\n\s+at /); // no stack trace

      await tui.press('esc');
      // One key at a time: an Esc read together with the next key would be Alt+/.
      await tui.waitForScreen((s) => !s.includes(`/${gone}`));
      await filterTo(tui, broken);
      await waitSelected(tui, broken);
      await tui.press('S');
      const failed = await tui.waitForText(`Could not start ${broken}:`);
      const status = failed.split('\n').find((l) => l.startsWith(`Could not start ${broken}`))!;
      expect(status).toMatch(/no\/such\/binary|executable file not found|no such file/);
      expect(await stateOf(docker, brokenId)).not.toBe('running');
      // Still responsive.
      await tui.press('?');
      await tui.waitForText('Keys — ');
    } finally {
      await tui.kill();
    }
  });
});
