// A real OpenSSH server on 127.0.0.1 in front of the test engine, for ssh:// e2e tests.
// Debian's sshd runs from a temp dir with its own host key, a generated user key whose
// authorized_keys line sets DOCKER_HOST (PermitUserEnvironment), so the remote
// `docker system dial-stdio` of each ssh session reaches the private engine. `home` is a
// HOME for dtui holding .ssh/id_ed25519 and .ssh/known_hosts (from ssh-keyscan).
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { waitFor } from './wait.js';

export interface TestSshd {
  port: number;
  user: string;
  /** ssh://user@127.0.0.1:port */
  url: string;
  /** HOME for dtui: .ssh/id_ed25519 and .ssh/known_hosts trusting this server. */
  home: string;
  /** The known_hosts line(s) for this server, as ssh-keyscan prints them. */
  knownHosts: string;
  stop(): Promise<void>;
}

const SSHD = '/usr/sbin/sshd';

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

function keygen(file: string): void {
  execFileSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-C', 'dtui-test', '-f', file], { stdio: 'pipe' });
}

/**
 * Starts sshd; `dockerHost` is the unix:///… socket the remote docker CLI is to use.
 * `maxSessions`: sessions (channels) one connection may hold at once (sshd's default is 10).
 */
export async function startSshd(dockerHost: string, { maxSessions }: { maxSessions?: number } = {}): Promise<TestSshd> {
  const dir = mkdtempSync(join(tmpdir(), 'dtui-sshd-'));
  const home = join(dir, 'home');
  mkdirSync(join(home, '.ssh'), { recursive: true, mode: 0o700 });
  // sshd refuses to start without its privilege separation directory (made by the
  // service unit, which is not running here).
  mkdirSync('/run/sshd', { recursive: true, mode: 0o755 });
  keygen(join(dir, 'host_ed25519'));
  const userKey = join(home, '.ssh', 'id_ed25519');
  keygen(userKey);
  const pub = readFileSync(`${userKey}.pub`, 'utf8').trim();
  // PATH: the docker CLI the remote side runs (dial-stdio) must be found in the session.
  writeFileSync(join(dir, 'authorized_keys'), `environment="DOCKER_HOST=${dockerHost}",environment="PATH=/usr/local/bin:/usr/bin:/bin" ${pub}\n`, {
    mode: 0o600,
  });
  const port = await freePort();
  const config = join(dir, 'sshd_config');
  writeFileSync(
    config,
    [
      `Port ${port}`,
      'ListenAddress 127.0.0.1',
      `HostKey ${join(dir, 'host_ed25519')}`,
      `AuthorizedKeysFile ${join(dir, 'authorized_keys')}`,
      `PidFile ${join(dir, 'sshd.pid')}`,
      'PermitUserEnvironment yes',
      'StrictModes no',
      'PasswordAuthentication no',
      'KbdInteractiveAuthentication no',
      'PermitRootLogin prohibit-password',
      'UsePAM no',
      'LogLevel ERROR',
      ...(maxSessions === undefined ? [] : [`MaxSessions ${maxSessions}`]),
      '',
    ].join('\n'),
  );
  // -D: stays in the foreground, so this process owns it and stop() ends exactly it.
  const child: ChildProcess = spawn(SSHD, ['-D', '-e', '-f', config], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
  let exited = false;
  child.once('exit', () => (exited = true));
  let knownHosts = '';
  await waitFor(
    () => {
      if (exited) return false;
      try {
        knownHosts = execFileSync('ssh-keyscan', ['-p', String(port), '-t', 'ed25519', '127.0.0.1'], { stdio: ['ignore', 'pipe', 'ignore'] }).toString();
      } catch {
        knownHosts = '';
      }
      return knownHosts.includes('ssh-ed25519');
    },
    { timeout: 10_000, message: () => `sshd to answer ssh-keyscan on port ${port}${exited ? ' (sshd exited)' : ''}: ${stderr}` },
  );
  writeFileSync(join(home, '.ssh', 'known_hosts'), knownHosts);
  const user = userInfo().username;
  return {
    port,
    user,
    url: `ssh://${user}@127.0.0.1:${port}`,
    home,
    knownHosts,
    async stop() {
      if (!exited) {
        const gone = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        await gone;
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
