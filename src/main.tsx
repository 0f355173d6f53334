// dtui's entry: flags → endpoint → engine → full-screen Ink app. Every exit path gives
// the terminal back as it was: quit, Ctrl+C, SIGTERM, SIGHUP, an uncaught error.
import { checkHost, parseArgs, USAGE, UsageError, type CliOptions } from './cli/args.js';
import { ConfigError, configSource, loadConfig, type LoadedConfig } from './config/load.js';
import { buildKeymap } from './config/keymap.js';
import { printConfig } from './config/print.js';
import type { KeyAction } from './keys/keymap.js';
import { ConnectionConfigError, explainConnectError, resolveEndpoint, type Endpoint } from './engine/api/connection.js';
import { DockerEngine } from './engine/api/docker-engine.js';
import { runApp } from './cli/run-app.js';
import { cliTarget } from './cli/exec-via-cli-target.js';
import { sanitize } from './text/sanitize.js';
import { engineEntries } from './app/engines/engine-entries.js';

declare const __DTUI_VERSION__: string | undefined;
const VERSION = typeof __DTUI_VERSION__ === 'string' ? __DTUI_VERSION__ : 'dev';

function fail(message: string, code = 1): number {
  // Messages can quote the engine (TLS alerts, error bodies): printable text only.
  process.stderr.write(`dtui: ${message.split('\n').map(sanitize).join('\n')}\n`);
  return code;
}

/** What the loader (dist/dtui.js) asks of the app: a call once the first frame is drawn. */
export interface StartupHooks {
  afterFirstFrame?: () => void;
}

export async function main(argv: readonly string[], hooks: StartupHooks = {}): Promise<number> {
  let opts;
  try {
    opts = parseArgs(argv);
  } catch (err) {
    if (err instanceof UsageError) return fail(err.message, 2);
    throw err;
  }
  if (opts.help) {
    process.stdout.write(USAGE);
    return 0;
  }
  if (opts.version) {
    process.stdout.write(`dtui ${VERSION}\n`);
    return 0;
  }

  // Where the file is read from, whether it is there and sound or not.
  if (opts.subcommand === 'config path') {
    process.stdout.write(`${configSource(opts.configFile, process.env).path}\n`);
    return 0;
  }
  // The config is read before the engine is reached: a bad file is exit status 2 at once.
  let loaded: LoadedConfig;
  let keymap: KeyAction[];
  try {
    loaded = loadConfig(configSource(opts.configFile, process.env));
    keymap = buildKeymap(loaded.config, loaded.locate);
  } catch (err) {
    if (err instanceof ConfigError) return fail(err.message, 2);
    throw err;
  }
  if (opts.subcommand === 'config print') {
    process.stdout.write(printConfig(loaded.config, keymap, { path: loaded.source.path, found: loaded.found }));
    return 0;
  }
  try {
    startOn(opts, loaded);
  } catch (err) {
    if (err instanceof UsageError) return fail(err.message, 2);
    throw err;
  }

  let endpoint: Endpoint;
  try {
    endpoint = resolveEndpoint(opts);
  } catch (err) {
    if (err instanceof ConnectionConfigError) return fail(err.message);
    throw err;
  }
  let engine: DockerEngine;
  try {
    engine = await DockerEngine.connect(endpoint);
  } catch (err) {
    return fail(explainConnectError(err, endpoint));
  }
  if (!process.stdout.isTTY || !process.stdin.isTTY) {
    return fail('dtui needs an interactive terminal (stdin and stdout must be a TTY)');
  }
  // The CLI finds the engine itself (contexts) unless connection flags were given.
  const execViaCli = opts.execViaCli ? cliTarget(opts, endpoint, process.env) : undefined;
  // The Engines view (0): every context, and how to reach one (a one-line reason if not).
  const connect = async (to: Endpoint, timeoutMs: number) => {
    try {
      return await DockerEngine.connect(to, timeoutMs);
    } catch (err) {
      throw new Error(explainConnectError(err, to), { cause: err });
    }
  };
  const engines = { ...engineEntries(endpoint, process.env), connect };
  return runApp(engine, endpoint, {
    readOnly: opts.readOnly,
    logLines: opts.logLines,
    execViaCli,
    cliTarget: cliTarget(opts, endpoint, process.env),
    afterFirstFrame: hooks.afterFirstFrame,
    config: loaded.config,
    keymap,
    configWarnings: loaded.warnings,
    engines,
  });
}

/**
 * The config's engine (engine.host / engine.context) when neither a flag nor DOCKER_HOST /
 * DOCKER_CONTEXT names one: the environment stays above the file, as the docker CLI keeps
 * it above its own config.json.
 */
function startOn(opts: CliOptions, loaded: LoadedConfig): void {
  const { host, context } = loaded.config.engine;
  if (opts.host !== undefined || opts.context !== undefined || process.env.DOCKER_HOST || process.env.DOCKER_CONTEXT) return;
  if (host !== undefined) opts.host = checkHost(`engine.host in ${loaded.source.path}:`, host);
  else if (context !== undefined) opts.context = context;
}
