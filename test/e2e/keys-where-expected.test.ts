// Keys where a new user expects them (issue 15): q leaves a view and quits only from the
// top level; a second / selects the kept filter so typing replaces it; the container keys
// act on the container the Logs pane shows; Ctrl+L redraws over another program's output;
// stopping a --rm container asks first and says it will be removed.
import { writeFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { runTestContainer, testDocker, TEST_IMAGE, TEST_LABELS } from '../support/engine.js';
import { filterTo, launchDtui } from '../support/dtui.js';
import { group, listedNames, removeQuietly, SLEEPER, stateOf, waitSelected, waitState } from '../support/core-e2e.js';
import { hintedPane } from '../support/hints.js';

const docker = testDocker();
const created: string[] = [];
afterAll(() => removeQuietly(docker, created));

describe('keys where they are expected', () => {
  it('q leaves the Logs pane and the full-screen views; only q from a list quits', async () => {
    const g = group();
    const name = `${g}-q`;
    created.push(await runTestContainer(docker, { name, cmd: SLEEPER }));
    const tui = await launchDtui();
    try {
      await filterTo(tui, g);
      await waitSelected(tui, name);
      await tui.press('enter'); // the Logs pane
      await tui.waitForScreen((s) => hintedPane(s) === 'detail');
      await tui.press('q');
      // Back in the list: the list's filter key is offered again, and dtui still answers keys.
      await tui.waitForScreen((s) => hintedPane(s) === 'containers');
      await tui.press('4');
      await tui.waitForText(/CPUs \/ memory/);
      await tui.press('q');
      await tui.waitForText(/\[1\] Containers/);
      await tui.press('q');
      expect((await tui.exited).exitCode).toBe(0);
    } finally {
      await tui.kill('SIGKILL');
    }
  });

  it('a second / selects the kept filter: typing replaces it', async () => {
    const g = group();
    const [a, b] = [`${g}-aaa`, `${g}-bbb`];
    created.push(await runTestContainer(docker, { name: a, cmd: SLEEPER }));
    created.push(await runTestContainer(docker, { name: b, cmd: SLEEPER }));
    const tui = await launchDtui();
    try {
      await filterTo(tui, a);
      await tui.waitForScreen(() => listedNames(tui, g).join() === a);
      await filterTo(tui, b);
      // Not "/<a><b>": the old text was replaced.
      await tui.waitForScreen(() => listedNames(tui, g).join() === b);
      expect(tui.screen()).not.toContain(`/${a}`);
    } finally {
      await tui.kill();
    }
  });

  it('s in the Logs pane stops the container shown; S starts it (never "since")', async () => {
    const g = group();
    const name = `${g}-logs`;
    const id = await runTestContainer(docker, { name, cmd: SLEEPER });
    created.push(id);
    const tui = await launchDtui();
    try {
      await filterTo(tui, g);
      await waitSelected(tui, name);
      await tui.press('enter');
      await tui.press('s');
      await tui.waitForText(`Stopped ${name}`);
      await waitState(docker, id, 'exited');
      await tui.press('S');
      await tui.waitForText(`Started ${name}`);
      expect(await stateOf(docker, id)).toBe('running');
      // Since moved to @, so no key means "since" in one place and "start" one Esc away.
      await tui.press('@');
      await tui.waitForText('Only lines since');
    } finally {
      await tui.kill();
    }
  });

  it('Ctrl+L redraws the screen after another program wrote over it', async () => {
    const tui = await launchDtui();
    try {
      expect(tui.ptsName).toBeDefined();
      writeFileSync(tui.ptsName!, '\x1b[5;5HSCRIBBLED-OVER-BY-ANOTHER-PROGRAM');
      await tui.waitForText('SCRIBBLED-OVER');
      await tui.press('\x0c');
      await tui.waitForScreen((s) => !s.includes('SCRIBBLED-OVER') && /\[1\] Containers/.test(s));
    } finally {
      await tui.kill();
    }
  });

  it('stopping a --rm container asks first and says it will be removed', async () => {
    const g = group();
    const name = `${g}-rm`;
    const c = await docker.createContainer({ name, Image: TEST_IMAGE, Labels: TEST_LABELS, Cmd: SLEEPER, HostConfig: { AutoRemove: true } });
    created.push(c.id);
    await c.start();
    const tui = await launchDtui();
    try {
      await filterTo(tui, g);
      await waitSelected(tui, name);
      await tui.press('s');
      await tui.waitForText('stopping it also removes it');
      expect(await stateOf(docker, c.id)).toBe('running');
      await tui.press('y');
      await tui.waitForText(`Stopped ${name}`);
      await waitState(docker, c.id, undefined);
    } finally {
      await tui.kill();
    }
  });
});
