// X on Networks, on a private engine (a prune takes every unused network of the engine,
// which on the shared one could be another test file's): the dialog lists exactly the
// networks no running container is on, y removes them, and a network created while the
// dialog was open is not pruned unseen.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dockerFor, TEST_IMAGE, uniqueName } from '../support/engine.js';
import { launchDtui } from '../support/dtui.js';
import { startPrivateEngine, type PrivateEngine } from '../support/private-engine.js';
import type { TuiHarness } from '../support/pty-harness.js';
import { createTestNetwork, inspectNetwork } from './networks-helpers.js';

describe('network prune (X)', () => {
  let engine: PrivateEngine;
  let tui: TuiHarness | undefined;

  beforeAll(async () => {
    engine = await startPrivateEngine();
  }, 120_000);

  afterAll(async () => {
    await tui?.kill('SIGKILL').catch(() => undefined);
    await engine?.dispose();
  }, 60_000);

  it('lists the unused networks, prunes them on y, keeps the used one and the one created meanwhile', async () => {
    const docker = dockerFor(engine.host);
    const idle = uniqueName('netidle');
    const used = uniqueName('netused');
    const stale = uniqueName('netstale');
    const late = uniqueName('netlate');
    await createTestNetwork(docker, idle, '10.231.31.0/24');
    const usedId = await createTestNetwork(docker, used, '10.231.32.0/24');
    const staleId = await createTestNetwork(docker, stale, '10.231.33.0/24');
    const runner = await docker.createContainer({
      name: uniqueName('netrunner'),
      Image: TEST_IMAGE,
      Cmd: ['sleep', '3600'],
      HostConfig: { NetworkMode: usedId },
    });
    await runner.start();
    // Created, never started: it names the network but has no endpoint on it.
    await docker.createContainer({ name: uniqueName('netsleeper'), Image: TEST_IMAGE, Cmd: ['true'], HostConfig: { NetworkMode: staleId } });

    tui = await launchDtui({ env: { DOCKER_HOST: engine.host } });
    await tui.press('5');
    await tui.waitForText(new RegExp(`${used}\\s+bridge\\s+local\\s+10\\.231\\.32\\.0/24\\s+1\\s`));
    await tui.waitForText(new RegExp(`${stale}\\s+bridge\\s+local\\s+10\\.231\\.33\\.0/24\\s+1 \\(0 running\\)`));
    await tui.press('X');
    const screen = await tui.waitForText('Prune 2 unused network(s)?');
    // The list behind the dialog shows every network: look inside the dialog's frame only.
    const dialog = screen
      .split('\n')
      .filter((line) => line.includes('║'))
      .join('\n');
    expect(dialog).toContain(`${idle} · bridge · 10.231.31.0/24`);
    expect(dialog).toContain(`${stale} · bridge · 10.231.33.0/24`);
    expect(dialog).not.toContain(used);
    expect(dialog).not.toMatch(/\b(host|none)\b ·/);

    await createTestNetwork(docker, late, '10.231.34.0/24');
    await tui.press('y');
    await tui.waitForText(/Pruned 2 network\(s\) \(/, { timeout: 20_000 });
    expect(await inspectNetwork(docker, idle)).toBeUndefined();
    expect(await inspectNetwork(docker, stale)).toBeUndefined();
    expect(await inspectNetwork(docker, used)).toBeDefined();
    expect(await inspectNetwork(docker, late)).toBeDefined();
    expect(await inspectNetwork(docker, 'host')).toBeDefined();
    // The rows go (the status line still names them).
    await tui.waitForScreen((s) => !new RegExp(`${idle}\\s+bridge`).test(s) && new RegExp(`${late}\\s+bridge`).test(s));

    // The late one is unused now and shows up in the next prune.
    await tui.press('X');
    const next = (await tui.waitForText('Prune 1 unused network(s)?'))
      .split('\n')
      .filter((line) => line.includes('║'))
      .join('\n');
    expect(next).toContain(late);
    await tui.press('n');
  }, 90_000);
});
