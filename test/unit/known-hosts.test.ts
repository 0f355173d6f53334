// known_hosts checking as ssh does it: plain and `[host]:port` names, hashed entries
// (written by the real `ssh-keygen -H`), patterns with negation, changed and revoked keys.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkHostKey, hostEntryName, hostKeyAlgorithms, parseKnownHosts, patternsMatch } from '../../src/engine/api/known-hosts.js';
import { sshSetup } from '../../src/engine/api/ssh-options.js';

let dir = '';
const keys: Record<string, { type: string; b64: string; blob: Buffer }> = {};
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'dtui-kh-'));
  for (const [name, type] of [
    ['a', 'ed25519'],
    ['b', 'ed25519'],
    ['r', 'ecdsa'],
  ] as const) {
    execFileSync('ssh-keygen', ['-q', '-t', type, '-N', '', '-f', join(dir, name)]);
    const [t, b64] = readFileSync(join(dir, `${name}.pub`), 'utf8').split(' ');
    keys[name] = { type: t!, b64: b64!, blob: Buffer.from(b64!, 'base64') };
  }
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const line = (names: string, k: string) => `${names} ${keys[k]!.type} ${keys[k]!.b64}`;

describe('known_hosts', () => {
  it('names a host as ssh does: bare on port 22, [host]:port otherwise', () => {
    expect(hostEntryName('box', 22)).toBe('box');
    expect(hostEntryName('127.0.0.1', 2222)).toBe('[127.0.0.1]:2222');
  });

  it('accepts the listed key, calls another key for a listed host CHANGED, an unlisted host unknown', () => {
    const entries = parseKnownHosts(`# comment\n\n${line('[127.0.0.1]:2222', 'a')}\n${line('box,10.0.0.1', 'a')}\n`);
    expect(checkHostKey(entries, '127.0.0.1', 2222, keys.a!.blob)).toEqual({ kind: 'known', line: 3 });
    expect(checkHostKey(entries, '127.0.0.1', 2222, keys.b!.blob)).toEqual({ kind: 'changed', line: 3 });
    expect(checkHostKey(entries, '127.0.0.1', 22, keys.a!.blob)).toEqual({ kind: 'unknown' });
    expect(checkHostKey(entries, '10.0.0.1', 22, keys.a!.blob)).toEqual({ kind: 'known', line: 4 });
    expect(checkHostKey(entries, 'other', 22, keys.a!.blob)).toEqual({ kind: 'unknown' });
  });

  it('matches entries hashed by ssh-keygen -H', () => {
    const file = join(dir, 'hashed');
    writeFileSync(file, `${line('[127.0.0.1]:2222', 'a')}\n${line('box', 'b')}\n`);
    execFileSync('ssh-keygen', ['-H', '-f', file], { stdio: 'pipe' });
    const text = readFileSync(file, 'utf8');
    expect(text).toMatch(/^\|1\|/);
    expect(text).not.toContain('127.0.0.1');
    const entries = parseKnownHosts(text);
    expect(checkHostKey(entries, '127.0.0.1', 2222, keys.a!.blob).kind).toBe('known');
    expect(checkHostKey(entries, 'box', 22, keys.b!.blob).kind).toBe('known');
    expect(checkHostKey(entries, 'box', 22, keys.a!.blob).kind).toBe('changed');
    expect(checkHostKey(entries, 'box', 2222, keys.b!.blob).kind).toBe('unknown');
  });

  it('wildcards and negated patterns', () => {
    expect(patternsMatch('*.example.com,!bad.example.com', 'good.example.com')).toBe(true);
    expect(patternsMatch('*.example.com,!bad.example.com', 'bad.example.com')).toBe(false);
    expect(patternsMatch('10.0.0.?', '10.0.0.7')).toBe(true);
    expect(patternsMatch('10.0.0.?', '10.0.0.17')).toBe(false);
    // A dot is literal, not "any character".
    expect(patternsMatch('a.b', 'axb')).toBe(false);
  });

  it('refuses a @revoked key even when also listed; ignores @cert-authority lines', () => {
    const entries = parseKnownHosts(`${line('box', 'a')}\n@revoked ${line('*', 'a')}\n@cert-authority ${line('*', 'r')}\n`);
    expect(checkHostKey(entries, 'box', 22, keys.a!.blob)).toEqual({ kind: 'revoked', line: 2 });
    expect(checkHostKey(entries, 'elsewhere', 22, keys.r!.blob)).toEqual({ kind: 'unknown' });
  });

  it('offers only the host key algorithms already listed for the host', () => {
    const entries = parseKnownHosts(`${line('box', 'r')}\n[box]:2 ssh-rsa AAAA\n${line('other', 'a')}\n`);
    expect(hostKeyAlgorithms(entries, 'box', 22)).toEqual([keys.r!.type]);
    expect(hostKeyAlgorithms(entries, 'box', 2)).toEqual(['rsa-sha2-512', 'rsa-sha2-256', 'ssh-rsa']);
    expect(hostKeyAlgorithms(entries, 'new', 22)).toEqual([]);
  });
});

describe('ssh keys offered', () => {
  it('ssh-agent first, then ~/.ssh/id_ed25519, id_ecdsa, id_rsa that exist; says which when none is accepted', () => {
    const home = join(dir, 'home');
    execFileSync('mkdir', ['-p', join(home, '.ssh')]);
    execFileSync('cp', [join(dir, 'a'), join(home, '.ssh', 'id_ed25519')]);
    execFileSync('cp', [join(dir, 'r'), join(home, '.ssh', 'id_ecdsa')]);
    const setup = sshSetup({ user: 'me', hostname: 'box', port: 22 }, { HOME: home, SSH_AUTH_SOCK: '/tmp/agent.sock' });
    const auth = setup.sshOptions.authHandler as { type: string; username: string }[];
    expect(auth.map((a) => a.type)).toEqual(['agent', 'publickey', 'publickey']);
    expect(auth.every((a) => a.username === 'me')).toBe(true);
    expect(setup.explain(new Error('All configured authentication methods failed'))?.message).toBe(
      'ssh: me@box:22 accepted none of the keys offered (ssh-agent, ~/.ssh/id_ed25519, ~/.ssh/id_ecdsa) — load the right key with ssh-add',
    );
  });

  it('the host verifier refuses a key not in known_hosts and says how to add it', () => {
    const setup = sshSetup({ hostname: '127.0.0.1', port: 2222 }, { HOME: join(dir, 'nohome'), USER: 'u' });
    const verify = setup.sshOptions.hostVerifier as (key: Buffer) => boolean;
    expect(verify(keys.a!.blob)).toBe(false);
    expect(setup.explain(new Error('Host denied (verification failed)'))?.message).toBe(
      'the host key of 127.0.0.1:2222 is not in ~/.ssh/known_hosts — check it and add it with ssh-keyscan -p 2222 127.0.0.1 >> ~/.ssh/known_hosts',
    );
  });
});
