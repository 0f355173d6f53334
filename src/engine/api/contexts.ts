// Docker contexts, read from the files the docker CLI writes (`docker context create/use`):
//   $DOCKER_CONFIG/config.json                               { "currentContext": NAME }
//   $DOCKER_CONFIG/contexts/meta/<sha256(NAME)>/meta.json     { Name, Metadata, Endpoints.docker: { Host, SkipTLSVerify } }
//   $DOCKER_CONFIG/contexts/tls/<sha256(NAME)>/docker/{ca,cert,key}.pem
// Which context applies is decided as the CLI decides it (cli/command/cli.go
// resolveContextName): --context, then "default" when -H or DOCKER_HOST is given, then
// DOCKER_CONTEXT, then config.json's currentContext, then "default". Reads files only;
// no sockets, no dockerode.
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { compareText } from '../../text/compare-text.js';

/** The built-in context: DOCKER_HOST / the -H flags / the default socket. */
export const DEFAULT_CONTEXT = 'default';

export class ContextError extends Error {}

export interface ContextSelection {
  /** --context NAME */
  context?: string;
  /** -H/--host */
  host?: string;
}

export interface DockerContext {
  name: string;
  description?: string;
  /** Endpoints.docker.Host; undefined for "default" (DOCKER_HOST or the default socket decides). */
  host?: string;
  skipTlsVerify: boolean;
  /** Directory holding this context's ca.pem/cert.pem/key.pem, when the CLI stored any. */
  tlsDir?: string;
  /** Names of the TLS files present in tlsDir. */
  tlsFiles: string[];
}

export function dockerConfigDir(env: NodeJS.ProcessEnv): string {
  return env.DOCKER_CONFIG || join(env.HOME || homedir(), '.docker');
}

/** The directory name the CLI gives a context: the hex sha256 of its name. */
export function contextDirName(name: string): string {
  return createHash('sha256').update(name).digest('hex');
}

/** A JSON file of the CLI's config; undefined when it does not exist. */
function readJsonFile(file: string): unknown {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new ContextError(`cannot read ${file} (${(err as NodeJS.ErrnoException).code ?? 'unreadable'})`);
  }
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new ContextError(`${file} is not valid JSON`);
  }
}

function readCurrentContext(configDir: string): string | undefined {
  const current = (readJsonFile(join(configDir, 'config.json')) as { currentContext?: unknown } | null | undefined)?.currentContext;
  return typeof current === 'string' && current !== '' ? current : undefined;
}

/** The name of the context the docker CLI would use with these flags and environment. */
export function resolveContextName(sel: ContextSelection, env: NodeJS.ProcessEnv): string {
  if (sel.context && sel.host) throw new ContextError('conflicting options: cannot specify both --host and --context');
  if (sel.context) return sel.context;
  if (sel.host || env.DOCKER_HOST) return DEFAULT_CONTEXT;
  if (env.DOCKER_CONTEXT) return env.DOCKER_CONTEXT;
  return readCurrentContext(dockerConfigDir(env)) ?? DEFAULT_CONTEXT;
}

interface MetaFile {
  Name?: unknown;
  Metadata?: { Description?: unknown };
  Endpoints?: { docker?: { Host?: unknown; SkipTLSVerify?: unknown } };
}

function tlsFilesIn(dir: string): string[] {
  try {
    return readdirSync(dir)
      .filter((f) => ['ca.pem', 'cert.pem', 'key.pem'].includes(f))
      .sort();
  } catch {
    return [];
  }
}

function contextFromMeta(configDir: string, dirName: string, meta: MetaFile, file: string): DockerContext {
  if (typeof meta.Name !== 'string') throw new ContextError(`${file} has no context name`);
  const docker = meta.Endpoints?.docker;
  const tlsDir = join(configDir, 'contexts', 'tls', dirName, 'docker');
  const tlsFiles = tlsFilesIn(tlsDir);
  const description = meta.Metadata?.Description;
  return {
    name: meta.Name,
    ...(typeof description === 'string' && description ? { description } : {}),
    ...(typeof docker?.Host === 'string' && docker.Host ? { host: docker.Host } : {}),
    skipTlsVerify: docker?.SkipTLSVerify === true,
    ...(tlsFiles.length > 0 ? { tlsDir } : {}),
    tlsFiles,
  };
}

function readMeta(file: string): MetaFile | undefined {
  return readJsonFile(file) as MetaFile | undefined;
}

/** A stored context by name; the message matches the docker CLI's when there is none. */
export function readContext(name: string, env: NodeJS.ProcessEnv): DockerContext {
  if (name === DEFAULT_CONTEXT) return { name, skipTlsVerify: false, tlsFiles: [] };
  const configDir = dockerConfigDir(env);
  const dirName = contextDirName(name);
  const file = join(configDir, 'contexts', 'meta', dirName, 'meta.json');
  const meta = readMeta(file);
  if (!meta) throw new ContextError(`context "${name}": context not found: ${file} does not exist (see docker context ls)`);
  return contextFromMeta(configDir, dirName, meta, file);
}

export interface ListedContext extends DockerContext {
  /** The one the CLI would use now (docker context ls marks it with *). */
  current: boolean;
}

/**
 * Every context, "default" first then by name, as `docker context ls` lists them; for
 * the Engines view. A broken meta.json is skipped rather than hiding the others.
 */
export function listContexts(env: NodeJS.ProcessEnv = process.env, sel: ContextSelection = {}): ListedContext[] {
  const configDir = dockerConfigDir(env);
  const metaRoot = join(configDir, 'contexts', 'meta');
  let current: string;
  try {
    current = resolveContextName(sel, env);
  } catch {
    current = DEFAULT_CONTEXT;
  }
  const found: DockerContext[] = [];
  let dirs: string[];
  try {
    dirs = readdirSync(metaRoot);
  } catch {
    dirs = []; // no contexts created yet
  }
  for (const dirName of dirs) {
    try {
      const file = join(metaRoot, dirName, 'meta.json');
      const meta = readMeta(file);
      if (meta) found.push(contextFromMeta(configDir, dirName, meta, file));
    } catch {
      // unreadable: left out of the list, reported when someone selects it by name
    }
  }
  found.sort((a, b) => compareText(a.name, b.name));
  const all = [
    { name: DEFAULT_CONTEXT, description: 'Current DOCKER_HOST based configuration', skipTlsVerify: false, tlsFiles: [] },
    ...found.filter((c) => c.name !== DEFAULT_CONTEXT),
  ];
  return all.map((c) => ({ ...c, current: c.name === current }));
}
