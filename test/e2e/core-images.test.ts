// The Images list against the real engine: repo:tag, short id, size, created, dangling
// images marked; d removes one tag after a dialog naming it; an image in use is a clear
// conflict and nothing is removed. TEST_IMAGE itself is never removed (other files use it).
import { afterAll, describe, expect, it } from 'vitest';
import { onPodman } from '../support/podman.js';
import { TEST_IMAGE, runTestContainer, testDocker } from '../support/engine.js';
import { filterTo, launchDtui } from '../support/dtui.js';
import { SLEEPER, extraTag, group, removeQuietly } from '../support/core-e2e.js';

const docker = testDocker();
const containers: string[] = [];
const images: string[] = [];
afterAll(async () => {
  await removeQuietly(docker, containers);
  for (const ref of images.reverse())
    await docker
      .getImage(ref)
      .remove({ force: true })
      .catch(() => undefined);
});

async function exists(ref: string): Promise<boolean> {
  try {
    await docker.getImage(ref).inspect();
    return true;
  } catch {
    return false;
  }
}

/** A new image (its own id) made by committing a stopped container; untagged when repo is omitted. */
async function commitImage(g: string, repo?: string): Promise<string> {
  const id = await runTestContainer(docker, { name: `${g}-src${repo ? 't' : 'd'}`, cmd: ['true'], start: false });
  containers.push(id);
  const { Id } = (await docker.getContainer(id).commit(repo ? { repo, tag: 'v1' } : {})) as { Id: string };
  images.push(Id);
  return Id;
}

describe('images', () => {
  it('shows repo:tag, short id, size and age, marks dangling images, and filters by id', async () => {
    const g = group();
    const tag = await extraTag(docker, `dtui-img-${g}`);
    images.push(tag);
    const danglingId = await commitImage(g);
    const short = danglingId.replace(/^sha256:/, '').slice(0, 12);
    const tui = await launchDtui();
    try {
      await tui.press('2');
      await filterTo(tui, `dtui-img-${g}`);
      const testImageId = (await docker.getImage(TEST_IMAGE).inspect()).Id.replace(/^sha256:/, '').slice(0, 12);
      const screen = await tui.waitForText(new RegExp(`│ ${tag}\\s+${testImageId}\\s+[\\d.]+(?:KiB|MiB)\\s+\\S.* ago`));
      expect(screen).toMatch(/Images \(1\/\d+\)/);
      await tui.press('esc');
      // One key at a time: an Esc read together with the next key would be Alt+/.
      await tui.waitForScreen((s) => !s.includes(`/dtui-img-${g}`));
      await filterTo(tui, short);
      await tui.waitForText(new RegExp(`│ dangling <none>:<none>\\s+${short}`));
      expect(await exists(danglingId)).toBe(true);
    } finally {
      await tui.kill();
    }
  });

  it('d removes the selected extra tag after a dialog naming repo:tag and id; n keeps it', async () => {
    const g = group();
    const tag = await extraTag(docker, `dtui-rmi-${g}`);
    images.push(tag);
    const shortId = (await docker.getImage(tag).inspect()).Id.replace(/^sha256:/, '').slice(0, 12);
    const tui = await launchDtui();
    try {
      await tui.press('2');
      await filterTo(tui, `dtui-rmi-${g}`);
      await tui.waitForText(`Image ${tag}`);
      await tui.press('d');
      await tui.waitForScreen((s) => s.includes(`Remove image ${tag}? y/N`) && s.includes(`id ${shortId}`) && /only this tag/.test(s));
      await tui.press('n');
      await tui.waitForScreen((s) => !s.includes('Remove image'));
      expect(await exists(tag)).toBe(true);
      await tui.press('d');
      await tui.waitForText(`Remove image ${tag}? y/N`);
      await tui.press('y');
      await tui.waitForText(`Removed image ${tag}`);
      await tui.waitForText(`No image matches "dtui-rmi-${g}"`);
      expect(await exists(tag)).toBe(false);
      expect(await exists(TEST_IMAGE)).toBe(true);
    } finally {
      await tui.kill();
    }
  });

  it('removing an image a container uses is a clear conflict, and nothing is removed', async () => {
    const g = group();
    const repo = `dtui-used-${g}`;
    const imageId = await commitImage(g, repo);
    const user = await runTestContainer(docker, { name: `${g}-user`, image: `${repo}:v1`, cmd: SLEEPER });
    containers.push(user);
    const tui = await launchDtui();
    try {
      await tui.press('2');
      await filterTo(tui, repo);
      await tui.waitForText(`Image ${repo}:v1`);
      await tui.press('d');
      await tui.waitForScreen((s) => s.includes(`Remove image ${repo}:v1? y/N`) && s.includes(`Used by 1 container(s) (${g}-user)`));
      await tui.press('y');
      const screen = await tui.waitForText(`Cannot remove ${repo}:v1: it is in use — nothing was removed`);
      // Podman gives its own reason with the same 409.
      expect(screen).toMatch(onPodman() ? /409: image \S+ is in use/ : /409: conflict/);
      expect(await exists(`${repo}:v1`)).toBe(true);
      expect(await exists(imageId)).toBe(true);
      expect((await docker.getContainer(user).inspect()).State.Status).toBe('running');
      // Still responsive: focus goes back to Containers.
      await tui.press('1');
      await tui.waitForText(/s stop · S start/);
    } finally {
      await tui.kill();
    }
  });
});
