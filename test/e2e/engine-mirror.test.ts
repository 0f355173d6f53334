// The Engine view against a second, short-lived private dockerd started with a registry
// mirror and an insecure registry: both must show, as `docker info` reports them.
import { mkdtempSync, rmSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { startEngine, stopEngine, type EngineInfo } from '../support/dockerd.js';
import { dockerFor } from '../support/engine.js';
import { launchDtui } from '../support/dtui.js';
import type { TuiHarness } from '../support/pty-harness.js';

describe('Engine view (4)', () => {
  // Short prefix: containerd's sockets live below this dir and sun_path is 108 bytes.
  const dir = mkdtempSync('/tmp/dtm-');
  let engine: EngineInfo | undefined;
  let tui: TuiHarness | undefined;

  afterAll(async () => {
    await tui?.kill('SIGKILL').catch(() => undefined);
    if (engine) await stopEngine(dir);
    rmSync(dir, { recursive: true, force: true });
  }, 60_000);

  it('shows version, info, registry mirrors and insecure registries of the engine', async () => {
    engine = await startEngine(dir, {
      extraArgs: ['--registry-mirror', 'https://mirror.example.test', '--insecure-registry', '10.99.0.0/16'],
    });
    const info = await dockerFor(engine.dockerHost).info();
    expect(info.RegistryConfig.Mirrors).toContain('https://mirror.example.test/');
    tui = await launchDtui({ env: { DOCKER_HOST: engine.dockerHost } });
    await tui.press('4');
    const screen = await tui.waitForText('mirror.example.test');
    expect(screen).toMatch(/Registry mirrors\s+https:\/\/mirror\.example\.test/);
    expect(screen).toMatch(/Insecure registries\s+.*10\.99\.0\.0\/16/);
    expect(screen).toContain(`Storage driver       ${info.Driver}`);
    expect(screen).toContain(`Version              ${info.ServerVersion}`);
    // Disk usage (docker system df) answers after info: wait for it rather than expect it
    // in the frame that first showed the mirror.
    await tui.waitForText(/Local Volumes\s+0\s+0/);
    // The view follows the engine's events: a new volume shows up in the disk usage.
    await dockerFor(engine.dockerHost).createVolume({ Name: 'dtui-engine-view' });
    await tui.waitForText(/Local Volumes\s+1\s+0/);
    // At 80×24 the view is taller than the screen: it says so, and End scrolls to the rest.
    tui.resize(80, 24);
    await tui.waitForScreen((s) => /↓ \d+ more line/.test(s) && !/Build Cache/.test(s));
    await tui.press('end');
    const end = await tui.waitForScreen((s) => /Build Cache\s+\d+/.test(s) && s.includes('↑ k/PgUp for the lines above'));
    for (const line of end.split('\n')) expect([...line].length).toBeLessThanOrEqual(80);
    // 1 brings the lists back.
    await tui.press('1');
    await tui.waitForText(/\[1\] Containers/);
  }, 90_000);
});
