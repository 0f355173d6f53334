// Which engines the Engines view lists: every context, and the command line's endpoint
// unless a context (or the default one) already names it.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CLI_ENTRY, engineEntries } from '../../src/app/engines/engine-entries.js';
import { contextDirName } from '../../src/engine/api/contexts.js';
import { resolveEndpoint } from '../../src/engine/api/connection.js';

const config = mkdtempSync(join(tmpdir(), 'dtui-entries-'));
afterAll(() => rmSync(config, { recursive: true, force: true }));

function context(name: string, host: string, tls = false): void {
  const dir = join(config, 'contexts', 'meta', contextDirName(name));
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'meta.json'), JSON.stringify({ Name: name, Metadata: {}, Endpoints: { docker: { Host: host, SkipTLSVerify: false } } }));
  // A pair with its key gone: the context cannot be used, and says which file.
  if (tls) {
    const tlsDir = join(config, 'contexts', 'tls', contextDirName(name), 'docker');
    mkdirSync(tlsDir, { recursive: true });
    writeFileSync(join(tlsDir, 'cert.pem'), 'x');
  }
}
context('alpha', 'unix:///alpha.sock');
context('broken', 'tcp://10.0.0.1:2376', true);
const env = { DOCKER_CONFIG: config, HOME: config };

describe('engineEntries', () => {
  it('started on a context: that entry is the current one, with the endpoint dtui uses', () => {
    const initial = resolveEndpoint({ context: 'alpha' }, env);
    const { entries, currentId } = engineEntries(initial, env);
    expect(currentId).toBe('alpha');
    expect(entries.map((e) => e.id)).toEqual(['default', 'alpha', 'broken']);
    expect(entries[1]!.endpoint).toBe(initial);
    expect(entries[0]!.url).toBe('unix:///var/run/docker.sock');
  });

  it('started with -H: the command line’s endpoint is listed first and current', () => {
    const initial = resolveEndpoint({ host: 'unix:///elsewhere.sock' }, env);
    const { entries, currentId } = engineEntries(initial, env);
    expect(currentId).toBe(CLI_ENTRY);
    expect(entries[0]).toMatchObject({ id: CLI_ENTRY, url: 'unix:///elsewhere.sock' });
  });

  it('DOCKER_HOST is the default context: no extra entry', () => {
    const withHost = { ...env, DOCKER_HOST: 'unix:///dh.sock' };
    const { entries, currentId } = engineEntries(resolveEndpoint({}, withHost), withHost);
    expect(currentId).toBe('default');
    expect(entries.map((e) => e.id)).toEqual(['default', 'alpha', 'broken']);
  });

  it('a context with a TLS file missing is listed with the reason', () => {
    const { entries } = engineEntries(resolveEndpoint({ context: 'alpha' }, env), env);
    const broken = entries.find((e) => e.id === 'broken')!;
    expect(broken.endpoint).toBeUndefined();
    expect(broken.error).toMatch(/context "broken": cannot read TLS client key .*key\.pem \(ENOENT\)/);
  });
});
