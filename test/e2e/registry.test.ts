// Pull, push, tag and search at the keyboard, against the real engine and private
// registries (Debian's docker-registry on loopback, one open, one with htpasswd auth).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type AddressInfo, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchDtui } from '../support/dtui.js';
import { TEST_IMAGE, runTestContainer, testDocker, uniqueName, waitFor } from '../support/engine.js';
import type { TuiHarness } from '../support/pty-harness.js';
import { startRegistry, type TestRegistry } from '../support/registry.js';

const docker = testDocker();
const made: string[] = [];
const dirs: string[] = [];
const auth = { username: 'dtui-user', password: 'Pw-9f3k-secret' };

async function hasImage(ref: string): Promise<boolean> {
  return docker
    .getImage(ref)
    .inspect()
    .then(
      () => true,
      () => false,
    );
}

async function tagTestImage(ref: string): Promise<void> {
  const colon = ref.lastIndexOf(':');
  await docker.getImage(TEST_IMAGE).tag({ repo: ref.slice(0, colon), tag: ref.slice(colon + 1) });
  made.push(ref);
}

/** An image with a layer of its own (so a pull after removal downloads it), named `ref`. */
async function uniqueImage(ref: string): Promise<void> {
  const id = await runTestContainer(docker, { name: uniqueName('layer'), cmd: ['sh', '-c', `echo ${ref} > /dtui-unique`] });
  const container = docker.getContainer(id);
  await container.wait();
  const colon = ref.lastIndexOf(':');
  await container.commit({ repo: ref.slice(0, colon), tag: ref.slice(colon + 1) });
  made.push(ref);
  await container.remove({ force: true });
}

async function registryTags(registry: TestRegistry, repo: string): Promise<string[]> {
  const headers: Record<string, string> = registry.credentials
    ? { Authorization: `Basic ${Buffer.from(`${registry.credentials.username}:${registry.credentials.password}`).toString('base64')}` }
    : {};
  const res = await fetch(`${registry.url}/v2/${repo}/tags/list`, { headers });
  if (!res.ok) return [];
  return ((await res.json()) as { tags?: string[] }).tags ?? [];
}

function dockerConfig(config: unknown): string {
  const dir = mkdtempSync(join(tmpdir(), 'dtui-dockercfg-'));
  dirs.push(dir);
  writeFileSync(join(dir, 'config.json'), JSON.stringify(config));
  return dir;
}

/** Images pane, narrowed to `text`, first match selected. */
async function focusImages(tui: TuiHarness, text: string): Promise<void> {
  await tui.press('2');
  await tui.waitForText(/\[2\] Images/);
  await tui.press('/');
  await tui.type(text);
  await tui.press('enter');
  await tui.waitForText(`/${text}`);
}

/** P, confirm, and wait for `outcome` (the push's end, or the login prompt). */
async function pushSelected(tui: TuiHarness, ref: string, outcome: string): Promise<string> {
  await tui.press('P');
  await tui.waitForText(`Push ${ref}? y/N`);
  await tui.press('y');
  return tui.waitForText(outcome, { timeout: 30_000 });
}

describe('registry actions in the Images pane', () => {
  let open: TestRegistry;
  let locked: TestRegistry;
  const tuis: TuiHarness[] = [];
  const launch = async (env?: Record<string, string | undefined>) => {
    const tui = await launchDtui({ env: { DOCKER_CONFIG: dockerConfig({}), ...env } });
    tuis.push(tui);
    return tui;
  };

  beforeAll(async () => {
    [open, locked] = await Promise.all([startRegistry(), startRegistry({ auth })]);
  });
  afterAll(async () => {
    await Promise.all(tuis.map((t) => t.kill('SIGKILL').catch(() => undefined)));
    await Promise.all(
      made.map((ref) =>
        docker
          .getImage(ref)
          .remove({ force: true })
          .catch(() => undefined),
      ),
    );
    await Promise.all([open?.stop(), locked?.stop()]);
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });

  it('pushes, removes and pulls back an image with progress bars on screen', async () => {
    const name = uniqueName('rt');
    const ref = `${open.host}/${name}:v1`;
    await uniqueImage(ref);
    const tui = await launch();
    await focusImages(tui, name);
    await tui.waitForText(`${ref}`);

    const pushed = await pushSelected(tui, ref, `Done: pushed ${ref}`);
    expect(pushed).toMatch(/Overall\s+\[#+\]\s+100%/);
    expect(await registryTags(open, name)).toEqual(['v1']);
    await tui.press('esc');
    await tui.waitForScreen((s) => !s.includes('Done: pushed'));

    await tui.press('d');
    await tui.waitForText(`Remove image ${ref}? y/N`);
    await tui.press('y');
    await waitFor(async () => !(await hasImage(ref)), { message: `${ref} removed` });

    await tui.press('p');
    await tui.waitForText('Pull image');
    await tui.type(ref);
    await tui.press('enter');
    const pulled = await tui.waitForText(/Done: pulled|Failed:/, { timeout: 30_000 });
    expect(pulled).toContain(`Pulling ${ref}`);
    // Its own layer is downloaded; the busybox layer beneath is still on the engine.
    expect(pulled).toMatch(/Pull complete\s+\[#+\]\s+100%/);
    expect(pulled).toMatch(/Already exists\s+\[#+\]\s+100%/);
    expect(pulled).toMatch(/Overall\s+\[#+\]\s+100%\s+2\/2 layers/);
    expect(await hasImage(ref)).toBe(true);
    // The image appears in the list (through the engine's events), under the progress view.
    await tui.press('enter');
    await tui.waitForScreen((s) => !s.includes('Done: pulled') && s.includes(ref));
  });

  it('pushes with credentials from DOCKER_CONFIG auths', async () => {
    const name = uniqueName('cfg');
    const ref = `${locked.host}/${name}:1`;
    await tagTestImage(ref);
    const config = { auths: { [locked.host]: { auth: Buffer.from(`${auth.username}:${auth.password}`).toString('base64') } } };
    const tui = await launch({ DOCKER_CONFIG: dockerConfig(config) });
    await focusImages(tui, name);
    const screen = await pushSelected(tui, ref, `Done: pushed ${ref}`);
    expect(screen).toContain('credentials from config.json');
    expect(await registryTags(locked, name)).toEqual(['1']);
    expect(tui.raw()).not.toContain(auth.password);
  });

  it('asks to log in when the registry answers 401, then pushes; the password is never shown', async () => {
    const name = uniqueName('login');
    const ref = `${locked.host}/${name}:2`;
    await tagTestImage(ref);
    const tui = await launch();
    await focusImages(tui, name);
    const prompt = await pushSelected(tui, ref, `Log in to ${locked.host}`);
    expect(prompt).toContain(`${locked.host} wants credentials (401)`);
    expect(await registryTags(locked, name)).toEqual([]);
    await tui.type(auth.username);
    await tui.press('tab');
    await tui.type(auth.password);
    await tui.waitForText('•'.repeat(auth.password.length));
    await tui.press('enter');
    const done = await tui.waitForText(`Done: pushed ${ref}`, { timeout: 30_000 });
    expect(done).toContain('credentials from login');
    expect(await registryTags(locked, name)).toEqual(['2']);
    expect(tui.raw()).not.toContain(auth.password);
  });

  it('rejects a bad reference before anything is sent', async () => {
    const tui = await launch();
    await tui.press('2');
    await tui.press('p');
    await tui.waitForText('Pull image');
    await tui.type('Bad:Ref');
    await tui.press('enter');
    const screen = await tui.waitForText('Reference: repository names must be lowercase ("Bad")');
    // The form stays open with the input; no progress view, no engine error.
    expect(screen).toContain('Bad:Ref');
    expect(tui.raw()).not.toContain('Pulling Bad');
    expect(tui.raw()).not.toContain('invalid reference format');
    expect(await hasImage('Bad:Ref'.toLowerCase())).toBe(false);
    await tui.press('esc');
    await tui.waitForScreen((s) => !s.includes('Pull image'));
  });

  it('tags an image, and removing one tag keeps the other', async () => {
    const name = uniqueName('tag');
    const first = `dtui-test/${name}:a`;
    const second = `dtui-test/${name}:b`;
    await tagTestImage(first);
    made.push(second);
    const tui = await launch();
    await focusImages(tui, name);
    await tui.waitForText(first);
    await tui.press('t');
    await tui.waitForText(`Tag ${first}`);
    await tui.press('\x15');
    await tui.type('Not Valid');
    await tui.press('enter');
    await tui.waitForText('New name: a reference cannot contain spaces');
    await tui.press('\x15');
    await tui.type(second);
    await tui.press('enter');
    await tui.waitForText(`Tagged ${first} as ${second}`);
    expect(await hasImage(second)).toBe(true);
    await tui.waitForText(second);

    await tui.press('d');
    await tui.waitForText(`Remove image ${first}? y/N`);
    await tui.press('y');
    await waitFor(async () => !(await hasImage(first)), { message: `${first} removed` });
    expect(await hasImage(second)).toBe(true);
    expect(await hasImage(TEST_IMAGE)).toBe(true);
  });

  it('Esc cancels a running pull: the view closes, the pull is reported cancelled, keys work on', async () => {
    // A "registry" that accepts connections and never answers keeps the pull running.
    // (dockerd itself gives up on such a registry only after its own timeouts, so the
    // test checks dtui's side: the request is aborted and reported as cancelled.)
    const sockets = new Set<Socket>();
    const server = createServer((socket) => {
      sockets.add(socket);
      socket.on('close', () => sockets.delete(socket));
      socket.on('error', () => undefined);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = (server.address() as AddressInfo).port;
    const ref = `127.0.0.1:${port}/${uniqueName('hang')}:1`;
    try {
      const tui = await launch();
      await tui.press('2');
      await tui.press('p');
      await tui.waitForText('Pull image');
      await tui.type(ref);
      await tui.press('enter');
      await tui.waitForText(`Pulling ${ref}`);
      await waitFor(() => sockets.size > 0, { message: 'the engine to contact the hanging registry' });
      expect(tui.screen()).toContain('Waiting for the engine…');
      await tui.press('esc');
      await tui.waitForText(`Cancelled the pull of ${ref}`);
      expect(tui.screen()).not.toContain(`Pulling ${ref}`);
      expect(await hasImage(ref)).toBe(false);
      await tui.press('p');
      await tui.waitForText('Pull image');
    } finally {
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it('searches a private registry and pulls a result with Enter; Docker Hub search says it is unreachable', async () => {
    const name = uniqueName('find');
    const ref = `${open.host}/${name}:s1`;
    await tagTestImage(ref);
    const stream = (await docker.getImage(ref).push({ authconfig: {} } as never)) as unknown as NodeJS.ReadableStream;
    await new Promise((resolve, reject) => {
      docker.modem.followProgress(stream, (err: Error | null) => (err ? reject(err) : resolve(undefined)));
    });
    expect(await registryTags(open, name)).toEqual(['s1']);
    await docker.getImage(ref).remove();

    const tui = await launch();
    await tui.press('2');
    await tui.press('F');
    await tui.waitForText('Search registries');
    await tui.type(`${open.host}/${name}`);
    await tui.press('enter');
    const results = await tui.waitForText(/1 result from|answered|unreachable/);
    expect(results).toContain(`1 result from ${open.host}`);
    expect(results).toContain(ref);
    await tui.press('enter');
    const pulled = await tui.waitForText(/Done: pulled|Failed:/, { timeout: 30_000 });
    expect(pulled).toContain(`Done: pulled ${ref}`);
    expect(await hasImage(ref)).toBe(true);
    // Esc closes the progress view, back to the results; Esc again closes them.
    await tui.press('esc');
    await tui.waitForScreen((s) => !s.includes('Done: pulled') && s.includes(`Search: ${open.host}`));
    await tui.press('esc');
    await tui.waitForScreen((s) => !s.includes('Search:'));

    await tui.press('F');
    await tui.type('busybox');
    await tui.press('enter');
    const hub = await tui.waitForText(/registry unreachable|\d+ results? from Docker Hub/, { timeout: 30_000 });
    expect(hub).toContain('registry unreachable: Docker Hub search failed');
  });
});
