// A local Podman is recognised from its /_ping headers (Podman 4.3.1's, as measured), so
// connecting never waits for its slow /version; dockerd's /_ping is not taken for Podman.
import { describe, expect, it } from 'vitest';
import { podmanFromHeaders } from '../../src/engine/api/podman-ping.js';

describe('podmanFromHeaders', () => {
  it('reads Podman 4.3.1’s /_ping headers', () => {
    expect(
      podmanFromHeaders({
        'api-version': '1.41',
        'libpod-api-version': '4.3.1',
        'libpod-buildah-version': '1.28.2',
        server: 'Libpod/4.3.1 (linux)',
        'docker-experimental': 'true',
      }),
    ).toEqual({ version: '4.3.1', apiVersion: '1.41', os: 'linux' });
  });

  it('leaves dockerd’s alone, and sanitizes what it reads', () => {
    expect(podmanFromHeaders({ 'api-version': '1.41', server: 'Docker/20.10.24+dfsg1 (linux)', ostype: 'linux' })).toBeUndefined();
    expect(podmanFromHeaders({ 'libpod-api-version': '4.3.1\u001b[2J', server: 'Libpod/4.3.1' })?.version).toBe('4.3.1');
  });
});
