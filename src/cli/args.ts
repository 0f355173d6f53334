// Command-line flags, parsed by hand: a handful of docker-CLI-compatible options does
// not justify a dependency (and start-up time counts).
import type { ConnectionFlags } from '../engine/api/connection.js';

export interface CliOptions extends ConnectionFlags {
  help: boolean;
  version: boolean;
  readOnly: boolean;
  /** Lines the log buffer keeps (--log-lines). */
  logLines?: number;
  execViaCli: boolean;
}

export class UsageError extends Error {}

const VALUE_FLAGS: Record<string, keyof ConnectionFlags> = {
  '-H': 'host', '--host': 'host', '--tlscacert': 'tlsCaCert', '--tlscert': 'tlsCert', '--tlskey': 'tlsKey',
};

export function parseArgs(argv: readonly string[]): CliOptions {
  const opts: CliOptions = { help: false, version: false, readOnly: false, execViaCli: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const eq = arg.indexOf('=');
    const [flag, inline] = arg.startsWith('--') && eq > 0 ? [arg.slice(0, eq), arg.slice(eq + 1)] : [arg, undefined];
    const valueKey = VALUE_FLAGS[flag];
    if (valueKey) {
      const value = inline ?? argv[++i];
      if (value === undefined || value === '') throw new UsageError(`${flag} needs a value`);
      (opts as unknown as Record<string, string>)[valueKey] = value;
      continue;
    }
    if (flag === '--log-lines') {
      const value = inline ?? argv[++i];
      if (value === undefined || !/^\d+$/.test(value) || Number(value) < 1 || Number(value) > 10_000_000) {
        throw new UsageError('--log-lines needs a number of lines from 1 to 10000000');
      }
      opts.logLines = Number(value);
      continue;
    }
    switch (flag) {
      case '-h': case '--help': opts.help = true; break;
      case '-v': case '--version': opts.version = true; break;
      case '--tls': opts.tls = inline !== 'false'; break;
      case '--tlsverify': opts.tlsVerify = inline !== 'false'; break;
      case '--read-only': opts.readOnly = true; break;
      case '--exec-via-cli': opts.execViaCli = true; break;
      default:
        throw new UsageError(`unknown option ${arg} (see dtui --help)`);
    }
  }
  return opts;
}

export const USAGE = `Usage: dtui [options]

A keyboard-driven terminal UI for Docker. Press ? inside for every key.

Connection (as the docker CLI):
  -H, --host URL        engine to use: unix:///path or tcp://host:port
                        (default: $DOCKER_HOST, else unix:///var/run/docker.sock)
      --tls             use TLS (implied by --tlsverify)
      --tlsverify       use TLS and verify the engine's certificate
                        (also $DOCKER_TLS_VERIFY=1)
      --tlscacert PATH  trust certs signed only by this CA ($DOCKER_CERT_PATH/ca.pem)
      --tlscert PATH    client certificate ($DOCKER_CERT_PATH/cert.pem)
      --tlskey PATH     client key ($DOCKER_CERT_PATH/key.pem)

Other:
      --read-only       bind no key that changes anything on the engine
      --log-lines N     lines of log kept in memory per container (default 100000)
      --exec-via-cli    e/E run \`docker exec -it\` (the docker CLI, in a local pty)
                        instead of the Engine API: for CLI contexts and plugins
  -h, --help            this help
  -v, --version         print the version
`;
