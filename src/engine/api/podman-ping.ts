// A local Podman's version without asking /version. Podman 4.3.1's /version (and /info)
// looks up the package of conmon, runc and slirp4netns on every call — `rpm -q -f`, then
// `dpkg -S` and `dpkg-query -W` for each, five package-database scans per call (measured
// with strace on Debian bookworm) — which took 10–34 s under a load average of 40 while
// /_ping took 0.3 s. /_ping already names Podman and its versions in its headers
// (Libpod-Api-Version: 4.3.1, Api-Version: 1.41, Server: Libpod/4.3.1 (linux)), so
// connecting to it costs one fast request. Only the architecture is missing: a unix socket
// is an engine on this machine, which has this machine's.
import type { IncomingMessage } from 'node:http';
import type Docker from 'dockerode';
import { sanitize } from '../../text/sanitize.js';

export interface PodmanPing {
  version: string;
  apiVersion: string;
  os: string;
}

/** GOARCH names for Node's process.arch (as /version's Arch spells them). */
const GOARCH: Partial<Record<NodeJS.Architecture, string>> = { x64: 'amd64', ia32: '386', arm64: 'arm64', arm: 'arm', ppc64: 'ppc64le', s390x: 's390x' };

export function localArch(): string {
  return GOARCH[process.arch] ?? process.arch;
}

/** The /_ping answer's headers; Podman when Libpod-Api-Version is there, else undefined. */
export function podmanFromHeaders(headers: IncomingMessage['headers']): PodmanPing | undefined {
  const one = (name: string) => {
    const v = headers[name];
    return typeof v === 'string' ? v : undefined;
  };
  const version = one('libpod-api-version');
  if (!version) return undefined;
  const os = /\(([^)]+)\)/.exec(one('server') ?? '')?.[1] ?? 'linux';
  return { version: sanitize(version), apiVersion: sanitize(one('api-version') ?? ''), os: sanitize(os) };
}

/** GET /_ping (unversioned), resolving to Podman's versions when it is Podman. */
export function pingPodman(docker: Docker, signal: AbortSignal): Promise<PodmanPing | undefined> {
  return new Promise((resolve, reject) => {
    docker.modem.dial(
      { path: '/_ping', method: 'GET', isStream: true, abortSignal: signal, statusCodes: { 200: true, 500: 'server error' } },
      (err: unknown, data: unknown) => {
        if (err) return reject(err instanceof Error ? err : new Error('the engine refused /_ping'));
        const res = data as IncomingMessage;
        res.resume();
        resolve(podmanFromHeaders(res.headers));
      },
    );
  });
}
