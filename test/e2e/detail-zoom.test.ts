// z in the detail pane: the pane takes the whole screen (a long log line or inspect value
// gets the terminal's width), z again or leaving the pane brings the lists back.
import { afterAll, describe, expect, it } from 'vitest';
import { runTestContainer, testDocker } from '../support/engine.js';
import { filterTo, launchDtui } from '../support/dtui.js';
import { group, removeQuietly, waitSelected } from '../support/core-e2e.js';

const docker = testDocker();
const created: string[] = [];
afterAll(() => removeQuietly(docker, created));

describe('detail zoom', () => {
  it('z shows the detail pane over the whole width, and back', async () => {
    const g = group();
    const name = `${g}-zoom`;
    // A line longer than the detail pane beside the lists (~70 columns at 160), shorter than 160.
    const tail = 'wide-line-end';
    const line = `${'w'.repeat(110)}${tail}`;
    created.push(await runTestContainer(docker, { name, cmd: ['sh', '-c', `echo ${line}; sleep 3600`] }));
    const tui = await launchDtui({ cols: 160 });
    try {
      await filterTo(tui, g);
      await waitSelected(tui, name);
      await tui.press('enter');
      await tui.waitForText('wwwwwwwwww');
      expect(tui.screen()).not.toContain(tail);
      await tui.press('z');
      const zoomed = await tui.waitForText(tail);
      expect(zoomed).not.toContain('[1] Containers');
      await tui.press('z');
      await tui.waitForScreen((s) => s.includes('[1] Containers') && !s.includes(tail));
    } finally {
      await tui.kill();
    }
  });
});
