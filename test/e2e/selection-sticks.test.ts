// Selection sticks to the container the person picked, not to its row: a container created
// above it (newer, or same second and earlier name) must not take over the highlight, so
// the `s` pressed next stops the one that was selected.
import { afterAll, describe, expect, it } from 'vitest';
import { runTestContainer, testDocker } from '../support/engine.js';
import { filterTo, launchDtui } from '../support/dtui.js';
import { group, listedNames, removeQuietly, SLEEPER, stateOf, waitSelected, waitState } from '../support/core-e2e.js';

const docker = testDocker();
const created: string[] = [];
afterAll(() => removeQuietly(docker, created));

describe('selection follows the container, not the position', () => {
  it('a container created above the selected one does not take the selection: s stops the selected one', async () => {
    const g = group();
    const tui = await launchDtui();
    try {
      // The filter matches nothing yet, so the selection is not pinned by any key press:
      // the case where the row index alone used to decide.
      await filterTo(tui, g);
      const picked = `${g}-z`;
      const pickedId = await runTestContainer(docker, { name: picked, cmd: SLEEPER });
      created.push(pickedId);
      await waitSelected(tui, picked);

      // Newer, or the same second with an earlier name: it sorts above the selected one.
      const above = `${g}-a`;
      const aboveId = await runTestContainer(docker, { name: above, cmd: SLEEPER });
      created.push(aboveId);
      await tui.waitForScreen(() => listedNames(tui, g).join(',') === `${above},${picked}`);
      await waitSelected(tui, picked);

      await tui.press('s');
      await tui.waitForText(`Stopped ${picked}`);
      await waitState(docker, pickedId, 'exited');
      expect(await stateOf(docker, aboveId)).toBe('running');
    } finally {
      await tui.kill();
    }
  });

  it('when the selected container disappears, the neighbour at its position takes over', async () => {
    const g = group();
    const ids = new Map<string, string>();
    for (const s of ['c', 'b', 'a']) {
      const name = `${g}-${s}`;
      ids.set(name, await runTestContainer(docker, { name, cmd: SLEEPER }));
      created.push(ids.get(name)!);
    }
    const tui = await launchDtui();
    try {
      await filterTo(tui, g);
      await tui.waitForScreen(() => listedNames(tui, g).length === 3);
      const order = listedNames(tui, g);
      await tui.press('j');
      await waitSelected(tui, order[1]!);
      await docker.getContainer(ids.get(order[1]!)!).remove({ force: true });
      await tui.waitForScreen(() => listedNames(tui, g).length === 2);
      await waitSelected(tui, order[2]!);
    } finally {
      await tui.kill();
    }
  });
});
