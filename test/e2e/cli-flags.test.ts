// Flags as a person types them, through bin/dtui: a boolean flag's value is read (the
// docker CLI's --flag=false), and a host dtui cannot reach is refused before connecting.
import { afterAll, describe, expect, it } from 'vitest';
import { filterTo, launchDtui } from '../support/dtui.js';
import { dtuiCommand, spawnTui } from '../support/pty-harness.js';
import { runTestContainer, testDocker } from '../support/engine.js';
import { group, removeQuietly, SLEEPER, stateOf, waitSelected, waitState } from '../support/core-e2e.js';

const docker = testDocker();
const created: string[] = [];
afterAll(async () => {
  await removeQuietly(docker, created);
});

describe('command-line flags', () => {
  it('--read-only=false binds s (stop); --read-only refuses it', async () => {
    const g = group();
    const name = `${g}-flag`;
    const id = await runTestContainer(docker, { name, cmd: SLEEPER });
    created.push(id);

    const ro = await launchDtui({ args: ['--read-only'] });
    try {
      await ro.waitForText('read-only');
      await filterTo(ro, g);
      await waitSelected(ro, name);
      await ro.press('s');
      await ro.waitForText('Read-only mode: dtui will not stop the selected container. Nothing was changed.');
      expect(await stateOf(docker, id)).toBe('running');
      await ro.press('q');
      expect((await ro.exited).exitCode).toBe(0);
    } finally {
      await ro.kill('SIGKILL');
    }

    const rw = await launchDtui({ args: ['--read-only=false'] });
    try {
      await filterTo(rw, g);
      await waitSelected(rw, name);
      await rw.press('s');
      await rw.waitForText(`Stopped ${name}`);
      await waitState(docker, id, 'exited');
      expect(rw.screen()).not.toContain('read-only');
      await rw.press('q');
      expect((await rw.exited).exitCode).toBe(0);
    } finally {
      await rw.kill('SIGKILL');
    }
  });

  it('-H ftp://x exits 2 with one line naming the scheme, terminal untouched', async () => {
    const tui = spawnTui({ ...dtuiCommand(['-H', 'ftp://x']), env: { DOCKER_HOST: undefined }, waitForRawMode: false });
    const exit = await tui.exited;
    const lines = tui
      .raw()
      .split(/\r?\n/)
      .filter((l) => l.trim() !== '');
    expect(exit.exitCode).toBe(2);
    expect(lines).toEqual(['dtui: -H ftp://x: unknown scheme ftp://; use unix:///path, tcp://host:port or ssh://user@host']);
    expect(tui.raw()).not.toContain('\x1b[?1049h');
  });
});
