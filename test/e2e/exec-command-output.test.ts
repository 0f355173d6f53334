// E (run a command) keeps the command's output on screen, with its exit code, until a
// key is pressed: `ls /` is read, not flashed away (issue 15; lazydocker's "press enter").
import { afterAll, describe, expect, it } from 'vitest';
import { runTestContainer, testDocker } from '../support/engine.js';
import { filterTo, launchDtui } from '../support/dtui.js';
import { group, removeQuietly, SLEEPER, waitSelected } from '../support/core-e2e.js';

const docker = testDocker();
const created: string[] = [];
afterAll(() => removeQuietly(docker, created));

describe('E keeps the output', () => {
  it('shows the output and the exit code until a key, then dtui is back with the outcome', async () => {
    const g = group();
    const name = `${g}-ls`;
    created.push(await runTestContainer(docker, { name, cmd: SLEEPER }));
    const tui = await launchDtui();
    try {
      await filterTo(tui, g);
      await waitSelected(tui, name);
      await tui.press('E');
      await tui.waitForText('Command');
      await tui.type(`sh -c 'ls /; echo listed-the-root; exit 4'`);
      await tui.press('enter');
      // The output and how it ended, on the same screen, waiting for a key.
      const held = await tui.waitForText('press any key to return to dtui');
      expect(held).toContain('listed-the-root');
      expect(held).toMatch(/\betc\b/);
      expect(held).toContain(`in ${name} exited with code 4`);
      expect(held).not.toContain('[1] Containers');
      await tui.press('x');
      await tui.waitForScreen((s) => /\[1\] Containers/.test(s) && s.includes(`in ${name} exited with code 4`));
      // x was the "any key", not a key for dtui.
      expect(tui.screen()).not.toContain('press any key');
    } finally {
      await tui.kill();
    }
  });
});
