import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConnectionConfigError, explainConnectError, isLoopback, modemOptions, resolveEndpoint } from '../../src/engine/api/connection.js';

describe('resolveEndpoint', () => {
  it('defaults to the standard socket', () => {
    expect(resolveEndpoint({}, {})).toMatchObject({ kind: 'unix', socketPath: '/var/run/docker.sock' });
  });

  it('takes DOCKER_HOST, and -H over it', () => {
    expect(resolveEndpoint({}, { DOCKER_HOST: 'unix:///tmp/x.sock' })).toMatchObject({ socketPath: '/tmp/x.sock' });
    expect(resolveEndpoint({ host: 'tcp://10.0.0.5:2375' }, { DOCKER_HOST: 'unix:///tmp/x.sock' })).toMatchObject({
      kind: 'tcp',
      hostname: '10.0.0.5',
      port: 2375,
      tls: undefined,
    });
  });

  it('reads TLS material like the CLI (DOCKER_TLS_VERIFY + DOCKER_CERT_PATH)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'dtui-certs-'));
    for (const f of ['ca.pem', 'cert.pem', 'key.pem']) writeFileSync(join(dir, f), `${f}\n`);
    const e = resolveEndpoint({}, { DOCKER_HOST: 'tcp://127.0.0.1:2376', DOCKER_TLS_VERIFY: '1', DOCKER_CERT_PATH: dir });
    expect(e.kind).toBe('tcp');
    if (e.kind !== 'tcp') return;
    expect(e.tls?.verify).toBe(true);
    expect(e.tls?.ca?.toString()).toBe('ca.pem\n');
    expect(modemOptions(e)).toMatchObject({ protocol: 'https', host: '127.0.0.1', port: 2376, socketPath: undefined });
    rmSync(dir, { recursive: true, force: true });
  });

  it('names a missing certificate clearly', () => {
    expect(() => resolveEndpoint({ host: 'tcp://h:2376', tlsVerify: true, tlsCaCert: '/nope/ca.pem' }, {})).toThrow(ConnectionConfigError);
    expect(() => resolveEndpoint({ host: 'tcp://h:2376', tlsVerify: true, tlsCaCert: '/nope/ca.pem' }, {})).toThrow(/\/nope\/ca\.pem/);
  });

  it('takes ssh://[user@]host[:port] as the CLI does', () => {
    expect(resolveEndpoint({ host: 'ssh://me@box.example:2222' }, {})).toEqual({
      kind: 'ssh',
      user: 'me',
      hostname: 'box.example',
      port: 2222,
      url: 'ssh://me@box.example:2222',
    });
    expect(resolveEndpoint({}, { DOCKER_HOST: 'ssh://box' })).toEqual({ kind: 'ssh', hostname: 'box', port: 22, url: 'ssh://box' });
    expect(() => resolveEndpoint({ host: 'ssh://me:secret@box' }, {})).toThrow(/password in the URL is not supported/);
    expect(() => resolveEndpoint({ host: 'ssh://box/var/run' }, {})).toThrow(/ssh hosts take no path/);
  });

  it('refuses hosts it cannot speak to', () => {
    expect(() => resolveEndpoint({ host: 'npipe:////./pipe/docker_engine' }, {})).toThrow(/unsupported/);
    expect(() => resolveEndpoint({ host: 'tcp://' }, {})).toThrow(ConnectionConfigError);
  });

  it('knows loopback from remote', () => {
    expect(isLoopback(resolveEndpoint({ host: 'tcp://127.0.0.1:2375' }, {}))).toBe(true);
    expect(isLoopback(resolveEndpoint({ host: 'tcp://192.0.2.1:2375' }, {}))).toBe(false);
    expect(isLoopback(resolveEndpoint({ host: 'tcp://[::ffff:127.0.0.1]:2375' }, {}))).toBe(true);
    expect(isLoopback(resolveEndpoint({ host: 'tcp://[::ffff:192.0.2.1]:2375' }, {}))).toBe(false);
    expect(isLoopback(resolveEndpoint({ host: 'tcp://0.0.0.0:2375' }, {}))).toBe(false);
  });
});

describe('explainConnectError', () => {
  const unix = resolveEndpoint({ host: 'unix:///tmp/none.sock' }, {});
  it.each([
    ['ENOENT', /unix:\/\/\/tmp\/none\.sock: no such socket/],
    ['EACCES', /permission denied/],
    ['ECONNREFUSED', /connection refused/],
  ])('%s', (code, expected) => {
    expect(explainConnectError(Object.assign(new Error('x'), { code }), unix)).toMatch(expected);
  });
  it('TLS failures', () => {
    const tcp = resolveEndpoint({ host: 'tcp://127.0.0.1:1' }, {});
    expect(explainConnectError(Object.assign(new Error('self-signed certificate in certificate chain'), { code: 'SELF_SIGNED_CERT_IN_CHAIN' }), tcp)).toMatch(
      /TLS failure/,
    );
  });
});
