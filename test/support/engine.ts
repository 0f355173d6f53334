// Helpers for tests that talk to the test Docker engine started by test/global-setup.ts.
//
// Contract for test authors: every container a test creates MUST carry the label
// `dtui.test=1` (TEST_LABELS; runTestContainer adds it). The global teardown removes
// exactly those containers, which matters when DTUI_TEST_DOCKER_HOST points at a shared
// engine. Use uniqueName() for container names so parallel test files never collide.
//
// This module reads the engine location from env vars (set by the global setup before
// workers fork) rather than vitest's inject(), so scripts outside vitest can import it.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Docker from 'dockerode';
import { TEST_IMAGE } from './test-image.js';
import { waitFor } from './wait.js';

export { TEST_IMAGE, waitFor };
export type { WaitForOptions } from './wait.js';

export const TEST_LABEL = 'dtui.test';
export const TEST_LABELS: Record<string, string> = { [TEST_LABEL]: '1' };

/** Env vars the global setup exports to test workers (and that a human may preset). */
export const ENV = {
  dockerHost: 'DTUI_TEST_DOCKER_HOST',
  tlsHost: 'DTUI_TEST_TLS_HOST',
  tlsCerts: 'DTUI_TEST_TLS_CERTS',
} as const;

declare module 'vitest' {
  export interface ProvidedContext {
    /** unix:///…/docker.sock of the test engine (or whatever DTUI_TEST_DOCKER_HOST was). */
    dockerHost: string;
    /** tcp://127.0.0.1:PORT of the TLS listener; '' for an external engine. */
    tlsHost: string;
    /** Dir with ca.pem, cert.pem, key.pem for tlsHost; '' for an external engine. */
    tlsCerts: string;
  }
}

/**
 * A dockerode client for `host` (unix:///path or tcp://host:port). With `certDir` the
 * tcp connection uses mutual TLS with certDir/{ca,cert,key}.pem, like DOCKER_CERT_PATH.
 */
export function dockerFor(host: string, certDir?: string, timeoutMs?: number): Docker {
  const url = new URL(host);
  if (url.protocol === 'unix:') return new Docker({ socketPath: url.pathname, timeout: timeoutMs });
  if (url.protocol !== 'tcp:') throw new Error(`unsupported docker host ${host}`);
  const tls = certDir
    ? {
        protocol: 'https' as const,
        ca: readFileSync(join(certDir, 'ca.pem')),
        cert: readFileSync(join(certDir, 'cert.pem')),
        key: readFileSync(join(certDir, 'key.pem')),
      }
    : { protocol: 'http' as const };
  return new Docker({ host: url.hostname, port: Number(url.port), timeout: timeoutMs, ...tls });
}

/** Resolves when `host` answers GET /_ping, rejects with the connection error otherwise. */
export async function pingHost(host: string, certDir?: string, timeoutMs = 3000): Promise<void> {
  await dockerFor(host, certDir, timeoutMs).ping();
}

function requireEnv(name: string): string {
  const value = process.env[name];
  if (!value) {
    throw new Error(
      `${name} is not set: run tests through vitest (test/global-setup.ts starts the engine) ` +
        'or export it yourself, e.g. from scripts/test-engine.sh start DIR',
    );
  }
  return value;
}

/** dockerode for the test engine's plain unix socket. */
export function testDocker(): Docker {
  return dockerFor(requireEnv(ENV.dockerHost));
}

/** dockerode for the test engine's TLS tcp listener (client certs from DTUI_TEST_TLS_CERTS). */
export function testDockerTls(): Docker {
  return dockerFor(requireEnv(ENV.tlsHost), requireEnv(ENV.tlsCerts));
}

let nameCounter = 0;
/** A container-name-safe name unique across parallel workers and repeated runs. */
export function uniqueName(prefix: string): string {
  const safe =
    prefix
      .toLowerCase()
      .replace(/[^a-z0-9_.-]+/g, '-')
      .replace(/^[^a-z0-9]+/, '') || 'dtui';
  return `${safe}-${process.pid}-${Date.now().toString(36)}-${(nameCounter++).toString(36)}`;
}

export interface RunTestContainerOptions {
  name: string;
  /** Command for the busybox image, e.g. ['sh', '-c', 'echo hi; sleep 1000']. Defaults to the image's ["sh"]. */
  cmd?: string[];
  /** Allocate a TTY (also keeps stdin open so an interactive `sh` stays alive). */
  tty?: boolean;
  /** Start the container after creating it (default true). */
  start?: boolean;
  /** Extra labels; `dtui.test=1` is always added. */
  labels?: Record<string, string>;
  env?: string[];
  /** Another tag of TEST_IMAGE (default TEST_IMAGE itself). */
  image?: string;
  /** Extra HostConfig, e.g. anonymous volumes via Volumes below. */
  volumes?: string[];
}

/** Creates (labelled dtui.test=1) and by default starts a TEST_IMAGE container; returns its id. */
export async function runTestContainer(docker: Docker, opts: RunTestContainerOptions): Promise<string> {
  const container = await docker.createContainer({
    name: opts.name,
    Image: opts.image ?? TEST_IMAGE,
    Volumes: opts.volumes ? Object.fromEntries(opts.volumes.map((v) => [v, {}])) : undefined,
    Cmd: opts.cmd,
    Tty: opts.tty ?? false,
    OpenStdin: opts.tty ?? false,
    Env: opts.env,
    Labels: { ...opts.labels, ...TEST_LABELS },
  });
  if (opts.start ?? true) await container.start();
  return container.id;
}

/** Force-removes every container labelled dtui.test=1 (with its anonymous volumes). */
export async function removeTestContainers(docker: Docker): Promise<number> {
  const containers = await docker.listContainers({ all: true, filters: { label: [`${TEST_LABEL}=1`] } });
  await Promise.all(
    containers.map((c) =>
      docker
        .getContainer(c.Id)
        .remove({ force: true, v: true })
        .catch((error: { statusCode?: number }) => {
          // 404: already gone; 409: removal already in progress. Both mean "not our problem".
          if (error.statusCode !== 404 && error.statusCode !== 409) throw error;
        }),
    ),
  );
  return containers.length;
}
