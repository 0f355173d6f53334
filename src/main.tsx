// dtui's entry: flags → endpoint → engine → full-screen Ink app. Every exit path gives
// the terminal back as it was: quit, Ctrl+C, SIGTERM, SIGHUP, an uncaught error.
import React from 'react';
import { render } from 'ink';
import { parseArgs, USAGE, UsageError } from './cli/args.js';
import { enterFullscreen, reenterFullscreen, restoreTerminal } from './cli/terminal.js';
import { ConnectionConfigError, explainConnectError, isLoopback, resolveEndpoint, type Endpoint } from './docker/connection.js';
import { Engine } from './docker/engine.js';
import { EngineSession } from './docker/session.js';
import { activeKeymap } from './keys/keymap.js';
import { App } from './views/app/app.js';
import { createAppContext } from './views/app/app-context.js';
import { setStatus } from './views/app/status.js';

declare const __DTUI_VERSION__: string | undefined;
const VERSION = typeof __DTUI_VERSION__ === 'string' ? __DTUI_VERSION__ : 'dev';

function fail(message: string, code = 1): number {
  process.stderr.write(`dtui: ${message}\n`);
  return code;
}

export async function main(argv: readonly string[]): Promise<number> {
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

  let endpoint: Endpoint;
  try {
    endpoint = resolveEndpoint(opts);
  } catch (err) {
    if (err instanceof ConnectionConfigError) return fail(err.message);
    throw err;
  }
  let engine: Engine;
  try {
    engine = await Engine.connect(endpoint);
  } catch (err) {
    return fail(explainConnectError(err, endpoint));
  }
  if (!process.stdout.isTTY || !process.stdin.isTTY) {
    return fail('dtui needs an interactive terminal (stdin and stdout must be a TTY)');
  }
  // The CLI finds the engine itself (contexts); an explicit -H is passed on to it.
  const execViaCli = opts.execViaCli ? { env: { ...process.env, ...(opts.host ? { DOCKER_HOST: endpoint.url } : {}) } } : undefined;
  return runApp(engine, endpoint, opts.readOnly, opts.logLines, execViaCli);
}

async function runApp(
  engine: Engine,
  endpoint: Endpoint,
  readOnly: boolean,
  logLines?: number,
  execViaCli?: { env: Record<string, string | undefined> },
): Promise<number> {
  const session = new EngineSession(engine);
  const ctx = createAppContext(session, {
    cols: process.stdout.columns || 80,
    rows: process.stdout.rows || 24,
    keymap: activeKeymap(readOnly),
    readOnly,
    logLines,
  });
  ctx.execViaCli = execViaCli;
  if (endpoint.kind === 'tcp' && !endpoint.tls && !isLoopback(endpoint)) {
    setStatus(ctx, `Warning: ${endpoint.url} is reached without TLS — anyone on the network can control this engine`, 'error');
  }

  let resolveExit: (code: number) => void = () => {};
  const exited = new Promise<number>((resolve) => (resolveExit = resolve));
  let stopping = false;
  // The interactive session that owns the terminal, if any (see suspend below).
  let sessionAbort: AbortController | undefined;
  const shutdown = (code: number) => {
    stopping = true;
    sessionAbort?.abort();
    session.stop();
    instance.unmount();
    restoreTerminal();
    if (process.stdin.isTTY && process.stdin.isRaw) process.stdin.setRawMode(false);
    resolveExit(code);
  };
  const onSignal = (signal: NodeJS.Signals) => shutdown(signal === 'SIGTERM' || signal === 'SIGHUP' || signal === 'SIGINT' ? 0 : 1);
  const onCrash = (err: unknown) => {
    restoreTerminal();
    process.stderr.write(`dtui: unexpected error: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    process.exit(1);
  };
  process.on('SIGTERM', onSignal);
  process.on('SIGHUP', onSignal);
  process.on('SIGINT', onSignal);
  process.on('uncaughtException', onCrash);
  process.on('unhandledRejection', onCrash);

  const mount = () =>
    render(<App ctx={ctx} quit={() => shutdown(0)} />, {
      exitOnCtrlC: false,
      patchConsole: false,
      // DTUI_FULL_REDRAW=1 turns it off, to tell a rendering fault from a data fault.
      incrementalRendering: process.env.DTUI_FULL_REDRAW !== '1',
      maxFps: 60,
    });
  // Hands the whole terminal to `run` (an exec or attach session): Ink is unmounted, so
  // none of its stdin listeners or raw-mode handling remain, and the alternate screen is
  // left. Whatever the person was looking at lives in ctx's stores and survives the
  // remount. Every way out of `run` (return, throw) comes back here.
  ctx.suspend = async (run) => {
    if (sessionAbort) throw new Error('a session already owns the terminal');
    const abort = new AbortController();
    sessionAbort = abort;
    instance.unmount();
    restoreTerminal();
    try {
      return await run({ stdin: process.stdin, stdout: process.stdout, signal: abort.signal });
    } finally {
      sessionAbort = undefined;
      if (!stopping) {
        reenterFullscreen();
        ctx.terminal.set({ cols: process.stdout.columns || 80, rows: process.stdout.rows || 24 });
        instance = mount();
      }
    }
  };

  // The first lists are requested before the first frame is drawn, so the engine works
  // while React renders "Loading…" (saves a frame's time at start-up).
  void session.start();
  enterFullscreen();
  let instance = mount();
  const code = await exited;
  process.off('uncaughtException', onCrash);
  process.off('unhandledRejection', onCrash);
  return code;
}
