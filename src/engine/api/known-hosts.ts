// Host key checking against an OpenSSH known_hosts file, as `ssh` does with
// StrictHostKeyChecking=yes: a key listed for the host is accepted, any other key for a
// listed host is a CHANGED key, a host not listed is UNKNOWN, an @revoked key is refused.
// Hand-written because no maintained npm package parses known_hosts (ssh2 leaves host
// checking to its caller); the format is sshd(8) "SSH_KNOWN_HOSTS FILE FORMAT".
// Pure: takes the file's text, never reads files.
import { createHmac } from 'node:crypto';

export interface KnownHostEntry {
  line: number;
  marker?: '@revoked' | '@cert-authority';
  patterns: string;
  keyType: string;
  key: Buffer;
}

export type HostKeyVerdict = { kind: 'known'; line: number } | { kind: 'unknown' } | { kind: 'changed'; line: number } | { kind: 'revoked'; line: number };

export function parseKnownHosts(text: string): KnownHostEntry[] {
  const entries: KnownHostEntry[] = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    const fields = raw.trim().split(/\s+/);
    if (fields[0] === undefined || fields[0] === '' || fields[0].startsWith('#')) return;
    const marker = fields[0] === '@revoked' || fields[0] === '@cert-authority' ? (fields.shift() as KnownHostEntry['marker']) : undefined;
    const [patterns, keyType, key64] = fields;
    if (!patterns || !keyType || !key64) return;
    entries.push({ line: i + 1, ...(marker ? { marker } : {}), patterns, keyType, key: Buffer.from(key64, 'base64') });
  });
  return entries;
}

/** How known_hosts names a host: `host` on port 22, `[host]:port` otherwise. */
export function hostEntryName(host: string, port: number): string {
  return port === 22 ? host : `[${host}]:${port}`;
}

function globMatch(pattern: string, name: string): boolean {
  const re = pattern
    .replace(/[.+^${}()|[\]\\]/g, '\\$&')
    .replace(/\*/g, '.*')
    .replace(/\?/g, '.');
  return new RegExp(`^${re}$`, 'i').test(name);
}

/** `|1|salt|hash`: HMAC-SHA1 of the name keyed by the salt (HashKnownHosts yes). */
function hashedMatch(pattern: string, name: string): boolean {
  const [, magic, salt, hash] = pattern.split('|');
  if (magic !== '1' || !salt || !hash) return false;
  return createHmac('sha1', Buffer.from(salt, 'base64')).update(name).digest('base64') === hash;
}

/** A comma-separated pattern list matches unless a `!negated` pattern matches. */
export function patternsMatch(patterns: string, name: string): boolean {
  if (patterns.startsWith('|')) return hashedMatch(patterns, name);
  let matched = false;
  for (const p of patterns.split(',')) {
    if (p.startsWith('!')) {
      if (globMatch(p.slice(1), name)) return false;
    } else if (globMatch(p, name)) matched = true;
  }
  return matched;
}

/** The host's plain-key entries (no @cert-authority: certificates are not supported). */
export function entriesFor(entries: KnownHostEntry[], host: string, port: number): KnownHostEntry[] {
  const name = hostEntryName(host, port);
  return entries.filter((e) => e.marker !== '@cert-authority' && patternsMatch(e.patterns, name));
}

/** `key` is the server's host key blob as sent in the key exchange. */
export function checkHostKey(entries: KnownHostEntry[], host: string, port: number, key: Buffer): HostKeyVerdict {
  const mine = entriesFor(entries, host, port);
  const revoked = entries.find((e) => e.marker === '@revoked' && e.key.equals(key));
  if (revoked) return { kind: 'revoked', line: revoked.line };
  const same = mine.find((e) => !e.marker && e.key.equals(key));
  if (same) return { kind: 'known', line: same.line };
  const other = mine.find((e) => !e.marker);
  return other ? { kind: 'changed', line: other.line } : { kind: 'unknown' };
}

/**
 * The host key algorithms to offer, as ssh does: those of the keys already listed for
 * the host, so a server with several host keys shows the one we can check.
 */
export function hostKeyAlgorithms(entries: KnownHostEntry[], host: string, port: number): string[] {
  const types = new Set(
    entriesFor(entries, host, port)
      .filter((e) => !e.marker)
      .map((e) => e.keyType),
  );
  return [...types].flatMap((t) => (t === 'ssh-rsa' ? ['rsa-sha2-512', 'rsa-sha2-256', 'ssh-rsa'] : [t]));
}
