// The lists follow the engine's /events stream: containers created, changed and removed
// by someone else (dockerode here) show up, change and vanish without a key; every state
// is shown; a resize redraws the whole screen at the new size.
import { afterAll, describe, expect, it } from 'vitest';
import { runTestContainer, testDocker } from '../support/engine.js';
import { filterTo, launchDtui } from '../support/dtui.js';
import { SLEEPER, group, listedNames, removeQuietly } from '../support/core-e2e.js';

const docker = testDocker();
const created: string[] = [];
afterAll(() => removeQuietly(docker, created));

function stateShown(screen: string, name: string): string | undefined {
  return new RegExp(`^│ ${name}\\s+\\S+\\s+(\\S+)`, 'm').exec(screen)?.[1];
}

describe('live from engine events', () => {
  it('shows containers created elsewhere and drops removed ones, without a key', async () => {
    const g = group();
    const tui = await launchDtui();
    try {
      await filterTo(tui, g);
      await tui.waitForText(`No container matches "${g}"`);
      // A compose-style name, shown in full at 160 columns.
      const name = `${g}-web-frontend-1`;
      const id = await runTestContainer(docker, { name, cmd: SLEEPER });
      created.push(id);
      await tui.waitForScreen((s) => stateShown(s, name) === 'running');
      await docker.getContainer(id).pause();
      await tui.waitForScreen((s) => stateShown(s, name) === 'paused');
      await docker.getContainer(id).remove({ force: true });
      await tui.waitForText(`No container matches "${g}"`);
      expect(listedNames(tui, g)).toEqual([]);
    } finally {
      await tui.kill();
    }
  });

  it('shows every state: running, paused, exited, created', async () => {
    const g = group();
    const run = await runTestContainer(docker, { name: `${g}-run`, cmd: SLEEPER });
    const paused = await runTestContainer(docker, { name: `${g}-pau`, cmd: SLEEPER });
    await docker.getContainer(paused).pause();
    const exited = await runTestContainer(docker, { name: `${g}-exi`, cmd: ['sh', '-c', 'exit 3'] });
    await docker.getContainer(exited).wait();
    const fresh = await runTestContainer(docker, { name: `${g}-cre`, cmd: SLEEPER, start: false });
    created.push(run, paused, exited, fresh);
    const tui = await launchDtui();
    try {
      await filterTo(tui, g);
      const want: Record<string, string> = { run: 'running', pau: 'paused', exi: 'exited', cre: 'created' };
      const screen = await tui.waitForScreen((s) => Object.entries(want).every(([k, st]) => stateShown(s, `${g}-${k}`) === st));
      expect(screen).toMatch(new RegExp(`${g}-exi .*Exited \\(3\\)`));
      for (const [id, st] of [
        [run, 'running'],
        [paused, 'paused'],
        [exited, 'exited'],
        [fresh, 'created'],
      ] as const) {
        expect((await docker.getContainer(id).inspect()).State.Status).toBe(st);
      }
    } finally {
      await tui.kill();
    }
  });

  it('redraws the whole screen on resize, down to 80×24 and back', async () => {
    const g = group();
    const id = await runTestContainer(docker, { name: `${g}-rsz`, cmd: SLEEPER });
    created.push(id);
    const tui = await launchDtui();
    try {
      await filterTo(tui, g);
      await tui.waitForText(`${g}-rsz`);
      tui.resize(80, 24);
      const small = await tui.waitForScreen((s) => {
        const lines = s.split('\n');
        return /^╰─+╯╰─+╯$/.test(lines[20] ?? '') && /^s stop · S start/.test(lines[22] ?? '') && s.includes(`${g}-rsz`);
      });
      for (const line of small.split('\n')) expect([...line].length).toBeLessThanOrEqual(80);
      tui.resize(160, 45);
      await tui.waitForScreen((s) => {
        const lines = s.split('\n');
        return /^╰─{86}╯╰─+╯$/.test(lines[41] ?? '') && /^s stop · S start/.test(lines[43] ?? '');
      });
      // Still working after two resizes: s acts on the container.
      await tui.press('s');
      await tui.waitForScreen((s) => stateShown(s, `${g}-rsz`) === 'exited');
      expect((await docker.getContainer(id).inspect()).State.Status).toBe('exited');
    } finally {
      await tui.kill();
    }
  });
});
