// Where the engine is and how to reach it, resolved the way the docker CLI does:
// flags win over DOCKER_HOST / DOCKER_TLS_VERIFY / DOCKER_CERT_PATH, which win over
// the default socket. Pure: reads files only for TLS material, never opens a socket.
import { readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

export const DEFAULT_SOCKET = '/var/run/docker.sock';

export interface ConnectionFlags {
  host?: string;
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

export type Endpoint =
  | { kind: 'unix'; socketPath: string; url: string }
  | { kind: 'tcp'; hostname: string; port: number; url: string; tls?: TlsMaterial };

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

/** Resolves flags + environment into one endpoint, or throws ConnectionConfigError. */
export function resolveEndpoint(flags: ConnectionFlags, env: NodeJS.ProcessEnv = process.env): Endpoint {
  const raw = flags.host ?? (env.DOCKER_HOST || `unix://${DEFAULT_SOCKET}`);
  if (raw.startsWith('unix://') || raw.startsWith('/')) {
    const socketPath = raw.startsWith('/') ? raw : raw.slice('unix://'.length) || DEFAULT_SOCKET;
    return { kind: 'unix', socketPath, url: `unix://${socketPath}` };
  }
  if (raw.startsWith('ssh://') || raw.startsWith('npipe://')) {
    throw new ConnectionConfigError(`unsupported host ${raw}: dtui speaks unix:// and tcp:// (use an ssh tunnel to a unix socket)`);
  }
  const withScheme = /^[a-z]+:\/\//.test(raw) ? raw : `tcp://${raw}`;
  let url: URL;
  try {
    url = new URL(withScheme.replace(/^(tcp|http|https):/, 'http:'));
  } catch {
    throw new ConnectionConfigError(`invalid host "${raw}": expected unix:///path or tcp://host:port`);
  }
  const tls = tlsMaterial(flags, env) ?? (withScheme.startsWith('https:') ? { verify: true } : undefined);
  const port = url.port ? Number(url.port) : tls ? 2376 : 2375;
  const hostname = url.hostname.replace(/^\[|\]$/g, '');
  if (!hostname) throw new ConnectionConfigError(`invalid host "${raw}": no host name`);
  return { kind: 'tcp', hostname, port, url: `tcp://${url.hostname}:${port}`, tls };
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
  const base = { version, host: undefined, port: undefined, socketPath: undefined, protocol: undefined,
    ca: undefined, cert: undefined, key: undefined } as Record<string, unknown>;
  if (endpoint.kind === 'unix') return { ...base, socketPath: endpoint.socketPath };
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
  if (hints[code]) return `Cannot connect to the Docker engine at ${where}: ${hints[code]}`;
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
