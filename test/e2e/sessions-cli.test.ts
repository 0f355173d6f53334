// --exec-via-cli: e runs `docker exec -it` (the docker CLI) in a local pty.
import { execFileSync } from 'node:child_process';
import { afterAll, describe, expect, it } from 'vitest';
import { runTestContainer, testDocker } from '../support/engine.js';
import { filterTo, launchDtui } from '../support/dtui.js';
import { expectTerminalRestored, markTerminal } from './session-helpers.js';
import { group } from '../support/core-e2e.js';

describe('--exec-via-cli', () => {
  const docker = testDocker();
  const name = `cli-${group()}`; // short: the detail pane's title must show the name in full
  let id = '';
  afterAll(async () => {
    if (id) await docker.getContainer(id).remove({ force: true }).catch(() => undefined);
  });

  it('runs the shell through the docker CLI and reports its exit code', async () => {
    id = await runTestContainer(docker, { name, cmd: ['sleep', '3600'] });
    // The CLI finds the engine through DOCKER_HOST, which launchDtui sets.
    const tui = await launchDtui({ args: ['--exec-via-cli'] });
    try {
      await filterTo(tui, name);
      await tui.waitForText(new RegExp(`(?:Logs l|Top t|Stats m|Inspect i)\\s+${name} running`));
      const mark = await markTerminal(tui);
      await tui.press('e');
      await tui.waitForText('/ #');
      await tui.type('echo cli-$((6*7)); stty size\r');
      await tui.waitForText(/^cli-42\s*$/m);
      await tui.waitForText(/^45 160\s*$/m);
      // The session really is the docker CLI, a child of dtui.
      const children = execFileSync('ps', ['-o', 'args=', '--ppid', String(tui.pid)], { encoding: 'utf8' });
      expect(children).toMatch(new RegExp(`docker exec -it ${id} sh`));
      await tui.type('exit 3\r');
      await tui.waitForText(`exec sh in ${name} exited with code 3`);
      await expectTerminalRestored(tui, mark, 'cli-42');
    } finally {
      await tui.kill('SIGKILL');
    }
  });
});
