// Podman as an engine (issue 10): what only Podman's Docker-compatible socket can show —
// the header and the Engine pane name Podman and its version, and the panes whose endpoint
// answers differently say what this engine does not offer instead of failing. The core flows
// themselves run against Podman through the `podman` vitest project (vitest.config.ts).
import { afterAll, describe, expect, it } from 'vitest';
import { runTestContainer, testDocker } from '../support/engine.js';
import { filterTo, launchDtui } from '../support/dtui.js';
import { group, removeQuietly, SLEEPER, waitSelected } from '../support/core-e2e.js';

const docker = testDocker();
const created: string[] = [];
afterAll(async () => {
  await removeQuietly(docker, created);
});

describe('Podman engine', () => {
  it('the header and the Engine pane say Podman and its version', async () => {
    const version = (await docker.version()) as { Components?: Array<{ Name: string; Version: string }> };
    const podmanVersion = version.Components?.find((c) => c.Name === 'Podman Engine')?.Version;
    expect(podmanVersion).toMatch(/^\d+\.\d+/);
    const tui = await launchDtui();
    try {
      const screen = tui.screen();
      expect(screen.split('\n')[0]).toContain(`Podman ${podmanVersion}`);
      expect(screen.split('\n')[0]).not.toContain('Docker');
      await tui.press('4');
      const engine = await tui.waitForText(new RegExp(`Version\\s+Podman ${podmanVersion}`), { timeout: 10_000 });
      expect(engine).toMatch(/Root dir\s+\//);
      expect(engine).not.toMatch(/\n\s+at /);
    } finally {
      await tui.kill();
    }
  });

  it('Stats and Top show what Podman reports, without blank panes or traces', async () => {
    const g = group();
    const name = `${g}-st`;
    created.push(await runTestContainer(docker, { name, cmd: SLEEPER }));
    const tui = await launchDtui();
    try {
      await filterTo(tui, g);
      await waitSelected(tui, name);
      await tui.press('m');
      await tui.waitForScreen((s) => /CPU/.test(s) && /MEM/i.test(s), { timeout: 10_000 });
      await tui.press('t');
      const top = await tui.waitForText('sleep 3600', { timeout: 10_000 });
      expect(top).not.toMatch(/\n\s+at /);
    } finally {
      await tui.kill();
    }
  });
});
