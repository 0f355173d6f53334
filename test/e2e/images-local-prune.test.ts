// X on Images: the dialog lists the dangling images that go (id, size) and what it frees;
// y prunes them and the status says what was reclaimed.
import { afterAll, describe, expect, it } from 'vitest';
import { runTestContainer, testDocker, uniqueName, waitFor } from '../support/engine.js';
import { launchDtui } from '../support/dtui.js';
import type { TuiHarness } from '../support/pty-harness.js';

describe('prune dangling images (X)', () => {
  const docker = testDocker();
  const name = uniqueName('prune');
  let imageId = '';
  let tui: TuiHarness | undefined;

  afterAll(async () => {
    await tui?.kill('SIGKILL').catch(() => undefined);
    if (imageId) await docker.getImage(imageId).remove({ force: true }).catch(() => undefined);
  });

  it('lists a dangling image it created and removes it on y', async () => {
    const containerId = await runTestContainer(docker, { name, cmd: ['sh', '-c', `echo ${name} > /dangling.txt`] });
    await docker.getContainer(containerId).wait();
    // Committed without a repository or tag: dangling from birth.
    imageId = ((await docker.getContainer(containerId).commit({})) as { Id: string }).Id;
    await docker.getContainer(containerId).remove({ force: true });
    const short = imageId.replace('sha256:', '').slice(0, 12);

    tui = await launchDtui();
    await tui.press('2');
    await tui.waitForText(short);
    await tui.press('X');
    const dialog = await tui.waitForText(/Prune \d+ dangling image/);
    expect(dialog).toMatch(new RegExp(`${short}\\s+\\d[\\d.]*[kMG]?B`));
    expect(dialog).toMatch(/Frees up to \d/);
    await tui.press('y');
    await tui.waitForText(/Pruned \d+ dangling image\(s\), reclaimed \d/, { timeout: 20_000 });
    await waitFor(async () => {
      try {
        await docker.getImage(imageId).inspect();
        return false;
      } catch (err) {
        return (err as { statusCode?: number }).statusCode === 404;
      }
    }, { timeout: 10_000, message: 'the dangling image to be gone' });
    await waitFor(() => !tui!.screen().includes(short), { timeout: 10_000, message: 'the row to leave the list' });
  }, 60_000);
});
