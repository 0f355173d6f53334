// Command-line flags, parsed by node's own util.parseArgs (built in: nothing to load at
// start-up) and read the way the docker CLI reads them: `--flag`, `--flag=true|false|1|0…`
// for booleans, `-H URL`, `-HURL`, `-H=URL`, `--host URL` and `--host=URL` for values.
import { parseArgs as parseNodeArgs } from 'node:util';
import type { ConnectionFlags } from '../engine/api/connection.js';

export interface CliOptions extends ConnectionFlags {
  help: boolean;
  version: boolean;
  readOnly: boolean;
  /** Lines the log buffer keeps (--log-lines). */
  logLines?: number;
  execViaCli: boolean;
  /** --config FILE: the config file to read instead of the default one. */
  configFile?: string;
  /** `dtui config print` / `dtui config path`: print and exit, no engine needed. */
  subcommand?: 'config print' | 'config path';
  /** --print-config: the same as `dtui config print` (read into `subcommand`). */
  printConfig?: boolean;
}

export class UsageError extends Error {}

type BooleanKey = 'help' | 'version' | 'readOnly' | 'execViaCli' | 'tls' | 'tlsVerify' | 'printConfig';
type StringKey = 'host' | 'context' | 'tlsCaCert' | 'tlsCert' | 'tlsKey' | 'logLines' | 'configFile';

/** Every flag: node's parseArgs spelling → where it lands in CliOptions. */
const FLAGS = {
  help: { type: 'boolean', short: 'h', key: 'help' },
  version: { type: 'boolean', short: 'v', key: 'version' },
  'read-only': { type: 'boolean', key: 'readOnly' },
  'exec-via-cli': { type: 'boolean', key: 'execViaCli' },
  tls: { type: 'boolean', key: 'tls' },
  tlsverify: { type: 'boolean', key: 'tlsVerify' },
  host: { type: 'string', short: 'H', key: 'host' },
  context: { type: 'string', short: 'c', key: 'context' },
  tlscacert: { type: 'string', key: 'tlsCaCert' },
  tlscert: { type: 'string', key: 'tlsCert' },
  tlskey: { type: 'string', key: 'tlsKey' },
  'log-lines': { type: 'string', key: 'logLines' },
  config: { type: 'string', key: 'configFile' },
  'print-config': { type: 'boolean', key: 'printConfig' },
} as const satisfies Record<string, { type: 'boolean'; short?: string; key: BooleanKey } | { type: 'string'; short?: string; key: StringKey }>;

type FlagName = keyof typeof FLAGS;
const isFlag = (name: string): name is FlagName => Object.hasOwn(FLAGS, name);

/** Go's strconv.ParseBool, which the docker CLI's boolean flags use. */
const BOOL_WORDS: Record<string, boolean> = {
  1: true,
  t: true,
  T: true,
  TRUE: true,
  true: true,
  True: true,
  0: false,
  f: false,
  F: false,
  FALSE: false,
  false: false,
  False: false,
};

function parseBool(flag: string, value: string): boolean {
  const parsed = BOOL_WORDS[value];
  if (parsed === undefined) throw new UsageError(`${flag}=${value}: expected true or false (also 1/0, t/f)`);
  return parsed;
}

const MAX_LOG_LINES = 10_000_000;

function parseLogLines(value: string): number {
  if (!/^\d+$/.test(value) || Number(value) < 1 || Number(value) > MAX_LOG_LINES) {
    throw new UsageError(`--log-lines needs a number of lines from 1 to ${MAX_LOG_LINES}`);
  }
  return Number(value);
}

/**
 * The schemes dtui can reach, as the docker CLI spells them. A host without a scheme is
 * tcp (as in the CLI) and an absolute path a unix socket; ssh:// is passed on to the
 * connection, which says whether it can reach it. Anything else would otherwise be read
 * as a tcp host name.
 */
export function checkHost(flag: string, host: string): string {
  const scheme = /^([A-Za-z][A-Za-z0-9+.-]*):\/\//.exec(host)?.[1]?.toLowerCase();
  if (scheme === undefined || ['unix', 'tcp', 'ssh', 'http', 'https'].includes(scheme)) return host;
  if (scheme === 'npipe' && process.platform !== 'win32') {
    throw new UsageError(`${flag} ${host}: npipe:// is a Windows named pipe; here use unix:///path/to/docker.sock or tcp://host:port`);
  }
  if (scheme === 'npipe') return host;
  throw new UsageError(`${flag} ${host}: unknown scheme ${scheme}://; use unix:///path, tcp://host:port or ssh://user@host`);
}

export function parseArgs(argv: readonly string[]): CliOptions {
  const opts: CliOptions = { help: false, version: false, readOnly: false, execViaCli: false };
  // strict: false so that unknown flags, booleans with a value and missing values come back
  // as tokens and get dtui's own messages (node's would name its own API).
  const { tokens } = parseNodeArgs({ args: [...argv], options: FLAGS, strict: false, allowPositionals: true, tokens: true });
  const words: string[] = [];
  for (const token of tokens) {
    if (token.kind === 'positional') {
      words.push(token.value);
      continue;
    }
    if (token.kind === 'option-terminator') continue;
    const { name, rawName } = token;
    if (!isFlag(name)) throw new UsageError(`unknown option ${rawName} (see dtui --help)`);
    const flag = FLAGS[name];
    const long = `--${name}`;
    if (flag.type === 'boolean') {
      opts[flag.key] = token.value === undefined ? true : parseBool(long, token.value);
      continue;
    }
    let value = token.value;
    // pflag (the docker CLI) reads `-H=URL` as `-H URL`; node keeps the '='.
    if (token.inlineValue && !rawName.startsWith('--') && value?.startsWith('=')) value = value.slice(1);
    // A separate value that looks like a flag is a forgotten value (`-H --read-only`).
    if (value === undefined || value === '' || (!token.inlineValue && value.startsWith('-'))) {
      throw new UsageError(`${rawName} needs a value`);
    }
    if (flag.key === 'logLines') opts.logLines = parseLogLines(value);
    else opts[flag.key] = flag.key === 'host' ? checkHost(rawName, value) : value;
  }
  if (words.length > 0) opts.subcommand = subcommand(words);
  if (opts.printConfig) {
    if (opts.subcommand && opts.subcommand !== 'config print') throw new UsageError(`--print-config and dtui ${opts.subcommand}: choose one`);
    opts.subcommand = 'config print';
  }
  delete opts.printConfig;
  return opts;
}

const SUBCOMMANDS = ['config print', 'config path'] as const;

function subcommand(words: readonly string[]): (typeof SUBCOMMANDS)[number] {
  const line = words.join(' ');
  const known = SUBCOMMANDS.find((c) => c === line);
  if (known) return known;
  if (words[0] === 'config') throw new UsageError(`unknown command ${line}: use dtui config print or dtui config path`);
  throw new UsageError(`unexpected argument ${words[0]} (see dtui --help)`);
}

export const USAGE = `Usage: dtui [options]
       dtui config print     the effective config (file + defaults), with comments
                             (also: dtui --print-config)
       dtui config path      where the config file is read from

A keyboard-driven terminal UI for Docker. Press ? inside for every key.

Connection (as the docker CLI):
  -H, --host URL        engine to use: unix:///path, tcp://host:port or
                        ssh://[user@]host[:port] (runs docker system dial-stdio there;
                        keys from ssh-agent or ~/.ssh, host key from ~/.ssh/known_hosts)
  -c, --context NAME    docker context to use (docker context ls); default: $DOCKER_HOST,
                        else $DOCKER_CONTEXT, else the current context in
                        $DOCKER_CONFIG/config.json, else unix:///var/run/docker.sock
      --tls             use TLS (implied by --tlsverify)
      --tlsverify       use TLS and verify the engine's certificate
                        (also $DOCKER_TLS_VERIFY=1)
      --tlscacert PATH  trust certs signed only by this CA ($DOCKER_CERT_PATH/ca.pem)
      --tlscert PATH    client certificate ($DOCKER_CERT_PATH/cert.pem)
      --tlskey PATH     client key ($DOCKER_CERT_PATH/key.pem)

Other:
      --config FILE     config file (default $XDG_CONFIG_HOME/dtui/config.yml,
                        else ~/.config/dtui/config.yml); dtui never writes it
      --print-config    print the effective config and exit (= dtui config print)
      --read-only       bind no key that changes anything on the engine
      --log-lines N     lines of log kept in memory per container (default 100000)
      --exec-via-cli    e/E run \`docker exec -it\` (the docker CLI, in a local pty)
                        instead of the Engine API: for CLI contexts and plugins
  -h, --help            this help
  -v, --version         print the version

Boolean flags also take a value, as in the docker CLI: --read-only=false, --tlsverify=1.
`;
