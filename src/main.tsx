// dtui's entry: flags → endpoint → engine → full-screen Ink app. Every exit path gives
// the terminal back as it was: quit, Ctrl+C, SIGTERM, SIGHUP, an uncaught error.
import React from 'react';
import { render, useStdout } from 'ink';
import { parseArgs, USAGE, UsageError } from './cli/args.js';
import { installLifecycle } from './cli/lifecycle.js';
import { enterFullscreen, restoreTerminal } from './cli/terminal.js';
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
  return runApp(engine, endpoint, opts.readOnly);
}

async function runApp(engine: Engine, endpoint: Endpoint, readOnly: boolean): Promise<number> {
  const session = new EngineSession(engine);
  const ctx = createAppContext(session, {
    cols: process.stdout.columns || 80,
    rows: process.stdout.rows || 24,
    keymap: activeKeymap(readOnly),
    readOnly,
  });
  if (endpoint.kind === 'tcp' && !endpoint.tls && !isLoopback(endpoint)) {
    // Also shown for good in the header (insecure flag); the status line is the first notice.
    ctx.insecure = true;
    setStatus(ctx, `Warning: ${endpoint.url} is reached without TLS — anyone on the network can control this engine`, 'error');
  }

  let resolveExit: (code: number) => void = () => {};
  const exited = new Promise<number>((resolve) => (resolveExit = resolve));
  let done = false;
  const shutdown = (code: number) => {
    if (done) return;
    done = true;
    session.stop();
    try {
      instance.unmount();
    } catch {
      // A closed terminal can make Ink's last write throw; restoring below is best effort too.
    }
    restoreTerminal();
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
  // Ink's own write() clears what it drew and writes the whole frame again: after a
  // suspend the screen it diffed against is gone, so nothing less will do.
  let inkWrite: ((data: string) => void) | undefined;
  const lifecycle = installLifecycle({ shutdown, redraw: () => inkWrite?.('') });
  ctx.suspend = lifecycle.suspend;
  // Test-only: a key that throws inside the input handler, to check the crash path.
  if (process.env.DTUI_TEST_CRASH === '1') ctx.crashKey = 'ctrl+x';

  enterFullscreen();
  const instance = render(
    <InkWriter onReady={(write) => (inkWrite = write)}>
      <App ctx={ctx} quit={() => shutdown(0)} />
    </InkWriter>,
    {
      exitOnCtrlC: false,
      patchConsole: false,
      // DTUI_FULL_REDRAW=1 turns it off, to tell a rendering fault from a data fault.
      incrementalRendering: process.env.DTUI_FULL_REDRAW !== '1',
      maxFps: 60,
    },
  );
  void session.start();
  const code = await exited;
  process.off('uncaughtException', onCrash);
  process.off('unhandledRejection', onCrash);
  lifecycle.dispose();
  return code;
}

/** Hands Ink's stdout writer (which repaints the frame after writing) to main. */
function InkWriter({ onReady, children }: { onReady: (write: (data: string) => void) => void; children: React.ReactNode }) {
  const { write } = useStdout();
  onReady(write);
  return <>{children}</>;
}
