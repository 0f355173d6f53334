// Podman as an engine (issue 10): what only Podman's Docker-compatible socket can show —
// the header and the Engine pane name Podman and its version, and the panes whose endpoint
// answers differently say what this engine does not offer instead of failing. The core flows
// themselves run against Podman through the `podman` vitest project (vitest.config.ts).
import { afterAll, describe, expect, it } from 'vitest';
import { TEST_IMAGE, TEST_LABELS, runTestContainer, testDocker } from '../support/engine.js';
import { filterTo, launchDtui } from '../support/dtui.js';
import { group, removeQuietly, SLEEPER, waitSelected } from '../support/core-e2e.js';
import { createTestNetwork, removeTestNetworks } from './networks-helpers.js';

const docker = testDocker();
const created: string[] = [];
const networks: string[] = [];
afterAll(async () => {
  await removeQuietly(docker, created);
  await removeTestNetworks(docker, networks, '10.231.41');
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

  it('Logs of a quiet container load at once and then follow (Podman sends no headers until a line)', async () => {
    const g = group();
    const name = `${g}-quiet`;
    // Quiet for a while after its first line, as a server waiting for requests is.
    // It prints its second line once the test says go.
    const id = await runTestContainer(docker, {
      name,
      cmd: ['sh', '-c', 'echo first; while [ ! -f /tmp/go ]; do sleep 0.1; done; echo second; sleep 3600'],
    });
    created.push(id);
    const tui = await launchDtui();
    try {
      await filterTo(tui, g);
      await waitSelected(tui, name);
      await tui.waitForScreen((s) => /following · 1 lines? /.test(s) && s.includes('first'), { timeout: 10_000 });
      const exec = await docker.getContainer(id).exec({ Cmd: ['touch', '/tmp/go'] });
      await exec.start({ Detach: true });
      await tui.waitForScreen((s) => /following · 2 lines/.test(s) && s.includes('second'), { timeout: 15_000 });
      // The resumed stream repeats the last second (whole-second stamps): shown once.
      expect(tui.screen().split('first').length).toBe(2);
    } finally {
      await tui.kill();
    }
  });

  it('Networks count the containers on them (Podman names the network where dockerd puts its id)', async () => {
    const g = group();
    const net = `${g}-net`;
    networks.push(net);
    await createTestNetwork(docker, net, '10.231.41.0/24');
    const tui = await launchDtui();
    try {
      await tui.press('5');
      await tui.waitForText(new RegExp(`${net}\\s+bridge\\s+local\\s+10\\.231\\.41\\.0/24\\s+0\\s`));
      const on = await docker.createContainer({ name: `${g}-on`, Image: TEST_IMAGE, Cmd: SLEEPER, Labels: TEST_LABELS, HostConfig: { NetworkMode: net } });
      created.push(on.id);
      await on.start();
      await tui.waitForText(new RegExp(`${net}\\s+bridge\\s+local\\s+10\\.231\\.41\\.0/24\\s+1\\s`), { timeout: 10_000 });
    } finally {
      await tui.kill();
    }
  });
});
