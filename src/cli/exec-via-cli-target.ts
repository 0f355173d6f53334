// Which engine the `docker exec` child of --exec-via-cli talks to, and how. Without
// connection flags the CLI finds the engine itself (DOCKER_HOST, contexts), as the user set
// it up. With them, the child gets exactly dtui's connection: -H plus the whole TLS set-up
// as global flags (--tlsverify/--tls, --tlscacert, --tlscert, --tlskey, absolute paths).
// Flags rather than DOCKER_CERT_PATH: that needs ca.pem/cert.pem/key.pem side by side in one
// folder, and files given by flag can be named and placed anyhow. Passing only DOCKER_HOST
// (as before) sent the shell in the clear, or failed against a TLS-only port.
import { resolve } from 'node:path';
import type { ConnectionFlags, Endpoint } from '../engine/api/connection.js';

export interface CliTarget {
  /** Global docker CLI options, before `exec`. */
  args: string[];
  env: Record<string, string | undefined>;
}

/** Environment variables by which the docker CLI would pick an engine or TLS on its own. */
const CLI_CONNECTION_ENV = ['DOCKER_HOST', 'DOCKER_CONTEXT', 'DOCKER_TLS_VERIFY', 'DOCKER_CERT_PATH', 'DOCKER_TLS'];

export function cliTarget(flags: ConnectionFlags, endpoint: Endpoint, env: NodeJS.ProcessEnv): CliTarget {
  const explicit =
    flags.host !== undefined ||
    flags.tls !== undefined ||
    flags.tlsVerify !== undefined ||
    flags.tlsCaCert !== undefined ||
    flags.tlsCert !== undefined ||
    flags.tlsKey !== undefined;
  // --context: the CLI resolves the same context from the same files.
  if (!explicit && flags.context !== undefined) return { args: ['--context', flags.context], env: { ...env } };
  if (!explicit) return { args: [], env: { ...env } };
  const childEnv: Record<string, string | undefined> = { ...env };
  for (const name of CLI_CONNECTION_ENV) delete childEnv[name];
  const args = ['-H', endpoint.url];
  if (endpoint.kind === 'tcp' && endpoint.tls) {
    const { verify, files } = endpoint.tls;
    args.push(verify ? '--tlsverify' : '--tls');
    if (files?.ca) args.push('--tlscacert', resolve(files.ca));
    if (files?.cert && files.key) args.push('--tlscert', resolve(files.cert), '--tlskey', resolve(files.key));
  }
  return { args, env: childEnv };
}

/** Another docker context than the one dtui started on (a fleet row's engine): `--context NAME`, and no env that would override it. */
export function contextCliTarget(context: string, env: NodeJS.ProcessEnv | Record<string, string | undefined>): CliTarget {
  const childEnv: Record<string, string | undefined> = { ...env };
  for (const name of CLI_CONNECTION_ENV) delete childEnv[name];
  return { args: ['--context', context], env: childEnv };
}
