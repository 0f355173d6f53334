// h on an image: every layer with its full CREATED BY and size, as `docker history
// --no-trunc` says (compared with the engine's own answer), and o exports it.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { formatSize } from '../../src/engine/models/format.js';
import { runTestContainer, testDocker, uniqueName, waitFor } from '../support/engine.js';
import { launchDtui } from '../support/dtui.js';
import type { TuiHarness } from '../support/pty-harness.js';

describe('image history (h)', () => {
  const docker = testDocker();
  const name = uniqueName('hist');
  const repo = `dtui-test/${name}`;
  const dir = mkdtempSync(join(tmpdir(), 'dtui-hist-'));
  let containerId = '';
  let tui: TuiHarness | undefined;

  afterAll(async () => {
    await tui?.kill('SIGKILL').catch(() => undefined);
    if (containerId)
      await docker
        .getContainer(containerId)
        .remove({ force: true })
        .catch(() => undefined);
    await docker
      .getImage(`${repo}:v1`)
      .remove({ force: true })
      .catch(() => undefined);
    rmSync(dir, { recursive: true, force: true });
  });

  it('shows every layer with its full command and exports the docker history table', async () => {
    const marker = `history-marker-${'x'.repeat(150)}-end`;
    containerId = await runTestContainer(docker, { name, cmd: ['sh', '-c', `echo ${marker} > /marker.txt`] });
    await docker.getContainer(containerId).wait();
    await docker.getContainer(containerId).commit({ repo, tag: 'v1', comment: 'dtui history test' });
    const layers = (await docker.getImage(`${repo}:v1`).history()) as Array<{ Id: string; CreatedBy: string; Size: number; Comment: string }>;
    expect(layers.length).toBe(2);

    tui = await launchDtui();
    await tui.press('2', '/');
    await tui.type(name);
    await tui.press('enter');
    await tui.waitForText(`${repo}`);
    await tui.press('h');
    // The 150-character command is wrapped, never cut: its end is on screen too.
    const screen = await tui.waitForScreen((s) => s.includes('Imported from') && !s.includes('Reading the history'));
    expect(screen).toMatch(/History of .*2 layer/);
    expect(screen.replace(/[\s│]+/g, '')).toContain(`sh-cecho${marker}>/marker.txt`);
    expect(screen).toContain('dtui history test');

    await tui.press('o', '\x15');
    const path = join(dir, 'history.txt');
    await tui.type(path);
    await tui.press('enter');
    await tui.waitForText(/Wrote 3 lines/);
    const lines = readFileSync(path, 'utf8').trimEnd().split('\n');
    expect(lines[0]).toMatch(/^IMAGE\s+CREATED\s+CREATED BY\s+SIZE\s+COMMENT$/);
    lines.slice(1).forEach((line, i) => {
      const layer = layers[i]!;
      expect(line.startsWith(layer.Id)).toBe(true);
      expect(line).toContain(layer.CreatedBy);
      expect(line).toContain(`   ${formatSize(layer.Size)}   `);
      if (layer.Comment) expect(line.endsWith(layer.Comment)).toBe(true);
    });

    // An existing file is never overwritten.
    await tui.press('o', '\x15');
    await tui.type(path);
    await tui.press('enter');
    await tui.waitForText('already exists');
    await tui.press('esc');
    // One Esc at a time: two read together are not two Escape keys.
    await tui.waitForScreen((s) => !s.includes('already exists'));
    await tui.press('esc');
    await waitFor(() => !tui!.screen().includes('History of'), { timeout: 5000, message: 'the overlay to close' });
    await tui.waitForText(/\[2\] Images/);
  }, 60_000);
});
