// Registry credentials found the way the docker CLI finds them: ~/.docker/config.json
// ($DOCKER_CONFIG honoured) — a per-registry `credHelpers` entry, else the `credsStore`,
// else the `auths` section (base64 "user:pass" or username/password). Helpers are the
// docker-credential-<name> programs (`get`, server URL on stdin, JSON on stdout).
// Secrets stay in memory: nothing here logs, prints or writes them.
import { spawn } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { sanitize } from '../../text/sanitize.js';
import { parseReference } from '../models/validate.js';

export const DOCKER_HUB = 'docker.io';
/** The key Docker Hub credentials are stored under, for historical reasons. */
export const DOCKER_HUB_AUTH_KEY = 'https://index.docker.io/v1/';

export interface RegistryAuth {
  username?: string;
  password?: string;
  identitytoken?: string;
  serveraddress: string;
  /** Where it came from, for the status line ("config.json", "credential helper pass", "login"). */
  source: string;
}

export interface LookupOptions {
  env?: NodeJS.ProcessEnv;
  /** Kill a helper that has not answered after this long. */
  helperTimeoutMs?: number;
}

interface DockerConfig {
  auths?: Record<string, { auth?: string; username?: string; password?: string; identitytoken?: string }>;
  credsStore?: string;
  credHelpers?: Record<string, string>;
}

/** The registry host a reference lives on: "127.0.0.1:5000", or docker.io. */
export function registryOf(reference: string): string {
  const parsed = parseReference(reference);
  const domain = typeof parsed === 'string' ? undefined : parsed.domain;
  return normalizeRegistry(domain ?? DOCKER_HUB);
}

/** "https://127.0.0.1:5000/v2/" → "127.0.0.1:5000"; every Docker Hub alias → docker.io. */
export function normalizeRegistry(key: string): string {
  const host = key
    .trim()
    .replace(/^[a-z][a-z0-9+.-]*:\/\//i, '')
    .replace(/\/.*$/, '')
    .toLowerCase();
  return ['index.docker.io', 'registry-1.docker.io', 'registry.hub.docker.com', 'docker.io'].includes(host) ? DOCKER_HUB : host;
}

/** What a helper is asked for and what the engine gets as serveraddress. */
export function serverAddress(registry: string): string {
  return registry === DOCKER_HUB ? DOCKER_HUB_AUTH_KEY : registry;
}

export function dockerConfigDir(env: NodeJS.ProcessEnv = process.env): string {
  return env.DOCKER_CONFIG || join(env.HOME || homedir(), '.docker');
}

async function readConfig(env: NodeJS.ProcessEnv): Promise<DockerConfig> {
  let text: string;
  try {
    text = await readFile(join(dockerConfigDir(env), 'config.json'), 'utf8');
  } catch {
    return {};
  }
  try {
    const parsed: unknown = JSON.parse(text);
    return parsed && typeof parsed === 'object' ? parsed : {};
  } catch {
    throw new Error(`${join(dockerConfigDir(env), 'config.json')} is not valid JSON`);
  }
}

function findEntry<T>(map: Record<string, T> | undefined, registry: string): T | undefined {
  if (!map) return undefined;
  for (const [key, value] of Object.entries(map)) {
    if (normalizeRegistry(key) === registry) return value;
  }
  return undefined;
}

function fromAuths(config: DockerConfig, registry: string): RegistryAuth | undefined {
  const entry = findEntry(config.auths, registry);
  if (!entry) return undefined;
  const address = serverAddress(registry);
  if (entry.identitytoken) return { identitytoken: entry.identitytoken, serveraddress: address, source: 'config.json' };
  if (entry.auth) {
    const decoded = Buffer.from(entry.auth, 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    if (colon < 0) return undefined;
    return { username: decoded.slice(0, colon), password: decoded.slice(colon + 1), serveraddress: address, source: 'config.json' };
  }
  if (entry.username && entry.password) {
    return { username: entry.username, password: entry.password, serveraddress: address, source: 'config.json' };
  }
  return undefined;
}

/** What a helper may print before it is cut off: an answer is a few hundred bytes. */
const MAX_HELPER_OUTPUT = 1 << 20;

/** Runs docker-credential-<helper> get; undefined when the helper has nothing for this server.
 * The helper runs in a process group of its own: when it exits (or the timeout fires) the
 * whole group is killed, so a child it left behind holding our pipes open (`sleep 1000 &`)
 * can neither keep the answer from arriving nor outlive the lookup. The answer counts from
 * the helper's own exit, not from its pipes closing. */
export function runCredentialHelper(helper: string, address: string, opts: LookupOptions = {}): Promise<RegistryAuth | undefined> {
  // The name comes from a config file and becomes a program name: no paths, no options.
  if (!/^[a-zA-Z0-9][a-zA-Z0-9_.-]*$/.test(helper)) return Promise.reject(new Error(`invalid credential helper name "${sanitize(helper)}"`));
  const program = `docker-credential-${helper}`;
  const timeoutMs = opts.helperTimeoutMs ?? 15_000;
  return new Promise((resolve, reject) => {
    const child = spawn(program, ['get'], { env: opts.env ?? process.env, stdio: ['pipe', 'pipe', 'pipe'], detached: true });
    let out = '';
    let err = '';
    let settled = false;
    let grace: NodeJS.Timeout | undefined;
    const killGroup = () => {
      if (child.pid === undefined) return;
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {
        // The group is already empty.
      }
    };
    const settle = (answer: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      clearTimeout(grace);
      killGroup();
      child.stdout.destroy();
      child.stderr.destroy();
      answer();
    };
    const timer = setTimeout(() => settle(() => reject(new Error(`${program} did not answer within ${Math.round(timeoutMs / 1000)} s (killed)`))), timeoutMs);
    const collect = (which: 'out' | 'err') => (d: string) => {
      if (which === 'out') out += d;
      else err += d;
      if (out.length + err.length > MAX_HELPER_OUTPUT) settle(() => reject(new Error(`${program} printed more than ${MAX_HELPER_OUTPUT >> 20} MiB (killed)`)));
    };
    child.stdout.setEncoding('utf8').on('data', collect('out'));
    child.stderr.setEncoding('utf8').on('data', collect('err'));
    child.stdin.on('error', () => undefined);
    child.stdin.end(address);
    child.on('error', (e: NodeJS.ErrnoException) => {
      settle(() => reject(new Error(e.code === 'ENOENT' ? `${program} is not installed (named in the docker config)` : `${program}: ${sanitize(e.message)}`)));
    });
    const answered = (code: number | null, signal: NodeJS.Signals | null) =>
      settle(() => {
        // Helpers answer "credentials not found in native keychain" (on stdout) for an unknown server.
        if (/credentials not found/i.test(out + err)) return resolve(undefined);
        if (signal) return reject(new Error(`${program} did not answer (killed by ${signal})`));
        // The helper's own words reach the status line: a hostile or broken helper may write
        // escape sequences there, so only their printable part is kept.
        if (code !== 0) return reject(new Error(`${program} failed: ${sanitize((err || out).trim().split('\n')[0] ?? '').slice(0, 300) || `exit ${code}`}`));
        try {
          const answer = JSON.parse(out) as { Username?: string; Secret?: string };
          if (!answer.Secret) return resolve(undefined);
          // "<token>" as the user name means the secret is an identity token (docker login --token).
          if (answer.Username === '<token>') return resolve({ identitytoken: answer.Secret, serveraddress: address, source: `credential helper ${helper}` });
          resolve({ username: answer.Username ?? '', password: answer.Secret, serveraddress: address, source: `credential helper ${helper}` });
        } catch {
          reject(new Error(`${program} answered something that is not JSON`));
        }
      });
    // 'close' waits for every holder of the pipes; 'exit' is the helper itself. After its
    // exit, what it wrote is read for a moment, then the group goes.
    child.on('exit', (code, signal) => {
      grace = setTimeout(() => answered(code, signal), 200);
    });
    child.on('close', (code, signal) => answered(code, signal));
  });
}

/** Credentials for `registry` (a normalized host), or undefined when none are configured. */
export async function findCredentials(registry: string, opts: LookupOptions = {}): Promise<RegistryAuth | undefined> {
  const env = opts.env ?? process.env;
  const config = await readConfig(env);
  const helper = findEntry(config.credHelpers, registry) ?? config.credsStore;
  if (helper) {
    const found = await runCredentialHelper(helper, serverAddress(registry), { ...opts, env });
    if (found) return found;
  }
  return fromAuths(config, registry);
}

/** The X-Registry-Auth body the engine expects (without dtui's bookkeeping). */
export function engineAuth(auth: RegistryAuth | undefined): Record<string, string> {
  if (!auth) return {};
  const { source: _source, ...rest } = auth;
  return Object.fromEntries(Object.entries(rest).filter((e): e is [string, string] => typeof e[1] === 'string'));
}
