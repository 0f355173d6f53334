// The smallest whole journey: launch against the real engine, see a container, quit.
import { afterAll, describe, expect, it } from 'vitest';
import { runTestContainer, testDocker, uniqueName } from '../support/engine.js';
import { launchDtui } from '../support/dtui.js';

describe('dtui smoke', () => {
  const docker = testDocker();
  const name = uniqueName('smoke');
  let id = '';
  afterAll(async () => {
    if (id)
      await docker
        .getContainer(id)
        .remove({ force: true })
        .catch(() => undefined);
  });

  it('shows the engine and a running container, and q exits 0 with the terminal restored', async () => {
    id = await runTestContainer(docker, { name, cmd: ['sh', '-c', 'echo hello-from-smoke; sleep 3600'] });
    const tui = await launchDtui();
    const screen = await tui.waitForText(name);
    expect(screen).toMatch(/Docker 20\.10|Docker \d+\.\d+/);
    expect(screen).toMatch(/API 1\.\d+/);
    await tui.press('q');
    const exit = await tui.exited;
    expect(exit.exitCode).toBe(0);
    // Left the alternate screen and showed the cursor again.
    expect(tui.raw().lastIndexOf('\x1b[?1049l')).toBeGreaterThan(tui.raw().lastIndexOf('\x1b[?1049h'));
    expect(tui.raw()).toContain('\x1b[?25h');
  });
});
