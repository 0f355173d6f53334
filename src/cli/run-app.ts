// The full-screen app's life: mount the UI (mount-ui.tsx), hand the terminal to exec/attach sessions and
// take it back, suspend on Ctrl+Z, and give the terminal back on every way out (quit,
// Ctrl+C, SIGTERM, SIGHUP, a vanished terminal, an uncaught error).
import type { CliTarget } from './exec-via-cli-target.js';
import { FilteredStdin } from './input/filtered-stdin.js';
import { sanitize } from '../text/sanitize.js';
import { installLifecycle } from './lifecycle.js';
import { probeGraphemeClustering } from './grapheme-probe.js';
import { enterFullscreen, reenterFullscreen, restoreTerminal, turnOnGraphemeClustering } from './terminal.js';
import { isInsecure, type Endpoint } from '../engine/api/connection.js';
import type { EngineApi } from '../engine/api/engine-api.js';
import { EngineSession } from '../state/session.js';
import { delay } from '../state/store.js';
import { activeKeymap, KEYMAP, type KeyAction } from '../keys/keymap.js';
import { setLabelKeymap } from '../keys/labels.js';
import type { Config } from '../config/schema.js';
import { createAppContext, type AppOptions, type Suspend } from '../app/app-context.js';
import { setStatus } from '../app/status.js';
import { showStartPane } from '../app/dispatch/handlers.js';
import { applyLook, columnWarnings } from './look.js';
import { startMemorySettle } from './memory-settle.js';
import type { MountedUi, MountUi } from './mount-ui.js';

/** A slow engine gets the "Loading…" frame after this long rather than a blank screen. */
const FIRST_FRAME_WAIT_MS = 100;
/** Ink's instance until the first frame (a signal may arrive before it). */
const unmounted: MountedUi = { unmount: () => undefined };

export interface RunOptions {
  readOnly: boolean;
  logLines?: number;
  execViaCli?: CliTarget;
  /** How a CLI child (docker-compose up/down) reaches the same engine. */
  cliTarget?: CliTarget;
  /** Called once the first frame is on screen (the loader then writes V8's code cache). */
  afterFirstFrame?: () => void;
  /** The config file's values over the defaults (src/config). */
  config?: Config;
  /** Every key binding with the config applied (src/config/keymap.ts). */
  keymap?: readonly KeyAction[];
  /** Unknown keys in the config file: shown on the status line at start. */
  configWarnings?: readonly string[];
  /** The engines the Engines view (0) lists, and how to connect to one. */
  engines?: AppOptions['engines'];
}

export async function runApp(engine: EngineApi, endpoint: Endpoint, opts: RunOptions): Promise<number> {
  const session = new EngineSession(engine);
  const fullKeymap = opts.keymap ?? KEYMAP;
  // Every message that names a key names the config's key.
  setLabelKeymap(fullKeymap);
  const look = applyLook(opts.config?.look);
  const insecure = isInsecure(endpoint);
  const ctx = createAppContext(session, {
    cols: process.stdout.columns || 80,
    rows: process.stdout.rows || 24,
    keymap: activeKeymap(opts.readOnly, fullKeymap),
    fullKeymap,
    config: opts.config,
    readOnly: opts.readOnly,
    logLines: opts.logLines,
    execViaCli: opts.execViaCli,
    cliTarget: opts.cliTarget,
    insecure,
    defaults: look.defaults,
    columns: look.columns,
    engines: opts.engines,
    // Both are defined below; they are only called once the app runs.
    suspend: (run) => suspend(run),
    suspendToShell: () => lifecycle.suspend(),
    // Erase everything (another program's output too), then Ink writes its whole frame.
    redraw: () => {
      process.stdout.write('\x1b[2J\x1b[H');
      inkWrite?.('');
    },
  });
  // A start list sharing its slot takes it (handlers.ts knows the placements; app-context may not import them).
  ctx.ui.update(showStartPane);
  const warnings = [...(opts.configWarnings ?? []), ...look.warnings, ...columnWarnings(look.columns, session)];
  if (warnings.length > 0) {
    const more = warnings.length > 1 ? ` (+${warnings.length - 1} more: dtui config print shows what is in effect)` : '';
    setStatus(ctx, `${warnings[0]}${more}`, 'error');
  }
  if (insecure) {
    // Also shown for good in the header (insecure flag); the status line is the first notice.
    setStatus(ctx, `Warning: ${endpoint.url} is reached without TLS — anyone on the network can control this engine`, 'error');
  }

  let resolveExit: (code: number) => void = () => {};
  const exited = new Promise<number>((resolve) => (resolveExit = resolve));
  let stopping = false;
  let instance = unmounted;
  // The interactive session that owns the terminal, if any (see ctx.suspend below).
  let sessionAbort: AbortController | undefined;
  const shutdown = (code: number) => {
    if (stopping) return;
    stopping = true;
    if (sessionAbort) {
      // A session holds the tty raw and restoreTerminal() below has nothing to undo.
      try {
        if (process.stdin.isTTY) process.stdin.setRawMode(false);
      } catch {
        // The terminal is gone (SIGHUP).
      }
    }
    sessionAbort?.abort();
    // The current engine's session (a switch may have replaced the first) and the others.
    ctx.engines.stop();
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
    const text = err instanceof Error ? (err.stack ?? err.message) : String(err);
    process.stderr.write(`dtui: unexpected error: ${text.split('\n').map(sanitize).join('\n')}\n`);
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

  // Ink reads keys through this filter: terminal replies dropped, pastes as text.
  const input = new FilteredStdin(process.stdin);
  // Does the terminal cluster graphemes? Asked once the tty is raw (after the first frame),
  // so the answer is neither echoed nor waited for; see grapheme-probe.ts.
  input.once('attached', () => probeGraphemeClustering({ input, write: (data) => process.stdout.write(data), turnOn: () => turnOnGraphemeClustering() }));
  // Set once the UI half of the bundle is loaded (below, while the first lists are read).
  let mountUi: MountUi = () => unmounted;
  const mount = () => mountUi({ ctx, input, quit: () => shutdown(0), onWrite: (write) => (inkWrite = write) });
  // Hands the whole terminal to `run` (an exec or attach session): Ink is unmounted, so
  // none of its stdin listeners or raw-mode handling remain, and the alternate screen is
  // left. Whatever the person was looking at lives in ctx's stores and survives the
  // remount. Every way out of `run` (return, throw) comes back here.
  const suspend: Suspend = async (run) => {
    if (sessionAbort) throw new Error('a session already owns the terminal');
    const abort = new AbortController();
    sessionAbort = abort;
    instance.unmount();
    restoreTerminal();
    try {
      return await run({ stdin: process.stdin, stdout: process.stdout, signal: abort.signal });
    } finally {
      sessionAbort = undefined;
      // The hand-over leaves the tty raw (see hand-over.ts); quitting meanwhile restores it.
      if (stopping && process.stdin.isTTY) process.stdin.setRawMode(false);
      if (!stopping) {
        // Keys typed into the ended session and the terminal's answers to what the
        // container asked it are not keys for dtui.
        input.afterSession();
        reenterFullscreen();
        ctx.terminal.set({ cols: process.stdout.columns || 80, rows: process.stdout.rows || 24 });
        instance = mount();
        input.resumed();
      }
    }
  };

  // The first lists are requested before the first frame is drawn, and that frame waits
  // for them (at most FIRST_FRAME_WAIT_MS): one full frame with the rows instead of a
  // "Loading…" frame followed by a second one (docs/PERFORMANCE.md, scenario 1).
  const firstLists = session.start().catch(() => undefined);
  enterFullscreen();
  // The UI half of the bundle (Ink, React, yoga's wasm, the views: ~a third of what it
  // evaluates) is evaluated while the engine works on those requests, once they have left
  // (docs/PERFORMANCE.md "UI evaluated while the engine answers").
  const ui = requestsWritten().then(() => import('./mount-ui.js'));
  const waited = new AbortController();
  await Promise.race([firstLists, delay(FIRST_FRAME_WAIT_MS, waited.signal), exited]);
  waited.abort();
  mountUi = (await ui).mountUi;
  if (!stopping) {
    instance = mount();
    // Ink drew the first frame synchronously in render(); let its output leave first.
    if (opts.afterFirstFrame) setImmediate(opts.afterFirstFrame);
  }
  // Young generation back to its start size once a burst is over (memory-settle.ts).
  const stopSettle = startMemorySettle();
  const code = await exited;
  stopSettle();
  process.off('uncaughtException', onCrash);
  process.off('unhandledRejection', onCrash);
  lifecycle.dispose();
  return code;
}

/**
 * Resolves after a poll phase of the event loop: the sockets of requests made before have
 * connected and their bytes are written, so the engine works while this process computes.
 * (From a callback of one loop turn, the first setImmediate runs before that turn's poll.)
 */
async function requestsWritten(): Promise<void> {
  for (let turn = 0; turn < 2; turn++) await new Promise((resolve) => setImmediate(resolve));
}
