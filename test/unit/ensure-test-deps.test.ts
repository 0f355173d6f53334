// scripts/ensure-test-deps.sh, the first step of `npm test`: silent and apt-free when the
// test programs are installed; as a non-root user with programs missing, one message that
// names the exact command, and exit 1; as root it would run apt-get (stubbed here).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const SCRIPT = join(import.meta.dirname, '../../scripts/ensure-test-deps.sh');
const dir = mkdtempSync(join(tmpdir(), 'dtui-deps-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A bin dir whose apt-get only records that it was called. */
function stubApt(): { bin: string; log: string } {
  const bin = mkdtempSync(join(dir, 'bin-'));
  const log = join(bin, 'apt.log');
  writeFileSync(join(bin, 'apt-get'), `#!/bin/sh\necho "apt-get $*" >> ${log}\n`, { mode: 0o755 });
  return { bin, log };
}

describe('ensure-test-deps', () => {
  it('does nothing and calls no apt when everything is installed', () => {
    const { bin, log } = stubApt();
    const out = spawnSync('/bin/bash', [SCRIPT], { env: { PATH: `${bin}:${process.env.PATH}` }, encoding: 'utf8' });
    expect(out.status).toBe(0);
    expect(out.stderr).toBe('');
    expect(existsSync(log)).toBe(false);
  });

  it('as root installs what is missing with apt-get, update first, non-interactive', () => {
    if (process.getuid?.() !== 0) throw new Error('this test runs as root (as npm test does)');
    const { bin, log } = stubApt();
    // Only the stub apt-get and bash's own dir: docker, htpasswd, openssl and ssh-keyscan are "missing".
    const out = spawnSync('/bin/bash', [SCRIPT], { env: { PATH: bin }, encoding: 'utf8' });
    expect(out.status).toBe(0);
    const calls = readFileSync(log, 'utf8').trim().split('\n');
    expect(calls[0]).toBe('apt-get update -qq');
    expect(calls[1]).toMatch(/^apt-get install -y .*docker\.io apache2-utils openssl openssh-server podman$/);
  });

  it('as a user, names the exact command and exits 1', () => {
    const out = spawnSync('/usr/bin/setpriv', ['--reuid=65534', '--regid=65534', '--clear-groups', '/bin/bash', SCRIPT], {
      env: { PATH: '/nonexistent' },
      encoding: 'utf8',
    });
    expect(out.status).toBe(1);
    expect(out.stderr.trim().split('\n')).toEqual([
      'npm test needs the Debian packages docker.io apache2-utils openssl openssh-server podman; install them with: sudo apt-get update && sudo apt-get install -y docker.io apache2-utils openssl openssh-server podman',
    ]);
  });
});
