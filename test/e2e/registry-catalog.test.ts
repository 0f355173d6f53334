// Issue 13: a real registry's catalog is read page by page (?n=…&last=…, Link header):
// with one repository a page, every repository is still found.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type Docker from 'dockerode';
import { DockerEngine as Engine } from '../../src/engine/api/docker-engine.js';
import { ImageTransfer } from '../../src/state/image-transfer.js';
import { resolveEndpoint } from '../../src/engine/api/connection.js';
import { parseRegistryQuery, searchRegistry } from '../../src/engine/registry/registry-search.js';
import { ENV, TEST_IMAGE, testDocker, uniqueName } from '../support/engine.js';
import { startRegistry, type TestRegistry } from '../support/registry.js';

describe('registry catalog paging', () => {
  let registry: TestRegistry;
  let engine: Engine;
  const docker: Docker = testDocker();
  const refs: string[] = [];
  beforeAll(async () => {
    registry = await startRegistry();
    engine = await Engine.connect(resolveEndpoint({ host: process.env[ENV.dockerHost] }));
  });
  afterAll(async () => {
    await Promise.all(
      refs.map((r) =>
        docker
          .getImage(r)
          .remove()
          .catch(() => undefined),
      ),
    );
    await registry?.stop();
  });

  it('finds every repository with a page size of 1 and of 2, as with one big page', async () => {
    const prefix = uniqueName('page');
    for (const n of ['a', 'b', 'c', 'd']) {
      const ref = `${registry.host}/${prefix}-${n}:1`;
      refs.push(ref);
      await engine.tagImage(TEST_IMAGE, ref);
      const pushed = await new ImageTransfer(engine, 'push', ref).run();
      expect(pushed.error).toBeUndefined();
    }
    // The registry itself pages: one name and a Link to the next page.
    const first = await fetch(`http://${registry.host}/v2/_catalog?n=1`);
    expect(((await first.json()) as { repositories: string[] }).repositories).toHaveLength(1);
    expect(first.headers.get('link')).toMatch(/rel="next"/);
    const query = parseRegistryQuery(`${registry.host}/${prefix}`)!;
    const whole = await searchRegistry(query, undefined, AbortSignal.timeout(10_000));
    expect(whole.results.map((r) => r.ref).sort()).toEqual([...refs].sort());
    for (const pageSize of [1, 2]) {
      const paged = await searchRegistry(query, undefined, AbortSignal.timeout(10_000), pageSize);
      expect(paged.results.map((r) => r.ref).sort()).toEqual([...refs].sort());
      expect(paged.truncated).toBe(false);
    }
  });
});
