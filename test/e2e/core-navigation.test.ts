// Moving around at the keyboard against the real engine: every movement key, pane
// switching, and proof that what is selected on screen is what an action hits.
import { afterAll, describe, expect, it } from 'vitest';
import { testDocker } from '../support/engine.js';
import { filterTo, launchDtui } from '../support/dtui.js';
import { extraTag, group, hintedPane, listedNames, removeQuietly, runSleepers, stateOf, waitSelected, waitState } from '../support/core-e2e.js';

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

describe('moving in the lists', () => {
  it('↑/↓, j/k, PgUp/PgDn, Home/End (g/G) move the selection, and s stops the one selected', async () => {
    const g = group();
    const ids = await runSleepers(docker, g, ['a', 'b', 'c', 'd']);
    created.push(...ids.values());
    const tui = await launchDtui();
    try {
      await filterTo(tui, g);
      await tui.waitForScreen(() => listedNames(tui, g).length === 4);
      // The engine sorts by creation time (second resolution): read the order shown.
      const order = listedNames(tui, g);
      expect([...order].sort()).toEqual([...ids.keys()]);
      await waitSelected(tui, order[0]!);
      const steps: Array<[string, number]> = [
        ['j', 1],
        ['down', 2],
        ['k', 1],
        ['up', 0],
        ['end', 3],
        ['home', 0],
        ['pgdn', 3],
        ['pgup', 0],
        ['G', 3],
        ['g', 0],
        ['up', 0],
      ];
      for (const [key, index] of steps) {
        await tui.press(key);
        await waitSelected(tui, order[index]!);
      }
      await tui.press('j', 'j');
      await waitSelected(tui, order[2]!);
      await tui.press('s');
      await tui.waitForText(`Stopped ${order[2]}`);
      expect(await stateOf(docker, ids.get(order[2]!)!)).toBe('exited');
      for (const name of [order[0]!, order[1]!, order[3]!]) expect(await stateOf(docker, ids.get(name)!)).toBe('running');
    } finally {
      await tui.kill();
    }
  });

  it('Tab / Shift+Tab cycle Containers → Images → detail, 1 and 2 jump; keys act on the focused pane', async () => {
    const g = group();
    const ids = await runSleepers(docker, g, ['tab']);
    created.push(...ids.values());
    const image = await extraTag(docker, `dtui-nav-${g}`);
    tags.push(image);
    const tui = await launchDtui();
    const focusOn = (pane: ReturnType<typeof hintedPane>) => tui.waitForScreen((s) => hintedPane(s) === pane);
    try {
      await filterTo(tui, g);
      await tui.press('2');
      await filterTo(tui, `dtui-nav-${g}`);
      await tui.waitForText(`Image ${image}`);
      await tui.press('1');
      await focusOn('containers');
      await tui.press('tab');
      await focusOn('images');
      await tui.press('tab');
      await focusOn('detail');
      await tui.press('tab');
      await focusOn('containers');
      await tui.press('shift-tab');
      await focusOn('detail');
      await tui.press('shift-tab');
      await focusOn('images');
      // d on Images asks about the image, not the container; Esc leaves it alone.
      await tui.press('d');
      await tui.waitForText(`Remove image ${image}? y/N`);
      await tui.press('esc');
      await focusOn('images');
      expect((await docker.getImage(image).inspect()).RepoTags).toContain(image);
      // 1 goes back to Containers, where s stops the container.
      await tui.press('1');
      await focusOn('containers');
      await tui.press('s');
      await tui.waitForText(`Stopped ${g}-tab`);
      await waitState(docker, ids.get(`${g}-tab`)!, 'exited');
    } finally {
      await tui.kill();
    }
  });
});
