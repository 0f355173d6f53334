// x saves an image to a tar file, d → f force-removes it, L loads it back (same id);
// a corrupt archive and a bad path give clear errors and change nothing.
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { TEST_LABELS, runTestContainer, testDocker, uniqueName, waitFor } from '../support/engine.js';
import { launchDtui } from '../support/dtui.js';
import type { TuiHarness } from '../support/pty-harness.js';

async function exists(docker: ReturnType<typeof testDocker>, ref: string): Promise<boolean> {
  try {
    await docker.getImage(ref).inspect();
    return true;
  } catch (err) {
    if ((err as { statusCode?: number }).statusCode === 404) return false;
    throw err;
  }
}

describe('image save / load (x, L)', () => {
  const docker = testDocker();
  const name = uniqueName('arch');
  const ref = `dtui-test/${name}:v1`;
  const dir = mkdtempSync(join(tmpdir(), 'dtui-arch-'));
  let containerId = '';
  let userId = '';
  let imageId = '';
  let tui: TuiHarness | undefined;

  afterAll(async () => {
    await tui?.kill('SIGKILL').catch(() => undefined);
    for (const c of [containerId, userId])
      if (c)
        await docker
          .getContainer(c)
          .remove({ force: true })
          .catch(() => undefined);
    await docker
      .getImage(imageId || ref)
      .remove({ force: true })
      .catch(() => undefined);
    rmSync(dir, { recursive: true, force: true });
  });

  it('round-trips a uniquely committed image through a tar file', async () => {
    // A committed image has an id of its own, so removing it really deletes it.
    containerId = await runTestContainer(docker, { name, cmd: ['sh', '-c', `echo ${name} > /unique.txt`] });
    await docker.getContainer(containerId).wait();
    const committed = (await docker.getContainer(containerId).commit({ repo: `dtui-test/${name}`, tag: 'v1' })) as { Id: string };
    const id = (imageId = committed.Id);
    // A second tag and a (never started) container of its own: plain removal would only
    // untag or be refused, so the dialog must offer force.
    await docker.getImage(id).tag({ repo: `dtui-test/${name}`, tag: 'v2' });
    userId = (await docker.createContainer({ name: `${name}-user`, Image: id, Labels: TEST_LABELS })).id;

    tui = await launchDtui();
    await tui.press('2', '/');
    await tui.type(name);
    await tui.press('enter');
    await tui.waitForText(`${name}:v1`);

    // Save.
    const path = join(dir, 'image.tar');
    await tui.press('x', '\x15');
    await tui.type(path);
    await tui.press('enter');
    await tui.waitForText(/Saved dtui-test\/.* to .*image\.tar \(\d/);
    expect(statSync(path).size).toBeGreaterThan(1000);
    expect(readFileSync(path).includes('manifest.json')).toBe(true);

    // Remove: a stopped container still uses it, so the dialog offers f (force).
    await tui.press('d');
    const dialog = await tui.waitForText('f force remove');
    expect(dialog).toContain('1 other tag(s)');
    expect(dialog).toMatch(/removes image \w{12} with all 2 tag\(s\), though 1 container/);
    await tui.press('f');
    await waitFor(async () => !(await exists(docker, id)), { timeout: 15_000, message: 'the image to be removed' });
    await tui.waitForText(/Force-removed image/);

    // Load it back: same id, same tag.
    await tui.press('L');
    await tui.type(path);
    await tui.press('enter');
    await tui.waitForText(`Loaded image: ${ref}`, { timeout: 30_000 });
    expect(((await docker.getImage(ref).inspect()) as { Id: string }).Id).toBe(id);
    await tui.waitForText(`${name}:v1`);
  }, 90_000);

  it('refuses a missing file and reports a corrupt archive clearly', async () => {
    const before = (await docker.listImages()).map((i) => i.Id).sort();
    await tui!.press('L');
    await tui!.type(join(dir, 'missing.tar'));
    await tui!.press('enter');
    await tui!.waitForText('does not exist');
    await tui!.press('\x15');
    const corrupt = join(dir, 'corrupt.tar');
    writeFileSync(corrupt, Buffer.alloc(20_000, 'this is not a tar archive\n'));
    await tui!.type(corrupt);
    await tui!.press('enter');
    await tui!.waitForText(/Could not load .*corrupt\.tar/, { timeout: 30_000 });
    // Longer than the status line: ! shows the whole message.
    await tui!.press('!');
    const screen = await tui!.waitForText(/invalid tar header — is it an archive made by/);
    expect(screen).toMatch(/Could not load .*corrupt\.tar/);
    expect((await docker.listImages()).map((i) => i.Id).sort()).toEqual(before);
  }, 60_000);
});
