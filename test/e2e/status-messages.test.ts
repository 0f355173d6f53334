// Status messages a new user can trust: an outcome does not stick across the next action,
// a long error is readable whole (! opens it), a container removed elsewhere while its
// remove dialog was open is "already removed", and a lost engine is named once, with the
// real cause (a missing socket says so).
import { unlinkSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { runTestContainer, testDocker, TEST_IMAGE, TEST_LABELS } from '../support/engine.js';
import { filterTo, launchDtui } from '../support/dtui.js';
import { group, removeQuietly, SLEEPER, waitSelected, waitState } from '../support/core-e2e.js';
import { startPrivateEngine } from '../support/private-engine.js';

const docker = testDocker();
const created: string[] = [];
afterAll(() => removeQuietly(docker, created));

describe('status messages', () => {
  it('an outcome is cleared by the next action', async () => {
    const g = group();
    const name = `${g}-clr`;
    const id = await runTestContainer(docker, { name, cmd: SLEEPER });
    created.push(id);
    const tui = await launchDtui();
    try {
      await filterTo(tui, g);
      await waitSelected(tui, name);
      await tui.press('s');
      await tui.waitForText(`Stopped ${name}`);
      await waitState(docker, id, 'exited');
      await tui.press('t'); // Top: an unrelated action
      await tui.waitForScreen((s) => !s.includes(`Stopped ${name}`));
    } finally {
      await tui.kill();
    }
  });

  it('a long error is cut in the status line with a key that opens it whole', async () => {
    const g = group();
    const name = `${g}-long`;
    // Starting it fails with the missing path in the engine's message, well past 80 columns.
    const missing = `/no/such/${'deep-folder/'.repeat(5)}program`;
    const c = await docker.createContainer({ name, Image: TEST_IMAGE, Labels: TEST_LABELS, Cmd: [missing] });
    created.push(c.id);
    const tui = await launchDtui({ cols: 80 });
    try {
      await filterTo(tui, g);
      await waitSelected(tui, name);
      await tui.press('S');
      const screen = await tui.waitForText(/Could not start .*\(!: all\)/);
      expect(screen).not.toContain(missing);
      await tui.press('!');
      await tui.waitForText('Last message');
      // The whole message, wrapped: the path is there once the rows are joined.
      const joined = tui
        .screen()
        .split('\n')
        .map((l) => /^│ (.*?)\s*│$/.exec(l)?.[1] ?? '')
        .join('');
      expect(joined).toContain(missing);
      await tui.press('esc');
      await tui.waitForScreen((s) => !s.includes('Last message'));
    } finally {
      await tui.kill();
    }
  });

  it('a container removed elsewhere while its remove dialog is open is "already removed"', async () => {
    const g = group();
    const name = `${g}-gone`;
    const id = await runTestContainer(docker, { name, cmd: SLEEPER });
    created.push(id);
    const tui = await launchDtui();
    try {
      await filterTo(tui, g);
      await waitSelected(tui, name);
      await tui.press('d');
      await tui.waitForText(`Remove container ${name}?`);
      await docker.getContainer(id).remove({ force: true });
      await waitState(docker, id, undefined);
      await tui.press('y');
      const screen = await tui.waitForText(`${name} was already removed`);
      // Word boundaries: the 64-hex id in the message may contain the digits "404".
      expect(screen).not.toMatch(/\b404\b|HTTP code|status code/i);
    } finally {
      await tui.kill();
    }
  });
});

describe('a lost engine', () => {
  it('is named once, and a missing socket says so', async () => {
    const engine = await startPrivateEngine();
    const tui = await launchDtui({ env: { DOCKER_HOST: engine.host } });
    try {
      await engine.kill();
      const socket = engine.host.replace(/^unix:\/\//, '');
      unlinkSync(socket);
      const screen = await tui.waitForText(`engine unreachable — retrying… (no socket at ${socket}`, { timeout: 15_000 });
      expect(screen).not.toMatch(/unreachable.*unreachable/);
    } finally {
      await tui.kill();
      await engine.dispose();
    }
  }, 120_000);
});
