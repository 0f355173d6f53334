// The engine side of pull/push/tag/search against a real private registry, without the TUI:
// progress reaches the store, 401s are recognised, cancel aborts, v2 search lists tags.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { onPodman } from '../support/podman.js';
import { resolveEndpoint } from '../../src/engine/api/connection.js';
import { DockerEngine as Engine } from '../../src/engine/api/docker-engine.js';
import { ImageTransfer } from '../../src/state/image-transfer.js';
import { overallProgress } from '../../src/engine/models/progress.js';
import { RegistryAuthError, parseRegistryQuery, searchRegistry } from '../../src/engine/registry/registry-search.js';
import { ENV, TEST_IMAGE, testDocker, uniqueName } from '../support/engine.js';
import { startRegistry, type TestRegistry } from '../support/registry.js';

const docker = testDocker();
const created: string[] = [];

async function removeRef(ref: string): Promise<void> {
  await docker
    .getImage(ref)
    .remove({ force: true })
    .catch(() => undefined);
}

async function hasImage(ref: string): Promise<boolean> {
  return docker
    .getImage(ref)
    .inspect()
    .then(
      () => true,
      () => false,
    );
}

describe('image transfer against a private registry', () => {
  let engine: Engine;
  let open: TestRegistry;
  let locked: TestRegistry;
  const auth = { username: 'tester', password: 's3cret-pw' };

  beforeAll(async () => {
    engine = await Engine.connect(resolveEndpoint({ host: process.env[ENV.dockerHost] }));
    [open, locked] = await Promise.all([startRegistry(), startRegistry({ auth })]);
  });
  afterAll(async () => {
    await Promise.all(created.map(removeRef));
    await Promise.all([open?.stop(), locked?.stop()]);
  });

  it('tags, pushes with progress, removes and pulls back', async () => {
    const ref = `${open.host}/${uniqueName('xfer')}:v1`;
    created.push(ref);
    await engine.tagImage(TEST_IMAGE, ref);
    expect(await hasImage(ref)).toBe(true);

    const push = new ImageTransfer(engine, 'push', ref);
    const pushed = await push.run();
    expect(pushed.error).toBeUndefined();
    expect(pushed.phase).toBe('done');
    if (onPodman()) {
      // Podman's push reports no layers, only the pushed digest.
      expect(pushed.progress.messages.some((m) => /digest: sha256:[0-9a-f]{64}/.test(m))).toBe(true);
    } else {
      expect(pushed.progress.layers.length).toBeGreaterThan(0);
      expect(pushed.progress.layers.every((l) => l.phase === 'done')).toBe(true);
    }

    await removeRef(ref);
    expect(await hasImage(ref)).toBe(false);
    const pulled = await new ImageTransfer(engine, 'pull', ref).run();
    expect(pulled.phase).toBe('done');
    expect(overallProgress(pulled.progress, 'pull', true).fraction).toBe(1);
    expect(await hasImage(ref)).toBe(true);

    const found = await searchRegistry(parseRegistryQuery(`${open.host}/${ref.split('/')[1]!.split(':')[0]}`)!, undefined, AbortSignal.timeout(5000));
    expect(found.results.map((r) => r.ref)).toEqual([ref]);
  });

  it('reports a registry that wants credentials, and succeeds with them', async () => {
    const ref = `${locked.host}/${uniqueName('locked')}:1`;
    created.push(ref);
    await engine.tagImage(TEST_IMAGE, ref);
    const refused = await new ImageTransfer(engine, 'push', ref).run();
    expect(refused.phase).toBe('failed');
    expect(refused.needsLogin).toBe(true);

    const ok = await new ImageTransfer(engine, 'push', ref, { ...auth, serveraddress: locked.host, source: 'test' }).run();
    expect(ok.error).toBeUndefined();
    expect(ok.phase).toBe('done');

    const query = parseRegistryQuery(locked.host)!;
    await expect(searchRegistry(query, undefined, AbortSignal.timeout(5000))).rejects.toBeInstanceOf(RegistryAuthError);
    const found = await searchRegistry(query, { ...auth, serveraddress: locked.host, source: 'test' }, AbortSignal.timeout(5000));
    expect(found.results.map((r) => r.ref)).toContain(ref);
  });

  it('cancel() aborts the request: the transfer ends cancelled and nothing is pulled', async () => {
    const ref = `${open.host}/${uniqueName('cancel')}:1`;
    created.push(ref);
    await engine.tagImage(TEST_IMAGE, ref);
    expect((await new ImageTransfer(engine, 'push', ref).run()).phase).toBe('done');
    await removeRef(ref);
    const pull = new ImageTransfer(engine, 'pull', ref);
    const running = pull.run();
    pull.cancel();
    const result = await running;
    expect(result.phase).toBe('cancelled');
    expect(await hasImage(ref)).toBe(false);
    // Cancelling a finished transfer changes nothing.
    pull.cancel();
    expect(pull.state.phase).toBe('cancelled');
  });

  it("fails a pull of a missing image with the registry's reason", async () => {
    const result = await new ImageTransfer(engine, 'pull', `${open.host}/${uniqueName('missing')}:1`).run();
    expect(result.phase).toBe('failed');
    expect(result.error).toMatch(/not found|manifest unknown/i);
    expect(result.needsLogin).toBeFalsy();
  });

  it('says the registry is unreachable when nothing listens', async () => {
    await expect(searchRegistry({ registry: '127.0.0.1:1', filter: '' }, undefined, AbortSignal.timeout(5000))).rejects.toThrow(/registry unreachable/);
    await expect(engine.searchImages('busybox', AbortSignal.timeout(20_000))).rejects.toThrow();
  });
});
