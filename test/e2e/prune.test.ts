// X on Images and on Volumes, on a private engine: a prune removes everything of its kind
// on the engine, which on the shared test engine could take another test file's fixture.
// Here the engine holds only what these tests create, so the dialog's listing is exact.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dockerFor, runTestContainer, TEST_IMAGE, uniqueName, waitFor } from '../support/engine.js';
import { launchDtui } from '../support/dtui.js';
import { startPrivateEngine, type PrivateEngine } from '../support/private-engine.js';
import type { TuiHarness } from '../support/pty-harness.js';

const gone = async (inspect: () => Promise<unknown>): Promise<boolean> => {
  try {
    await inspect();
    return false;
  } catch (err) {
    return (err as { statusCode?: number }).statusCode === 404;
  }
};

describe('prune (X) lists what goes and removes it on y', () => {
  let engine: PrivateEngine;
  let tui: TuiHarness | undefined;

  beforeAll(async () => {
    engine = await startPrivateEngine();
  }, 120_000);

  afterAll(async () => {
    await tui?.kill('SIGKILL').catch(() => undefined);
    await engine?.dispose();
  }, 60_000);

  it('prunes the dangling images, naming each with its size', async () => {
    const docker = dockerFor(engine.host);
    const name = uniqueName('prune');
    const containerId = await runTestContainer(docker, { name, cmd: ['sh', '-c', `echo ${name} > /dangling.txt`] });
    await docker.getContainer(containerId).wait();
    // Committed without a repository or tag: dangling from birth.
    const imageId = ((await docker.getContainer(containerId).commit({})) as { Id: string }).Id;
    await docker.getContainer(containerId).remove({ force: true });
    const short = imageId.replace('sha256:', '').slice(0, 12);

    tui = await launchDtui({ env: { DOCKER_HOST: engine.host } });
    await tui.press('2');
    await tui.waitForText(short);
    await tui.press('X');
    const dialog = await tui.waitForText('Prune 1 dangling image');
    expect(dialog).toMatch(new RegExp(`${short}\\s+\\d[\\d.]*(?:[KMG]i)?B`));
    expect(dialog).toMatch(/Frees up to \d/);
    await tui.press('y');
    await tui.waitForText(/Pruned 1 dangling image\(s\), reclaimed \d/, { timeout: 20_000 });
    await waitFor(() => gone(() => docker.getImage(imageId).inspect()), { timeout: 10_000, message: 'the dangling image to be gone' });
    await waitFor(() => !tui!.screen().includes(short), { timeout: 10_000, message: 'the row to leave the list' });
    // The tagged test image is not dangling and stays.
    expect(await gone(() => docker.getImage(TEST_IMAGE).inspect())).toBe(false);
    await tui.kill('SIGKILL');
    tui = undefined;
  }, 60_000);

  it('prunes the unused volumes and keeps the one a container uses', async () => {
    const docker = dockerFor(engine.host);
    const spare = uniqueName('volprune');
    const kept = uniqueName('volkept');
    await docker.createVolume({ Name: spare });
    await docker.createVolume({ Name: kept });
    await docker.createContainer({ name: uniqueName('voluser'), Image: TEST_IMAGE, Cmd: ['true'], HostConfig: { Binds: [`${kept}:/data`] } });

    tui = await launchDtui({ env: { DOCKER_HOST: engine.host } });
    await tui.press('3');
    await tui.waitForText(spare);
    await tui.press('X');
    const screen = await tui.waitForText('Prune 1 unused volume');
    // The list behind the dialog shows both volumes: look inside the dialog's frame only.
    const dialog = screen
      .split('\n')
      .filter((line) => line.includes('║'))
      .join('\n');
    expect(dialog).toContain(spare);
    expect(dialog).not.toContain(kept);
    await tui.press('y');
    await tui.waitForText(/Pruned 1 volume\(s\)/, { timeout: 20_000 });
    expect(await gone(() => docker.getVolume(spare).inspect())).toBe(true);
    expect(await gone(() => docker.getVolume(kept).inspect())).toBe(false);
  }, 60_000);
});
