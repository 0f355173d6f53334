// A newcomer's way in: `npm run demo` (scripts/demo/main.ts) starts a private engine with a
// small scene, opens dtui on it in the same terminal, and removes all of it on quit — q in
// dtui, or SIGTERM to the demo script. And dtui without an engine points at the demo.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { spawnTui, type TuiHarness } from '../support/pty-harness.js';
import { SCENE_CONTAINERS } from '../../scripts/demo/scene.js';

const TSX = join(import.meta.dirname, '../../node_modules/.bin/tsx');

/** Pids whose command line mentions `dir`: the demo engine's dockerd, containerd, shims. */
function processesIn(dir: string): number[] {
  return readdirSync('/proc')
    .filter((e) => /^\d+$/.test(e))
    .filter((pid) => {
      try {
        return readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(`${dir}/`);
      } catch {
        return false;
      }
    })
    .map(Number);
}

/** Starts the demo and waits until dtui shows the whole scene; returns the engine's dir. */
async function startDemo(): Promise<{ tui: TuiHarness; dir: string }> {
  const tui = spawnTui({ command: TSX, args: ['scripts/demo/main.ts'], env: { DOCKER_HOST: undefined } });
  try {
    const screen = await tui.waitForScreen((s) => SCENE_CONTAINERS.every((name) => s.includes(`│ ${name} `)), { timeout: 120_000 });
    expect(screen).toMatch(/│ nightly-backup .*Exited \(1\)/);
    expect(screen).toMatch(/│ demo-web-1 .*running/);
  } catch (err) {
    await tui.kill('SIGKILL').catch(() => undefined);
    throw err;
  }
  const dir = /engine unix:\/\/(\/tmp\/\S+)\/docker\.sock in /.exec(tui.raw())?.[1];
  expect(dir).toBeDefined();
  expect(existsSync(dir!)).toBe(true);
  expect(processesIn(dir!).length).toBeGreaterThan(0);
  return { tui, dir: dir! };
}

describe('npm run demo', () => {
  it('shows the scene (Compose project, exited job, the web server request log), and q removes the engine and its dir', async () => {
    const { tui, dir } = await startDemo();
    // The the web server request log, live in the Logs tab.
    await tui.press('/');
    await tui.type('demo-web');
    await tui.press('enter');
    await tui.waitForText(/response:200/, { timeout: 20_000 });
    await tui.press('q');
    const exit = await tui.exited;
    expect(exit.exitCode).toBe(0);
    expect(tui.raw()).toContain(`removing ${dir}`);
    expect(existsSync(dir)).toBe(false);
    expect(processesIn(dir)).toEqual([]);
  }, 180_000);

  it('SIGTERM to the demo script also stops the engine and removes its dir', async () => {
    const { tui, dir } = await startDemo();
    const exit = await tui.kill('SIGTERM');
    expect(exit.exitCode).toBe(143);
    expect(existsSync(dir)).toBe(false);
    expect(processesIn(dir)).toEqual([]);
  }, 180_000);
});

describe('dtui with no engine', () => {
  it('names npm run demo in its one-line message and exits 1', async () => {
    const tui = spawnTui({ args: ['bin/dtui', '-H', 'unix:///nonexistent.sock'], env: { DOCKER_HOST: undefined }, waitForRawMode: false });
    const exit = await tui.exited;
    expect(exit.exitCode).toBe(1);
    const lines = tui
      .raw()
      .split(/\r?\n/)
      .filter((l) => l.trim() !== '');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^dtui: Cannot connect to the Docker engine at unix:\/\/\/nonexistent\.sock: .*npm run demo/);
  });
});
