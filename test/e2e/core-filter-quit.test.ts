// The filter (live, by name, image and id; Enter keeps it, Esc clears it), Esc as
// "back", the help overlay, and leaving with q or Ctrl+C — each checked on screen and
// against the engine.
import { afterAll, describe, expect, it } from 'vitest';
import { runTestContainer, testDocker } from '../support/engine.js';
import { launchDtui } from '../support/dtui.js';
import { SLEEPER, extraTag, group, hintedPane, listedNames, removeQuietly, runSleepers, stateOf, waitSelected, waitState } from '../support/core-e2e.js';

const docker = testDocker();
const created: string[] = [];
const tags: string[] = [];
afterAll(async () => {
  await removeQuietly(docker, created);
  await Promise.all(
    tags.map((t) =>
      docker
        .getImage(t)
        .remove()
        .catch(() => undefined),
    ),
  );
});

describe('filter', () => {
  it('narrows live as you type by name, image or id; Enter keeps it with the first match selected; Esc clears it', async () => {
    const g = group();
    const ids = await runSleepers(docker, g, ['a', 'b']);
    const image = await extraTag(docker, `dtui-flt-${g}`);
    tags.push(image);
    ids.set(`${g}-img`, await runTestContainer(docker, { name: `${g}-img`, image, cmd: SLEEPER }));
    created.push(...ids.values());
    const tui = await launchDtui();
    try {
      // Live: the list narrows while the prompt is still open.
      await tui.press('/');
      await tui.type(g);
      await tui.waitForScreen(() => listedNames(tui, g).length === 3);
      await tui.type('-a');
      await tui.waitForScreen(() => listedNames(tui, g).join() === `${g}-a`);
      expect(tui.screen()).toMatch(/Containers \(1\/\d+\)\s+\/g\w+-a/);
      // Esc while typing clears the filter: every container is back.
      await tui.press('esc');
      await tui.waitForScreen(() => listedNames(tui, g).length === 3 && !tui.screen().includes(`/${g}`));

      // By image: Enter keeps the filter and selects the first (only) match; s acts on it.
      await tui.press('/');
      await tui.type(`dtui-flt-${g}`);
      await tui.press('enter');
      await waitSelected(tui, `${g}-img`);
      expect(listedNames(tui, g)).toEqual([`${g}-img`]);
      await tui.press('s');
      await waitState(docker, ids.get(`${g}-img`)!, 'exited');
      // Esc in the list clears a kept filter.
      await tui.press('esc');
      await tui.waitForScreen(() => listedNames(tui, g).length === 3);

      // By id prefix.
      const idB = ids.get(`${g}-b`)!;
      await tui.press('/');
      await tui.type(idB.slice(0, 12));
      await tui.press('enter');
      await waitSelected(tui, `${g}-b`);
      await tui.press('s');
      await waitState(docker, idB, 'exited');
      expect(await stateOf(docker, ids.get(`${g}-a`)!)).toBe('running');
    } finally {
      await tui.kill();
    }
  });
});

describe('Esc, help and quitting', () => {
  it('Esc goes back from Logs to the list, cancels a dialog and closes help', async () => {
    const g = group();
    const ids = await runSleepers(docker, g, ['esc']);
    created.push(...ids.values());
    const id = ids.get(`${g}-esc`)!;
    const tui = await launchDtui();
    try {
      await tui.press('/');
      await tui.type(g);
      await tui.press('enter');
      await waitSelected(tui, `${g}-esc`);
      await tui.press('l');
      await tui.waitForScreen((s) => hintedPane(s) === 'detail');
      await tui.press('esc');
      await tui.waitForScreen((s) => hintedPane(s) === 'containers');
      await tui.press('d');
      await tui.waitForText(`Remove container ${g}-esc? y/N`);
      await tui.press('esc');
      await tui.waitForScreen((s) => !s.includes('Remove container'));
      expect(await stateOf(docker, id)).toBe('running');
      await tui.press('?');
      // Ink draws a frame in several writes: wait for the whole overlay, not its first line
      // (the help hints are the frame's last line; later sections are a PgDn away).
      const help = ['Keys — Esc or ? to close', 'Stop the selected container', 'Filter the list by name, image or id', 'Esc close'];
      await tui.waitForScreen((s) => help.every((t) => s.includes(t)));
      await tui.press('esc');
      await tui.waitForScreen((s) => !s.includes('Keys — ') && s.includes('[1] Containers'));
      // The list has the keys again: s stops the container.
      await tui.press('s');
      await waitState(docker, id, 'exited');
    } finally {
      await tui.kill();
    }
  });

  for (const key of ['q', 'ctrl-c'] as const) {
    it(`${key} quits with status 0 and the terminal restored, leaving the engine as it was`, async () => {
      const g = group();
      const ids = await runSleepers(docker, g, [key.replace('-', '')]);
      created.push(...ids.values());
      const tui = await launchDtui();
      await tui.waitForText(`${g}-`);
      // q inside help closes help; it does not quit.
      await tui.press('?');
      await tui.waitForText('Keys — ');
      await tui.press('q');
      await tui.waitForScreen((s) => !s.includes('Keys — '));
      await tui.press(key);
      const exit = await tui.exited;
      expect(exit.exitCode).toBe(0);
      const raw = tui.raw();
      expect(raw.lastIndexOf('\x1b[?1049l')).toBeGreaterThan(raw.lastIndexOf('\x1b[?1049h'));
      expect(raw.lastIndexOf('\x1b[?25h')).toBeGreaterThan(raw.lastIndexOf('\x1b[?25l'));
      expect(await stateOf(docker, [...ids.values()][0]!)).toBe('running');
    });
  }
});
