// Space marks containers; s acts on every marked one after one confirmation that lists
// them, and the engine agrees. Marks survive filtering and go with their container.
// o / O sort a list (the header shows ▲/▼) and the selection stays on its row.
// Volumes and Images mark too: d removes every marked row after one confirmation.
import { afterAll, describe, expect, it } from 'vitest';
import { TEST_IMAGE, testDocker } from '../support/engine.js';
import { filterTo, launchDtui } from '../support/dtui.js';
import { extraTag, group, listedNames, removeQuietly, runSleepers, selectedName, stateOf, waitSelected, waitState } from '../support/core-e2e.js';
import type { TuiHarness } from '../support/pty-harness.js';

const docker = testDocker();
const created: string[] = [];
afterAll(() => removeQuietly(docker, created));

/** Names in the list, read past the mark gutter ("│ * name" or "│   name"). */
function namesInOrder(tui: TuiHarness, g: string): string[] {
  const re = new RegExp(`^│ (?:[* ] )?(${g}-\\S+)`);
  return tui
    .screen()
    .split('\n')
    .map((l) => re.exec(l)?.[1])
    .filter((n): n is string => n !== undefined);
}

const markedLine = (tui: TuiHarness, name: string) =>
  tui
    .screen()
    .split('\n')
    .some((l) => l.startsWith(`│ * ${name} `));

/** Moves the selection to `name`: to the top, then down one row at a time, each step seen on screen. */
async function select(tui: TuiHarness, g: string, name: string): Promise<void> {
  const names = namesInOrder(tui, g);
  const at = names.indexOf(name);
  expect(at).toBeGreaterThanOrEqual(0);
  await tui.press('g');
  await waitSelected(tui, names[0]!);
  for (let i = 1; i <= at; i++) {
    await tui.press('down');
    await waitSelected(tui, names[i]!);
  }
}

describe('marks and sort', () => {
  it('o sorts by name (▲), O reverses (▼), o again sorts by state; the selection stays on its row', async () => {
    const g = group();
    const ids = await runSleepers(docker, g, ['b', 'a', 'c']);
    created.push(...ids.values());
    await docker.getContainer(ids.get(`${g}-c`)!).stop({ t: 0 });
    const tui = await launchDtui();
    try {
      await filterTo(tui, g);
      await tui.waitForScreen(() => listedNames(tui, g).length === 3);
      // Before any sort: newest first, names breaking ties within one second of Created —
      // c, a, b or (all three in one second) a, b, c, as the engine's timestamps say.
      const listed = await docker.listContainers({ all: true, filters: { name: [g] } });
      const engineOrder = listed.sort((x, y) => y.Created - x.Created || x.Names[0]!.localeCompare(y.Names[0]!)).map((c) => c.Names[0]!.replace(/^\//, ''));
      expect(listedNames(tui, g)).toEqual(engineOrder);
      await select(tui, g, `${g}-a`);

      await tui.press('o');
      await tui.waitForScreen((s) => s.includes('NAME▲') && namesInOrder(tui, g).join() === [`${g}-a`, `${g}-b`, `${g}-c`].join());
      expect(selectedName(tui)).toBe(`${g}-a`);

      await tui.press('O');
      await tui.waitForScreen((s) => s.includes('NAME▼') && namesInOrder(tui, g).join() === [`${g}-c`, `${g}-b`, `${g}-a`].join());
      expect(selectedName(tui)).toBe(`${g}-a`);

      // STATE ▲: exited after running ("exited" < "running"), ties in the engine's order.
      await tui.press('o');
      await tui.waitForScreen((s) => s.includes('STATE▲') && namesInOrder(tui, g)[0] === `${g}-c`);
      expect(selectedName(tui)).toBe(`${g}-a`);
      // Remembered for the session: another pane and back keeps the order.
      await tui.press('2');
      await tui.press('1');
      await tui.waitForText('STATE▲');
    } finally {
      await tui.kill();
    }
  });

  it('Space marks 3 of 4, the marks survive a filter, s stops exactly those after one confirmation', async () => {
    const g = group();
    const ids = await runSleepers(docker, g, ['a', 'b', 'c', 'd']);
    created.push(...ids.values());
    const tui = await launchDtui();
    try {
      await filterTo(tui, g);
      await tui.waitForScreen(() => listedNames(tui, g).length === 4);
      await tui.press('o'); // by name: a b c d
      await tui.waitForText('NAME▲');
      for (const n of ['a', 'b', 'c']) {
        await select(tui, g, `${g}-${n}`);
        await tui.press('space');
        await tui.waitForScreen(() => markedLine(tui, `${g}-${n}`));
      }
      await tui.waitForText('Containers (4/');
      await tui.waitForText('· 3 marked');
      expect(markedLine(tui, `${g}-d`)).toBe(false);

      // Narrow the filter to d alone: the marks are kept, and the count still says 3.
      // (A second / selects the kept filter text, so typing replaces it.)
      await tui.press('/');
      await tui.type(`${g}-d`);
      await tui.press('enter');
      await tui.waitForScreen((s) => s.includes(`/${g}-d`) && namesInOrder(tui, g).length === 1);
      expect(tui.screen()).toContain('· 3 marked');
      await tui.press('esc');
      await filterTo(tui, g);

      await tui.press('s');
      const dialog = await tui.waitForText('Stop 3 marked containers? y/N');
      for (const n of ['a', 'b', 'c']) expect(dialog).toContain(`${g}-${n} (`);
      expect(dialog).not.toContain(`${g}-d (`);
      await tui.press('y');
      await tui.waitForText('Stopped 3 containers', { timeout: 20_000 });
      for (const n of ['a', 'b', 'c']) expect(await stateOf(docker, ids.get(`${g}-${n}`)!)).toBe('exited');
      expect(await stateOf(docker, ids.get(`${g}-d`)!)).toBe('running');
      // Done: the marks are cleared.
      await tui.waitForScreen((s) => !s.includes('marked'));
    } finally {
      await tui.kill();
    }
  });

  it('a mark goes with its container; with no mark s stops the selected one, as before', async () => {
    const g = group();
    const ids = await runSleepers(docker, g, ['a', 'b']);
    created.push(...ids.values());
    const tui = await launchDtui();
    try {
      await filterTo(tui, g);
      await select(tui, g, `${g}-a`);
      await tui.press('space');
      await tui.waitForText('· 1 marked');
      await docker.getContainer(ids.get(`${g}-a`)!).remove({ force: true });
      await tui.waitForScreen((s) => !s.includes(`${g}-a `) && !s.includes('marked'));
      await select(tui, g, `${g}-b`);
      await tui.press('s');
      await tui.waitForText(`Stopped ${g}-b`, { timeout: 20_000 });
      await waitState(docker, ids.get(`${g}-b`)!, 'exited');
    } finally {
      await tui.kill();
    }
  });
});

/** Narrows the focused list to `text`; a second / selects the kept filter, so typing replaces it. */
async function narrowTo(tui: TuiHarness, text: string): Promise<void> {
  await tui.press('/');
  await tui.type(text);
  await tui.press('enter');
  // Kept, not still typed into: the hint bar is the list's again (no "keep" of the filter prompt).
  await tui.waitForScreen((s) => s.includes(`/${text}`) && !/ keep · /.test(s));
}

/** Marks the one row a filter on `name` leaves, and waits to see its mark. */
async function markOnly(tui: TuiHarness, name: string, count: number): Promise<void> {
  await narrowTo(tui, name);
  // The row, with or without the mark gutter ("│ * name", "│   name" once some row is marked).
  await tui.waitForScreen((s) => [`│ ${name}`, `│ * ${name}`, `│   ${name}`].some((row) => s.includes(row)));
  await tui.press('space');
  await tui.waitForScreen((s) => s.includes(`│ * ${name}`) && s.includes(`· ${count} marked`));
}

/** Whether the engine still has it: its inspect answers, or says 404. */
async function exists(inspect: () => Promise<unknown>): Promise<boolean> {
  return inspect().then(
    () => true,
    (err: { statusCode?: number }) => {
      if (err.statusCode === 404) return false;
      throw err;
    },
  );
}

const volumeExists = (name: string) => exists(() => docker.getVolume(name).inspect());
const imageExists = (ref: string) => exists(() => docker.getImage(ref).inspect());

/**
 * d with the first two of three rows marked: one dialog names exactly those two (`line(i)`),
 * y removes them, and the engine has lost those two and kept the third.
 */
async function removeTwoOfThree(tui: TuiHarness, plural: string, line: (i: number) => string, exists: (i: number) => Promise<boolean>): Promise<void> {
  await tui.press('d');
  const dialog = await tui.waitForText(`Remove 2 marked ${plural}? y/N`);
  expect(dialog).toContain(line(0));
  expect(dialog).toContain(line(1));
  expect(dialog).not.toContain(line(2));
  await tui.press('y');
  await tui.waitForText(`Removed 2 ${plural}`, { timeout: 20_000 });
  expect(await exists(0)).toBe(false);
  expect(await exists(1)).toBe(false);
  expect(await exists(2)).toBe(true);
}

describe('marks in other lists', () => {
  it('Volumes: Space marks 2 of 3 (kept across filters), d names both in one confirmation, the engine removes exactly those', async () => {
    const g = group();
    const names = ['a', 'b', 'c'].map((s) => `${g}-${s}`);
    for (const name of names) await docker.createVolume({ Name: name, Labels: { 'dtui.test': '1' } });
    const tui = await launchDtui();
    try {
      await tui.press('3');
      await tui.waitForText(/\[3\] Volumes/);
      await markOnly(tui, names[0]!, 1);
      await markOnly(tui, names[1]!, 2);
      await narrowTo(tui, g);
      await tui.waitForScreen((s) => s.includes(`│ * ${names[0]}`) && s.includes(`│ * ${names[1]}`) && s.includes(`│   ${names[2]}`));
      expect(tui.screen()).toContain('Volumes (3/');

      await removeTwoOfThree(
        tui,
        'volumes',
        (i) => `${names[i]} · local`,
        (i) => volumeExists(names[i]!),
      );
      await tui.waitForScreen((s) => !s.includes('marked') && !s.includes(`${names[0]} `) && s.includes(names[2]!));
      // A mark goes with its row: a volume of the same name made again comes back unmarked.
      await docker.createVolume({ Name: names[0]!, Labels: { 'dtui.test': '1' } });
      await tui.waitForScreen((s) => s.includes(`│   ${names[0]}`) || s.includes(`│ ${names[0]}`));
      expect(tui.screen()).not.toContain('marked');
    } finally {
      await tui.kill();
      for (const name of names)
        await docker
          .getVolume(name)
          .remove()
          .catch(() => undefined);
    }
  });

  it('Images: two marked tags are removed with one confirmation; the image and its other tags stay', async () => {
    const g = group();
    const refs = [await extraTag(docker, `${g}-a`), await extraTag(docker, `${g}-b`), await extraTag(docker, `${g}-c`)];
    const tui = await launchDtui();
    try {
      await tui.press('2');
      await tui.waitForText('h history');
      await markOnly(tui, `${g}-a`, 1);
      await markOnly(tui, `${g}-b`, 2);
      await narrowTo(tui, g);
      await tui.waitForScreen((s) => s.includes(`│ * ${g}-a`) && s.includes(`│ * ${g}-b`) && s.includes(`│   ${g}-c`));
      await removeTwoOfThree(
        tui,
        'images',
        (i) => `${refs[i]} · id`,
        (i) => imageExists(refs[i]!),
      );
      expect(await imageExists(TEST_IMAGE)).toBe(true);
      await tui.waitForScreen((s) => !s.includes('marked') && !s.includes(`${g}-a`));
    } finally {
      await tui.kill();
      for (const ref of refs)
        await docker
          .getImage(ref)
          .remove()
          .catch(() => undefined);
    }
  });
});
