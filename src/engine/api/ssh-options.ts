// What an ssh:// engine needs beyond the host: the keys to offer and the host key check,
// as ssh2 connect options (ssh-dialer.ts runs `docker system dial-stdio` over them, as
// the docker CLI's connection helper does over the ssh binary).
// Keys: ssh-agent (SSH_AUTH_SOCK) first, then ~/.ssh/id_ed25519, id_ecdsa, id_rsa — the
// order ssh tries them. Host keys: ~/.ssh/known_hosts and /etc/ssh/ssh_known_hosts, never
// accepting a key that is not listed (StrictHostKeyChecking=yes).
import { readFileSync } from 'node:fs';
import { homedir, userInfo } from 'node:os';
import { join } from 'node:path';
import { checkHostKey, hostEntryName, hostKeyAlgorithms, parseKnownHosts, type KnownHostEntry } from './known-hosts.js';

export const IDENTITY_FILES = ['id_ed25519', 'id_ecdsa', 'id_rsa'];
const GLOBAL_KNOWN_HOSTS = '/etc/ssh/ssh_known_hosts';

export interface SshTarget {
  user?: string;
  hostname: string;
  port: number;
}

/** Says why an ssh connection failed in words a person can act on. */
export class SshConnectError extends Error {}

export interface SshSetup {
  /** ssh2 ConnectConfig fields besides host and port. */
  sshOptions: Record<string, unknown>;
  /** An ssh-level failure explained, or undefined when it is not one. */
  explain(err: unknown, remoteStderr?: string): SshConnectError | undefined;
}

function readOptional(path: string): Buffer | undefined {
  try {
    return readFileSync(path);
  } catch {
    return undefined;
  }
}

function tilde(path: string, home: string): string {
  return path.startsWith(`${home}/`) ? `~${path.slice(home.length)}` : path;
}

export function sshSetup(target: SshTarget, env: NodeJS.ProcessEnv = process.env): SshSetup {
  const home = env.HOME || homedir();
  const username = target.user ?? (env.USER || userInfo().username);
  const knownHostsFile = join(home, '.ssh', 'known_hosts');
  const entries: KnownHostEntry[] = [knownHostsFile, GLOBAL_KNOWN_HOSTS].flatMap((f) => parseKnownHosts(readOptional(f)?.toString('utf8') ?? ''));
  const shown = tilde(knownHostsFile, home);
  const where = `${target.hostname}:${target.port}`;
  const entryName = hostEntryName(target.hostname, target.port);
  const scan = `ssh-keyscan${target.port === 22 ? '' : ` -p ${target.port}`} ${target.hostname}`;

  const offered: string[] = [];
  const auth: Record<string, unknown>[] = [];
  if (env.SSH_AUTH_SOCK) {
    auth.push({ type: 'agent', username, agent: env.SSH_AUTH_SOCK });
    offered.push('ssh-agent');
  }
  for (const name of IDENTITY_FILES) {
    const path = join(home, '.ssh', name);
    const key = readOptional(path);
    if (!key) continue;
    // ssh2 skips a key it cannot use (one with a passphrase): the agent is the way for those.
    auth.push({ type: 'publickey', username, key });
    offered.push(tilde(path, home));
  }

  let refusal: string | undefined;
  const hostVerifier = (key: Buffer): boolean => {
    const verdict = checkHostKey(entries, target.hostname, target.port, key);
    switch (verdict.kind) {
      case 'known':
        return true;
      case 'unknown':
        refusal = `the host key of ${where} is not in ${shown} — check it and add it with ${scan} >> ${shown}`;
        return false;
      case 'changed':
        refusal = `the host key of ${where} has CHANGED from the one in ${shown} line ${verdict.line} — someone may be intercepting the connection; if the host was re-keyed, check the new key and replace the line (ssh-keygen -R '${entryName}')`;
        return false;
      case 'revoked':
        refusal = `the host key of ${where} is marked @revoked in known_hosts line ${verdict.line}`;
        return false;
    }
  };

  const algorithms = hostKeyAlgorithms(entries, target.hostname, target.port);
  const sshOptions: Record<string, unknown> = {
    username,
    authHandler: auth,
    hostVerifier,
    readyTimeout: 10_000,
    ...(algorithms.length > 0 ? { algorithms: { serverHostKey: algorithms } } : {}),
  };

  const explain = (err: unknown, remoteStderr?: string): SshConnectError | undefined => {
    if (err instanceof SshConnectError) return err;
    if (refusal) return new SshConnectError(refusal);
    const msg = String((err as Error)?.message ?? err);
    if (remoteStderr) return new SshConnectError(`${target.hostname} says: ${remoteStderr}`);
    if (/All configured authentication methods failed/.test(msg)) {
      const tried = offered.length > 0 ? offered.join(', ') : 'no key found: no SSH_AUTH_SOCK and none of ~/.ssh/' + IDENTITY_FILES.join(', ');
      return new SshConnectError(`ssh: ${username}@${where} accepted none of the keys offered (${tried}) — load the right key with ssh-add`);
    }
    if ((err as { level?: string })?.level === 'client-timeout') return new SshConnectError(`ssh: timed out connecting to ${where}`);
    if (/socket hang up|ECONNRESET/.test(msg)) {
      return new SshConnectError(
        `the ssh session ended before the engine answered — is docker installed on ${target.hostname}, and can ${username} run \`docker system dial-stdio\` there?`,
      );
    }
    return undefined;
  };
  return { sshOptions, explain };
}
