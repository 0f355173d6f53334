// The Volumes view (3): create with a validated name, see which container uses it,
// removal refused while in use, inspect and remove (prune: prune.test.ts, on a private engine).
import { afterAll, describe, expect, it } from 'vitest';
import { TEST_IMAGE, TEST_LABELS, testDocker, uniqueName } from '../support/engine.js';
import { launchDtui } from '../support/dtui.js';
import type { TuiHarness } from '../support/pty-harness.js';

async function volumeExists(docker: ReturnType<typeof testDocker>, name: string): Promise<boolean> {
  try {
    await docker.getVolume(name).inspect();
    return true;
  } catch (err) {
    if ((err as { statusCode?: number }).statusCode === 404) return false;
    throw err;
  }
}

describe('volumes view', () => {
  const docker = testDocker();
  const volume = uniqueName('vol');
  const user = uniqueName('voluser');
  let userId = '';
  let tui: TuiHarness | undefined;

  afterAll(async () => {
    await tui?.kill('SIGKILL').catch(() => undefined);
    if (userId)
      await docker
        .getContainer(userId)
        .remove({ force: true })
        .catch(() => undefined);
    await docker
      .getVolume(volume)
      .remove()
      .catch(() => undefined);
  });

  it('creates a volume, shows its user, refuses removal while in use, then removes it', async () => {
    tui = await launchDtui();
    await tui.press('3');
    await tui.waitForText(/\[3\] Volumes/);

    await tui.press('c');
    await tui.type('-bad');
    await tui.press('enter');
    await tui.waitForText('is not a valid volume name');
    await tui.press('\x15');
    await tui.type(volume);
    await tui.press('enter');
    await tui.waitForText(`Created volume ${volume}`);
    expect(await volumeExists(docker, volume)).toBe(true);

    await tui.press('/');
    await tui.type(volume);
    await tui.press('enter');
    await tui.waitForText(new RegExp(`${volume}\\s+local`));

    // A container mounting it: the list learns of it from events, no key pressed.
    userId = (
      await docker.createContainer({
        name: user,
        Image: TEST_IMAGE,
        Cmd: ['sleep', '3600'],
        Labels: TEST_LABELS,
        HostConfig: { Binds: [`${volume}:/data`] },
      })
    ).id;
    await tui.waitForText(new RegExp(`${volume}\\s+local\\s+\\S+\\s+${user}`));

    await tui.press('i');
    const inspect = await tui.waitForText(`"Name": "${volume}"`);
    expect(inspect).toContain('"Driver": "local"');
    await tui.press('esc');
    await tui.waitForText(/\[3\] Volumes/);

    await tui.press('d');
    await tui.waitForText(`Used by ${user}`);
    await tui.press('y');
    await tui.waitForText(`Cannot remove volume ${volume}: it is in use by ${user}`);
    expect(await volumeExists(docker, volume)).toBe(true);

    await docker.getContainer(userId).remove({ force: true });
    userId = '';
    await tui.waitForText(new RegExp(`${volume}\\s+local\\s+\\S+\\s+-`));
    await tui.press('d');
    await tui.waitForText('No container uses it');
    await tui.press('y');
    await tui.waitForText(`Removed volume ${volume}`);
    expect(await volumeExists(docker, volume)).toBe(false);
    await tui.waitForText(`No volume matches "${volume}"`);
  }, 60_000);
});
