// Credential lookup against a temp DOCKER_CONFIG and fake docker-credential-* helpers on PATH.
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { waitFor } from '../support/wait.js';
import { DOCKER_HUB, engineAuth, findCredentials, normalizeRegistry, registryOf, runCredentialHelper } from '../../src/engine/registry/credentials.js';

const dir = mkdtempSync(join(tmpdir(), 'dtui-creds-'));
const bin = join(dir, 'bin');
const seen = join(dir, 'helper-stdin');

function writeHelper(name: string, body: string): void {
  const path = join(bin, `docker-credential-${name}`);
  writeFileSync(path, `#!/bin/sh\n${body}\n`);
  chmodSync(path, 0o755);
}

function configDir(config: unknown): string {
  const d = mkdtempSync(join(dir, 'cfg-'));
  writeFileSync(join(d, 'config.json'), JSON.stringify(config));
  return d;
}

function env(config: unknown): NodeJS.ProcessEnv {
  return { PATH: `${bin}:${process.env.PATH}`, HOME: dir, DOCKER_CONFIG: configDir(config) };
}

// A fake helper: records the server URL it was asked for, answers for one server only.
mkdirSync(bin);
writeHelper(
  'fake',
  `read url; printf '%s' "$url" > ${seen}
if [ "$url" = "127.0.0.1:5000" ]; then echo '{"ServerURL":"127.0.0.1:5000","Username":"helper-user","Secret":"helper-pass"}'; exit 0; fi
echo "credentials not found in native keychain"; exit 1`,
);
writeHelper('token', `read url; echo '{"ServerURL":"x","Username":"<token>","Secret":"tok-123"}'`);
writeHelper('broken', `echo "dbus: no session" >&2; exit 3`);
writeHelper('garbage', `echo 'not json'`);
// Answers, then exits leaving a child that holds stdout/stderr open (issue 13).
writeHelper('forker', `read url; sleep 1771 & echo '{"Username":"fork-user","Secret":"fork-pass"}'`);
// Never answers; its child would outlive it.
writeHelper('stuck', `read url; sleep 1772 & sleep 1773`);

/** Processes whose command line is exactly `sleep <arg>`. */
function sleepers(arg: string): number[] {
  const pids: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (readFileSync(`/proc/${entry}/cmdline`, 'utf8') === `sleep\0${arg}\0`) pids.push(Number(entry));
    } catch {
      // Gone meanwhile.
    }
  }
  return pids;
}

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('registry names', () => {
  it('finds the registry host of a reference, Docker Hub by default', () => {
    expect(registryOf('127.0.0.1:5000/team/app:1')).toBe('127.0.0.1:5000');
    expect(registryOf('busybox')).toBe(DOCKER_HUB);
    expect(registryOf('library/busybox:1')).toBe(DOCKER_HUB);
    expect(registryOf('localhost:5000/x')).toBe('localhost:5000');
  });

  it('normalizes config keys like the docker CLI', () => {
    expect(normalizeRegistry('https://127.0.0.1:5000/v2/')).toBe('127.0.0.1:5000');
    expect(normalizeRegistry('http://127.0.0.1:5000')).toBe('127.0.0.1:5000');
    expect(normalizeRegistry('https://index.docker.io/v1/')).toBe(DOCKER_HUB);
    expect(normalizeRegistry('Registry-1.Docker.io')).toBe(DOCKER_HUB);
  });
});

describe('findCredentials', () => {
  it('decodes base64 auth from auths, whatever the key spelling', async () => {
    const auth = Buffer.from('user:pa:ss').toString('base64');
    const e = env({ auths: { 'http://127.0.0.1:5000': { auth } } });
    expect(await findCredentials('127.0.0.1:5000', { env: e })).toEqual({
      username: 'user',
      password: 'pa:ss',
      serveraddress: '127.0.0.1:5000',
      source: 'config.json',
    });
    expect(await findCredentials('127.0.0.1:6000', { env: e })).toBeUndefined();
  });

  it('reads username/password entries and Docker Hub under its legacy key', async () => {
    const e = env({ auths: { 'https://index.docker.io/v1/': { username: 'hub', password: 'secret' } } });
    expect(await findCredentials(DOCKER_HUB, { env: e })).toMatchObject({
      username: 'hub',
      password: 'secret',
      serveraddress: 'https://index.docker.io/v1/',
    });
  });

  it('has nothing without a config file or with an empty one', async () => {
    const empty = mkdtempSync(join(dir, 'none-'));
    expect(await findCredentials('127.0.0.1:5000', { env: { DOCKER_CONFIG: empty, PATH: process.env.PATH } })).toBeUndefined();
    expect(await findCredentials('127.0.0.1:5000', { env: env({}) })).toBeUndefined();
  });

  it('asks the credsStore helper with the server URL on stdin', async () => {
    const e = env({ credsStore: 'fake' });
    expect(await findCredentials('127.0.0.1:5000', { env: e })).toEqual({
      username: 'helper-user',
      password: 'helper-pass',
      serveraddress: '127.0.0.1:5000',
      source: 'credential helper fake',
    });
    expect(readFileSync(seen, 'utf8')).toBe('127.0.0.1:5000');
    // "credentials not found" is not an error: there are simply none.
    expect(await findCredentials('127.0.0.1:7000', { env: e })).toBeUndefined();
  });

  it('prefers a per-registry credHelpers entry over credsStore and auths', async () => {
    const auth = Buffer.from('file:file').toString('base64');
    const e = env({ credsStore: 'broken', credHelpers: { '127.0.0.1:5000': 'fake' }, auths: { '127.0.0.1:5000': { auth } } });
    expect(await findCredentials('127.0.0.1:5000', { env: e })).toMatchObject({ username: 'helper-user' });
  });

  it('falls back to auths when the helper has nothing', async () => {
    const auth = Buffer.from('file:pw').toString('base64');
    const e = env({ credsStore: 'fake', auths: { '127.0.0.1:7000': { auth } } });
    expect(await findCredentials('127.0.0.1:7000', { env: e })).toMatchObject({ username: 'file', password: 'pw' });
  });

  it('turns a "<token>" user into an identity token', async () => {
    const found = await runCredentialHelper('token', '127.0.0.1:5000', { env: env({}) });
    expect(found).toMatchObject({ identitytoken: 'tok-123' });
    expect(found?.password).toBeUndefined();
  });

  it('explains broken, missing or unsafe helpers', async () => {
    const e = env({});
    await expect(runCredentialHelper('broken', 'x', { env: e })).rejects.toThrow(/docker-credential-broken failed: dbus: no session/);
    await expect(runCredentialHelper('garbage', 'x', { env: e })).rejects.toThrow(/not JSON/);
    await expect(runCredentialHelper('missing', 'x', { env: e })).rejects.toThrow(/not installed/);
    await expect(runCredentialHelper('../evil', 'x', { env: e })).rejects.toThrow(/invalid credential helper name/);
  });

  it('answers when the helper exits, even though its child keeps the pipes open; the child is killed', async () => {
    const started = Date.now();
    await expect(runCredentialHelper('forker', 'x', { env: env({}) })).resolves.toMatchObject({ username: 'fork-user', password: 'fork-pass' });
    // Long before the 15 s timeout, and well before the child's 1771 s.
    expect(Date.now() - started).toBeLessThan(10_000);
    await waitFor(() => sleepers('1771').length === 0, { timeout: 5000, message: "the helper's child to be killed" });
  });

  it('times out on a helper that never answers and kills its whole process group', async () => {
    await expect(runCredentialHelper('stuck', 'x', { env: env({}), helperTimeoutMs: 1000 })).rejects.toThrow(
      /docker-credential-stuck did not answer within 1 s/,
    );
    await waitFor(() => sleepers('1772').length === 0 && sleepers('1773').length === 0, { timeout: 5000, message: 'the helper and its child to be killed' });
  });

  it('shows only the printable part of what a helper writes (escape sequences, C1, bidi, zero-width)', async () => {
    const e = env({});
    // Written by the helper with printf, so the bytes are raw: OSC 52, OSC 0 title, CSI 2J,
    // DCS, 8-bit CSI, RTL override, Hangul filler, soft hyphen.
    const hostile = String.raw`\033]52;c;ZXZpbA==\007\033]0;pwned\033\\\033[2J\033P+q544e\033\\\302\2332J\342\200\256\343\205\244\302\255`;
    writeHelper('hostile-err', `printf 'keychain ${hostile}locked' >&2; exit 1`);
    writeHelper('hostile-out', `printf '${hostile}oops'; exit 1`);
    for (const helper of ['hostile-err', 'hostile-out']) {
      const err = await runCredentialHelper(helper, 'x', { env: e }).then(
        () => undefined,
        (x: Error) => x,
      );
      expect(err?.message).toMatch(new RegExp(`docker-credential-${helper} failed: `));
      expect(err?.message).not.toMatch(/[\x00-\x1f\x7f-\x9f\u202e\u3164\u00ad]/);
      expect(err?.message).toMatch(/locked|oops/);
    }
  });

  it('reports a config file that is not JSON', async () => {
    const d = mkdtempSync(join(dir, 'bad-'));
    writeFileSync(join(d, 'config.json'), '{nope');
    await expect(findCredentials('127.0.0.1:5000', { env: { DOCKER_CONFIG: d } })).rejects.toThrow(/not valid JSON/);
  });

  it('hands the engine only the auth fields', () => {
    expect(engineAuth({ username: 'u', password: 'p', serveraddress: 's', source: 'login' })).toEqual({ username: 'u', password: 'p', serveraddress: 's' });
    expect(engineAuth(undefined)).toEqual({});
  });
});
