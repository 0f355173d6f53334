// --exec-via-cli hands the docker CLI dtui's own connection, TLS included.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseArgs } from '../../src/cli/args.js';
import { cliTarget } from '../../src/cli/exec-via-cli-target.js';
import { resolveEndpoint } from '../../src/engine/api/connection.js';
import { contextDirName } from '../../src/engine/api/contexts.js';

const dir = mkdtempSync(join(tmpdir(), 'dtui-cli-target-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
// Names the CLI would not find by DOCKER_CERT_PATH, in two folders.
mkdirSync(join(dir, 'a'));
mkdirSync(join(dir, 'b'));
for (const f of ['a/authority.crt', 'b/me.crt', 'b/me.key']) writeFileSync(join(dir, f), 'PEM');

function target(argv: string[], env: NodeJS.ProcessEnv = {}) {
  const flags = parseArgs(argv);
  return cliTarget(flags, resolveEndpoint(flags, env), env);
}

describe('cliTarget', () => {
  it('without connection flags leaves the CLI to find the engine (env, contexts)', () => {
    const env = { DOCKER_HOST: 'tcp://10.0.0.1:2375', DOCKER_CONTEXT: 'c', HOME: '/h' };
    expect(target([], env)).toEqual({ args: [], env });
  });

  it('--context NAME is handed on as --context NAME (the CLI reads the same context files)', () => {
    const config = join(dir, 'docker-config');
    const meta = join(config, 'contexts', 'meta', contextDirName('prod'));
    mkdirSync(meta, { recursive: true });
    writeFileSync(
      join(meta, 'meta.json'),
      JSON.stringify({ Name: 'prod', Metadata: {}, Endpoints: { docker: { Host: 'unix:///p.sock', SkipTLSVerify: false } } }),
    );
    const env = { DOCKER_CONFIG: config };
    expect(target(['--context', 'prod'], env)).toEqual({ args: ['--context', 'prod'], env });
  });

  it('with TLS from flags passes -H and every TLS file, absolute, whatever their names', () => {
    const t = target(
      [
        '-H',
        'tcp://127.0.0.1:2376',
        '--tlsverify',
        '--tlscacert',
        join(dir, 'a/authority.crt'),
        '--tlscert',
        join(dir, 'b/me.crt'),
        '--tlskey',
        join(dir, 'b/me.key'),
      ],
      { DOCKER_HOST: 'unix:///elsewhere.sock', DOCKER_CONTEXT: 'other', DOCKER_TLS_VERIFY: '', HOME: '/h' },
    );
    expect(t.args).toEqual([
      '-H',
      'tcp://127.0.0.1:2376',
      '--tlsverify',
      '--tlscacert',
      join(dir, 'a/authority.crt'),
      '--tlscert',
      join(dir, 'b/me.crt'),
      '--tlskey',
      join(dir, 'b/me.key'),
    ]);
    // Nothing left in the environment that could point the CLI elsewhere.
    expect(t.env).toEqual({ HOME: '/h' });
  });

  it('--tls without verification stays TLS (encrypt, do not verify), as in dtui', () => {
    const t = target(['-H', 'tcp://127.0.0.1:2376', '--tls']);
    expect(t.args).toEqual(['-H', 'tcp://127.0.0.1:2376', '--tls']);
  });

  it('TLS flags with DOCKER_HOST from the environment still name the host', () => {
    const t = target(['--tlsverify', '--tlscacert', join(dir, 'a/authority.crt')], { DOCKER_HOST: 'tcp://127.0.0.1:2376' });
    expect(t.args).toEqual(['-H', 'tcp://127.0.0.1:2376', '--tlsverify', '--tlscacert', join(dir, 'a/authority.crt')]);
  });

  it('-H to a unix socket passes just the host', () => {
    expect(target(['-H', 'unix:///run/x.sock'], { DOCKER_TLS_VERIFY: '' }).args).toEqual(['-H', 'unix:///run/x.sock']);
  });
});
