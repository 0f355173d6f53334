// A hostile engine: every field of every answer dtui reads carries terminal attacks, in
// strings and where numbers, booleans and arrays belong (test/support/hostile-engine.ts).
// Nothing of them may reach the pty, and each view still shows the data's printable part.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ENV, runTestContainer, testDocker } from '../support/engine.js';
import { filterTo, launchDtui } from '../support/dtui.js';
import { group } from '../support/core-e2e.js';
import { LEAK_MARKERS, poison, startHostileEngine, ATTACK } from '../support/hostile-engine.js';

describe('hostile engine answers', () => {
  const docker = testDocker();
  const name = `hostile-eng-${group()}`;
  const volume = `hvol-${group()}`;
  const dir = mkdtempSync(join(tmpdir(), 'dtui-hostile-'));
  let id = '';
  afterAll(async () => {
    if (id)
      await docker
        .getContainer(id)
        .remove({ force: true })
        .catch(() => undefined);
    await docker
      .getVolume(volume)
      .remove()
      .catch(() => undefined);
    rmSync(dir, { recursive: true, force: true });
  });

  it('the generator reaches every leaf, whatever its type', () => {
    const out = poison({ a: 1, b: true, c: ['x', 2], d: { Labels: { k: 'v' } }, e: null }) as Record<string, unknown>;
    expect(out).toEqual({ a: `1${ATTACK}`, b: `true${ATTACK}`, c: [`x${ATTACK}`, `2${ATTACK}`], d: { Labels: { [`k${ATTACK}`]: `v${ATTACK}` } }, e: null });
  });

  it('lists, Engine pane, stats, top, inspect, history and volumes show only printable text', async () => {
    const upstream = process.env[ENV.dockerHost]!.replace(/^unix:\/\//, '');
    const engine = await startHostileEngine(join(dir, 'hostile.sock'), upstream);
    id = await runTestContainer(docker, { name, cmd: ['sleep', '3600'], labels: { role: 'victim' } });
    await docker.createVolume({ Name: volume, Labels: { role: 'victim' } });
    const tui = await launchDtui({ env: { DOCKER_HOST: `unix://${engine.socketPath}` } });
    try {
      await filterTo(tui, name);
      // The state is poisoned too, so it shows as unknown; the name is what was sent, printable part only.
      await tui.waitForText(new RegExp(`Stats m\\s+Inspect i\\s+${name}`));
      await tui.press('m');
      await tui.waitForText(/PIDs\s+\d+/);
      await tui.press('t');
      await tui.waitForText(/sleep 3600/);
      await tui.press('i');
      await tui.waitForText(/"Path": "sleep/);
      await tui.press('esc');
      await tui.press('2');
      await tui.waitForText(/dtui-test\/busybox/);
      await tui.press('h');
      await tui.waitForText(/History of dtui-test\/busybox[\s\S]*Imported from/);
      await tui.press('esc');
      await tui.press('3');
      await tui.waitForText(volume);
      await tui.press('4');
      const engineScreen = await tui.waitForText(/CPUs \/ memory\s+\d+ \//);
      expect(engineScreen).toMatch(/Containers\s+\d+ \(running \d+/);
      expect(engineScreen).toMatch(/Images\s+\d+/);

      const raw = tui.raw();
      for (const [what, seq] of LEAK_MARKERS) expect(raw.includes(seq), `${what} reached the terminal`).toBe(false);
      // q leaves the Engine view, the second q quits.
      await tui.press('q', 'q');
      expect((await tui.exited).exitCode).toBe(0);
    } finally {
      await tui.kill('SIGKILL');
      await engine.close();
    }
  });
});
