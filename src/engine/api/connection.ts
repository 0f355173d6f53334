// Where the engine is and how to reach it, resolved the way the docker CLI does:
// -H / --context, then DOCKER_HOST (with DOCKER_TLS_VERIFY / DOCKER_CERT_PATH), then
// DOCKER_CONTEXT and config.json's current context (contexts.ts), then the default
// socket. Pure: reads files only (contexts, TLS material), never opens a socket.
import { readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { SshConnectError } from './ssh-options.js';
import { ContextError, DEFAULT_CONTEXT, readContext, resolveContextName, type DockerContext } from './contexts.js';

export const DEFAULT_SOCKET = '/var/run/docker.sock';

export interface ConnectionFlags {
  host?: string;
  /** --context NAME */
  context?: string;
  tls?: boolean;
  tlsVerify?: boolean;
  tlsCaCert?: string;
  tlsCert?: string;
  tlsKey?: string;
}

export interface TlsMaterial {
  verify: boolean;
  ca?: Buffer;
  cert?: Buffer;
  key?: Buffer;
  /** Where ca/cert/key were read from, for handing the same TLS set-up to the docker CLI. */
  files?: { ca?: string; cert?: string; key?: string };
}

interface EndpointBase {
  url: string;
  /** The docker context it came from; undefined for -H, DOCKER_HOST and the default socket. */
  context?: string;
}

export type Endpoint =
  | (EndpointBase & { kind: 'unix'; socketPath: string })
  | (EndpointBase & { kind: 'tcp'; hostname: string; port: number; tls?: TlsMaterial })
  /** `docker system dial-stdio` run on hostname over ssh (ssh-engine.ts). */
  | (EndpointBase & { kind: 'ssh'; user?: string; hostname: string; port: number });

export class ConnectionConfigError extends Error {}

function certDir(env: NodeJS.ProcessEnv): string {
  return env.DOCKER_CERT_PATH || join(env.DOCKER_CONFIG || join(homedir(), '.docker'));
}

function readPem(path: string, what: string): Buffer {
  try {
    return readFileSync(path);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new ConnectionConfigError(`cannot read TLS ${what} ${path} (${code ?? 'unreadable'})`);
  }
}

function tlsMaterial(flags: ConnectionFlags, env: NodeJS.ProcessEnv): TlsMaterial | undefined {
  const envVerify = env.DOCKER_TLS_VERIFY !== undefined && env.DOCKER_TLS_VERIFY !== '' && env.DOCKER_TLS_VERIFY !== '0';
  const verify = flags.tlsVerify ?? envVerify;
  const anyFile = flags.tlsCaCert || flags.tlsCert || flags.tlsKey;
  if (!verify && !flags.tls && !anyFile) return undefined;
  const dir = certDir(env);
  const caPath = flags.tlsCaCert ?? join(dir, 'ca.pem');
  const certPath = flags.tlsCert ?? join(dir, 'cert.pem');
  const keyPath = flags.tlsKey ?? join(dir, 'key.pem');
  const material: TlsMaterial = { verify };
  // Like the CLI: with verification the CA is required; client certs are optional
  // unless named explicitly.
  if (verify || flags.tlsCaCert) {
    material.ca = readPem(caPath, 'CA certificate');
    material.files = { ca: caPath };
  }
  if (flags.tlsCert || flags.tlsKey || verify) {
    const certExplicit = Boolean(flags.tlsCert || flags.tlsKey);
    try {
      material.cert = readPem(certPath, 'client certificate');
      material.key = readPem(keyPath, 'client key');
      material.files = { ...material.files, cert: certPath, key: keyPath };
    } catch (err) {
      if (certExplicit) throw err;
      material.cert = undefined;
      material.key = undefined;
    }
  }
  return material;
}

/** Resolves flags + environment (+ docker contexts) into one endpoint, or throws ConnectionConfigError. */
export function resolveEndpoint(flags: ConnectionFlags, env: NodeJS.ProcessEnv = process.env): Endpoint {
  let name: string;
  let context: DockerContext;
  try {
    name = resolveContextName(flags, env);
    context = readContext(name, env);
  } catch (err) {
    if (err instanceof ContextError) throw new ConnectionConfigError(err.message);
    throw err;
  }
  if (name === DEFAULT_CONTEXT) {
    const raw = flags.host ?? (env.DOCKER_HOST || `unix://${DEFAULT_SOCKET}`);
    return endpointForHost(raw, () => tlsMaterial(flags, env));
  }
  const host = context.host ?? `unix://${DEFAULT_SOCKET}`;
  return { ...endpointForHost(host, () => contextTls(context)), context: name };
}

/**
 * A context's TLS material as the CLI builds it (context/docker/load.go): none without
 * stored files unless SkipTLSVerify; the CA when stored; cert and key as a pair.
 */
function contextTls(ctx: DockerContext): TlsMaterial | undefined {
  if (!ctx.tlsDir && !ctx.skipTlsVerify) return undefined;
  const material: TlsMaterial = { verify: !ctx.skipTlsVerify };
  if (!ctx.tlsDir) return material;
  const dir = ctx.tlsDir;
  const has = (f: string) => ctx.tlsFiles.includes(f);
  const where = `context "${ctx.name}"`;
  const read = (file: string, what: string) => {
    try {
      return readPem(join(dir, file), what);
    } catch (err) {
      throw new ConnectionConfigError(`${where}: ${(err as Error).message}`);
    }
  };
  if (has('ca.pem')) material.ca = read('ca.pem', 'CA certificate');
  if (has('cert.pem') || has('key.pem')) {
    // A pair with one half gone: name the missing file rather than fall back silently.
    material.cert = read('cert.pem', 'client certificate');
    material.key = read('key.pem', 'client key');
  }
  return material;
}

function endpointForHost(raw: string, tls: () => TlsMaterial | undefined): Endpoint {
  if (raw.startsWith('unix://') || raw.startsWith('/')) {
    const socketPath = raw.startsWith('/') ? raw : raw.slice('unix://'.length) || DEFAULT_SOCKET;
    return { kind: 'unix', socketPath, url: `unix://${socketPath}` };
  }
  if (raw.startsWith('ssh://')) return sshEndpoint(raw);
  if (raw.startsWith('npipe://')) {
    throw new ConnectionConfigError(`unsupported host ${raw}: dtui speaks unix://, tcp:// and ssh://`);
  }
  const withScheme = /^[a-z]+:\/\//.test(raw) ? raw : `tcp://${raw}`;
  let url: URL;
  try {
    url = new URL(withScheme.replace(/^(tcp|http|https):/, 'http:'));
  } catch {
    throw new ConnectionConfigError(`invalid host "${raw}": expected unix:///path or tcp://host:port`);
  }
  const material = tls() ?? (withScheme.startsWith('https:') ? { verify: true } : undefined);
  const port = url.port ? Number(url.port) : material ? 2376 : 2375;
  const hostname = url.hostname.replace(/^\[|\]$/g, '');
  if (!hostname) throw new ConnectionConfigError(`invalid host "${raw}": no host name`);
  return { kind: 'tcp', hostname, port, url: `tcp://${url.hostname}:${port}`, tls: material };
}

/** ssh://[user@]host[:port], as the CLI takes it (connhelper/ssh): no path, no password. */
function sshEndpoint(raw: string): Endpoint {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConnectionConfigError(`invalid host "${raw}": expected ssh://[user@]host[:port]`);
  }
  if (!url.hostname) throw new ConnectionConfigError(`invalid host "${raw}": no host name`);
  if (url.password) throw new ConnectionConfigError(`invalid host "${raw}": a password in the URL is not supported — use ssh-agent or ~/.ssh keys`);
  if (url.pathname && url.pathname !== '/') throw new ConnectionConfigError(`invalid host "${raw}": ssh hosts take no path`);
  const port = url.port ? Number(url.port) : 22;
  const user = url.username ? decodeURIComponent(url.username) : undefined;
  const hostname = url.hostname.replace(/^\[|\]$/g, '');
  return { kind: 'ssh', hostname, port, ...(user ? { user } : {}), url: `ssh://${user ? `${url.username}@` : ''}${url.hostname}${url.port ? `:${port}` : ''}` };
}

/** Plain tcp to another machine: anyone on the network can control this engine. */
export function isInsecure(endpoint: Endpoint): boolean {
  return endpoint.kind === 'tcp' && !endpoint.tls && !isLoopback(endpoint);
}

export function isLoopback(endpoint: Endpoint): boolean {
  if (endpoint.kind === 'unix') return true;
  // ::ffff:7fxx:xxxx is IPv4 loopback (127/8) written as IPv6, as URL normalises it.
  return /^(localhost|127\.\d+\.\d+\.\d+|::1|::ffff:7f[0-9a-f]{2}:[0-9a-f]{1,4})$/i.test(endpoint.hostname);
}

/**
 * An https agent that encrypts without checking the server's certificate (docker --tls).
 * node:https is loaded only here, on first use (start-up: patches/README.md, docker-modem).
 */
let unverified: unknown;
function unverifiedAgent(): unknown {
  const https = process.getBuiltinModule('node:https');
  unverified ??= new https.Agent({ keepAlive: false, rejectUnauthorized: false, checkServerIdentity: () => undefined });
  return unverified;
}

/** dockerode/docker-modem options for an endpoint; every field explicit so that the
 * modem's own DOCKER_HOST defaults can never leak in underneath our flags. */
export function modemOptions(endpoint: Endpoint, version?: string): Record<string, unknown> {
  const base = {
    version,
    host: undefined,
    port: undefined,
    socketPath: undefined,
    protocol: undefined,
    ca: undefined,
    cert: undefined,
    key: undefined,
  } as Record<string, unknown>;
  if (endpoint.kind === 'unix') return { ...base, socketPath: endpoint.socketPath };
  // ssh: plain http over `docker system dial-stdio` channels; the caller adds the
  // `agent` that makes them (ssh-dialer.ts).
  if (endpoint.kind === 'ssh') return { ...base, protocol: 'http', host: endpoint.hostname, port: endpoint.port };
  const t = endpoint.tls;
  return {
    ...base,
    host: endpoint.hostname,
    port: endpoint.port,
    protocol: t ? 'https' : 'http',
    ca: t?.ca,
    cert: t?.cert,
    key: t?.key,
    // Without --tlsverify the CLI encrypts but does not check the server certificate.
    // docker-modem passes neither rejectUnauthorized nor a CA-less trust decision on to the
    // request, only an agent: so the "don't verify" goes into an agent of our own (the
    // client certificate for mutual TLS still comes with each request from the modem).
    ...(t && !t.verify ? { checkServerIdentity: () => undefined, rejectUnauthorized: false, agent: unverifiedAgent() } : {}),
  };
}

/** One line naming the host, the cause, and what to try. */
export function explainConnectError(err: unknown, endpoint: Endpoint): string {
  const e = err as NodeJS.ErrnoException & { statusCode?: number; reason?: string };
  const code = e?.code ?? '';
  const where = endpoint.url;
  if (err instanceof SshConnectError) return `Cannot connect to the Docker engine at ${where}: ${err.message}`;
  const hints: Record<string, string> = {
    ENOENT: `no such socket — is the Docker daemon running? (set DOCKER_HOST or -H to another engine)`,
    EACCES: `permission denied — add your user to the "docker" group or run with sudo`,
    ECONNREFUSED: `connection refused — is the daemon listening there?`,
    ENOTFOUND: `host not found — check the host name`,
    EAI_AGAIN: `host name lookup failed — check the host name and DNS`,
    ETIMEDOUT: `timed out — is the host reachable?`,
    EHOSTUNREACH: `host unreachable`,
    ECONNRESET: `connection reset — a TLS engine contacted without --tlsverify?`,
    ENOTSOCK: `not a socket`,
  };
  // No engine on a local socket: a newcomer's first run. Point at the demo engine.
  const demo = endpoint.kind === 'unix' && (code === 'ENOENT' || code === 'ECONNREFUSED') ? ' — or try dtui on a private demo engine: npm run demo' : '';
  if (hints[code]) return `Cannot connect to the Docker engine at ${where}: ${hints[code]}${demo}`;
  const msg = String(e?.message ?? err);
  if (/certificate|self[- ]signed|SSL|TLS|tls|handshake|alert/i.test(msg) || code.startsWith('ERR_SSL') || code.includes('CERT')) {
    return `Cannot connect to the Docker engine at ${where}: TLS failure (${firstLine(msg)}) — check --tlscacert/--tlscert/--tlskey or DOCKER_CERT_PATH`;
  }
  if (/socket hang up|HPE_|parse error/i.test(msg) && endpoint.kind === 'tcp' && !endpoint.tls) {
    return `Cannot connect to the Docker engine at ${where}: the server did not speak plain HTTP — does it need --tlsverify?`;
  }
  return `Cannot connect to the Docker engine at ${where}: ${firstLine(msg)}`;
}

function firstLine(s: string): string {
  return s.split('\n')[0]!.slice(0, 200);
}
