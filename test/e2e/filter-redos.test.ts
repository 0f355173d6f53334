// Issue 13: a log filter is user input compiled into a matcher; a pattern that makes a
// backtracking engine spin (`(\w+\s?)+$` on a line of letters ending in `!`) must neither
// freeze dtui nor keep SIGTERM from restoring the terminal.
import { afterAll, describe, expect, it } from 'vitest';
import { runTestContainer, testDocker, uniqueName } from '../support/engine.js';
import { filterTo } from '../support/dtui.js';
import { runDtuiInShell } from '../support/shell-run.js';

const HOSTILE = '(\\w+\\s?)+$';

describe('a catastrophic filter pattern', () => {
  const docker = testDocker();
  const ids: string[] = [];
  afterAll(async () => {
    await Promise.all(
      ids.map((id) =>
        docker
          .getContainer(id)
          .remove({ force: true })
          .catch(() => undefined),
      ),
    );
  });

  it('is matched in linear time: the count shows, keys work, SIGTERM restores the terminal', async () => {
    const name = uniqueName('redos');
    // 2000 lines of 46 letters and a "!", and one line that matches.
    ids.push(
      await runTestContainer(docker, {
        name,
        cmd: ['sh', '-c', `i=0; while [ $i -lt 2000 ]; do echo ${'a'.repeat(46)}!; i=$((i+1)); done; echo last words; sleep 3600`],
      }),
    );
    const run = await runDtuiInShell();
    try {
      await run.tui.waitForText(/\[1\] Containers \(\d+/, { timeout: 15_000 });
      await filterTo(run.tui, name);
      await run.tui.waitForText(/\(1\/\d+\)/);
      await run.tui.press('l');
      await run.tui.waitForText('last words', { timeout: 20_000 });
      await run.tui.press('&');
      await run.tui.waitForText('Show only matching lines');
      await run.tui.type(HOSTILE);
      await run.tui.press('enter');
      // V8's RegExp would still be on the first line; the whole buffer is answered.
      const screen = await run.tui.waitForText(/& \/.*\/i 1 shown/, { timeout: 20_000 });
      expect(screen).toContain('last words');
      // The app answers keys after the filter…
      await run.tui.press('?');
      await run.tui.waitForText('Everywhere');
      await run.tui.press('esc');
      await run.tui.waitForScreen((screen) => !screen.includes('Everywhere'));
      // …and SIGTERM during a re-scan (the filter re-applied) still gives the terminal back.
      await run.tui.press('&');
      await run.tui.waitForText('Show only matching lines');
      await run.tui.press('enter');
      process.kill(run.dtuiPid, 'SIGTERM');
      await run.tui.waitForText('SHELL-DONE', { timeout: 15_000 });
      expect(run.read('code')).toBe('0');
      expect(run.read('after')).toBe(run.read('before'));
    } finally {
      await run.dispose();
    }
  });
});
