// Docker contexts as the docker CLI resolves them. Fixtures are written by the real
// `docker context create` / `docker context use`, so the file format is the CLI's own.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contextDirName, listContexts, readContext, resolveContextName } from '../../src/engine/api/contexts.js';
import { resolveEndpoint } from '../../src/engine/api/connection.js';
import { ensureTlsFiles } from '../support/tls-certs.js';

let config = '';
let certs = '';
const docker = (...args: string[]) =>
  execFileSync('docker', args, { env: { ...process.env, DOCKER_CONFIG: config, DOCKER_HOST: '', DOCKER_CONTEXT: '' }, stdio: 'pipe' });
const env = (more: Record<string, string> = {}): NodeJS.ProcessEnv => ({ DOCKER_CONFIG: config, ...more });

beforeAll(() => {
  config = mkdtempSync(join(tmpdir(), 'dtui-ctx-'));
  certs = mkdtempSync(join(tmpdir(), 'dtui-ctx-certs-'));
  ensureTlsFiles(certs);
  docker('context', 'create', 'sock', '--description', 'a socket', '--docker', 'host=unix:///tmp/some/docker.sock');
  docker('context', 'create', 'tls', '--docker', `host=tcp://10.1.2.3:2376,ca=${certs}/certs/ca.pem,cert=${certs}/certs/cert.pem,key=${certs}/certs/key.pem`);
  docker('context', 'create', 'skip', '--docker', 'host=tcp://10.1.2.4:2376,skip-tls-verify=true');
  docker('context', 'create', 'plain', '--docker', 'host=tcp://10.1.2.5:2375');
  docker('context', 'create', 'remote', '--docker', 'host=ssh://me@box.example:2222');
  docker('context', 'use', 'sock');
});
afterAll(() => {
  rmSync(config, { recursive: true, force: true });
  rmSync(certs, { recursive: true, force: true });
});

describe('which context applies (the CLI order)', () => {
  it('uses config.json currentContext, written by docker context use', () => {
    expect(resolveContextName({}, env())).toBe('sock');
    expect(resolveEndpoint({}, env())).toMatchObject({ kind: 'unix', socketPath: '/tmp/some/docker.sock', context: 'sock' });
  });

  it('DOCKER_CONTEXT wins over config.json, DOCKER_HOST over both (the default context)', () => {
    expect(resolveContextName({}, env({ DOCKER_CONTEXT: 'plain' }))).toBe('plain');
    expect(resolveContextName({}, env({ DOCKER_CONTEXT: 'plain', DOCKER_HOST: 'unix:///x.sock' }))).toBe('default');
    const e = resolveEndpoint({}, env({ DOCKER_CONTEXT: 'plain', DOCKER_HOST: 'unix:///x.sock' }));
    expect(e).toMatchObject({ kind: 'unix', socketPath: '/x.sock' });
    expect(e.context).toBeUndefined();
  });

  it('--context wins over DOCKER_HOST; -H means the default context; both together conflict as in the CLI', () => {
    expect(resolveEndpoint({ context: 'plain' }, env({ DOCKER_HOST: 'unix:///x.sock' }))).toMatchObject({
      kind: 'tcp',
      hostname: '10.1.2.5',
      port: 2375,
      tls: undefined,
      context: 'plain',
    });
    expect(resolveContextName({ host: 'unix:///y.sock' }, env())).toBe('default');
    expect(() => resolveEndpoint({ context: 'plain', host: 'unix:///y.sock' }, env())).toThrow('conflicting options: cannot specify both --host and --context');
  });

  it('falls back to the default socket without config.json, and --context default is DOCKER_HOST', () => {
    const empty = mkdtempSync(join(tmpdir(), 'dtui-ctx-empty-'));
    expect(resolveEndpoint({}, { DOCKER_CONFIG: empty })).toMatchObject({ kind: 'unix', socketPath: '/var/run/docker.sock' });
    expect(resolveEndpoint({ context: 'default' }, env({ DOCKER_HOST: 'unix:///d.sock' }))).toMatchObject({ socketPath: '/d.sock' });
    rmSync(empty, { recursive: true, force: true });
  });

  it('reads the config dir from HOME when DOCKER_CONFIG is unset', () => {
    const home = mkdtempSync(join(tmpdir(), 'dtui-ctx-home-'));
    execFileSync('cp', ['-r', config, join(home, '.docker')]);
    expect(resolveContextName({}, { HOME: home })).toBe('sock');
    rmSync(home, { recursive: true, force: true });
  });
});

describe('what a context holds', () => {
  it('TLS material stored by the CLI, verified unless skip-tls-verify', () => {
    const e = resolveEndpoint({ context: 'tls' }, env());
    expect(e).toMatchObject({ kind: 'tcp', hostname: '10.1.2.3', port: 2376, context: 'tls' });
    if (e.kind !== 'tcp') return;
    expect(e.tls?.verify).toBe(true);
    const stored = ['ca', 'cert', 'key'].map((f) => readFileSync(join(certs, 'certs', `${f}.pem`), 'utf8'));
    expect([e.tls?.ca, e.tls?.cert, e.tls?.key].map(String)).toEqual(stored);
    const skip = resolveEndpoint({ context: 'skip' }, env());
    expect(skip.kind === 'tcp' && skip.tls).toEqual({ verify: false });
  });

  it('an ssh context becomes an ssh endpoint', () => {
    expect(resolveEndpoint({ context: 'remote' }, env())).toMatchObject({
      kind: 'ssh',
      user: 'me',
      hostname: 'box.example',
      port: 2222,
      url: 'ssh://me@box.example:2222',
    });
  });

  it('stores contexts under the sha256 of the name, with description', () => {
    expect(contextDirName('tls')).toMatch(/^[0-9a-f]{64}$/);
    expect(readContext('sock', env())).toMatchObject({ name: 'sock', description: 'a socket', host: 'unix:///tmp/some/docker.sock' });
  });

  it('lists every context like docker context ls, the current one marked', () => {
    const names = listContexts(env()).map((c) => `${c.name}${c.current ? '*' : ''}`);
    expect(names).toEqual(['default', 'plain', 'remote', 'skip', 'sock*', 'tls']);
    expect(listContexts(env({ DOCKER_HOST: 'unix:///x' })).find((c) => c.current)?.name).toBe('default');
  });
});

describe('clear failures', () => {
  it('an unknown context: the CLI message, naming the file looked for', () => {
    const file = join(config, 'contexts', 'meta', contextDirName('nope'), 'meta.json');
    expect(() => resolveEndpoint({ context: 'nope' }, env())).toThrow(`context "nope": context not found: ${file} does not exist`);
    expect(() => resolveEndpoint({}, env({ DOCKER_CONTEXT: 'nope' }))).toThrow('context "nope": context not found');
  });

  it('a missing or unreadable TLS file is named', () => {
    const copy = mkdtempSync(join(tmpdir(), 'dtui-ctx-copy-'));
    execFileSync('cp', ['-r', `${config}/.`, copy]);
    const tlsDir = join(copy, 'contexts', 'tls', contextDirName('tls'), 'docker');
    unlinkSync(join(tlsDir, 'cert.pem'));
    expect(() => resolveEndpoint({ context: 'tls' }, { DOCKER_CONFIG: copy })).toThrow(
      `context "tls": cannot read TLS client certificate ${tlsDir}/cert.pem (ENOENT)`,
    );
    rmSync(copy, { recursive: true, force: true });
  });

  it('a broken config.json or meta.json names the file', () => {
    const copy = mkdtempSync(join(tmpdir(), 'dtui-ctx-copy-'));
    execFileSync('cp', ['-r', `${config}/.`, copy]);
    writeFileSync(join(copy, 'config.json'), '{nope');
    expect(() => resolveEndpoint({}, { DOCKER_CONFIG: copy })).toThrow(`${copy}/config.json is not valid JSON`);
    const meta = join(copy, 'contexts', 'meta', contextDirName('plain'), 'meta.json');
    writeFileSync(meta, '[');
    expect(() => resolveEndpoint({ context: 'plain' }, { DOCKER_CONFIG: copy })).toThrow(`${meta} is not valid JSON`);
    // Left out of the list instead of hiding the others.
    expect(listContexts({ DOCKER_CONFIG: copy }).map((c) => c.name)).not.toContain('plain');
    rmSync(copy, { recursive: true, force: true });
  });
});
