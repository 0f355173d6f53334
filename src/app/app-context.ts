// What every view and the controller share: the engine session, the UI store, the
// terminal size, and the live detail streams the detail pane opens.
import type { EngineSession } from '../docker/session.js';
import { Store } from '../docker/store.js';
import type { LogFollower } from '../docker/log-follower.js';
import type { TopWatcher } from '../docker/top-watcher.js';
import type { StatsWatcher } from '../docker/stats-watcher.js';
import type { InspectLoader } from '../docker/inspect-loader.js';
import type { KeyAction } from '../keys/keymap.js';
import type { HandOverIo } from '../cli/hand-over.js';
import { initialUiState, type UiState } from './ui-state.js';

/** What a suspended app lends to the code that owns the terminal meanwhile. */
export interface SuspendedIo extends HandOverIo {
  /** Aborted when dtui is shutting down (SIGTERM, SIGHUP) during the session. */
  signal: AbortSignal;
}

export type Suspend = <T>(run: (io: SuspendedIo) => Promise<T>) => Promise<T>;

export interface TerminalSize {
  cols: number;
  rows: number;
}

/**
 * What every view and action shares. Built once by createAppContext and read-only after:
 * everything the app needs (suspending, --exec-via-cli, the insecure warning) is given at
 * construction. The engine session is read through `sessions`, the one store that says
 * which engine the app is on: a dialog remembers the session it was opened on and does
 * nothing once that is no longer the current one.
 */
export interface AppContextValue {
  /** The current engine session (sessions.get()). */
  readonly session: EngineSession;
  readonly sessions: Store<EngineSession>;
  readonly ui: Store<UiState>;
  readonly terminal: Store<TerminalSize>;
  readonly keymap: readonly KeyAction[];
  readonly readOnly: boolean;
  /** Lines the log buffer keeps (--log-lines); undefined for the default. */
  readonly logLines?: number;
  /** The streams the detail pane has open, so scroll keys can see their length. */
  readonly live: { logs?: LogFollower; top?: TopWatcher; stats?: StatsWatcher; inspect?: InspectLoader };
  /** Unmounts the UI while `run` owns the terminal, then restores it; absent without a terminal (UI tests). */
  readonly suspend?: Suspend;
  /** --exec-via-cli: exec runs `docker exec -it` in a local pty instead of the Engine API. */
  readonly execViaCli?: { env: Record<string, string | undefined> };
  /** Ctrl+Z: give the terminal back and stop; absent without a terminal (UI tests). */
  readonly suspendToShell?: () => void;
  /** The engine is reached over plain tcp off this machine: the header warns for good. */
  readonly insecure: boolean;
}

export interface AppOptions {
  cols: number;
  rows: number;
  keymap: readonly KeyAction[];
  readOnly: boolean;
  logLines?: number;
  suspend?: Suspend;
  execViaCli?: { env: Record<string, string | undefined> };
  suspendToShell?: () => void;
  insecure?: boolean;
}

export function createAppContext(session: EngineSession, opts: AppOptions): AppContextValue {
  const sessions = new Store<EngineSession>(session);
  return Object.freeze({
    get session() {
      return sessions.get();
    },
    sessions,
    ui: new Store<UiState>(initialUiState()),
    terminal: new Store<TerminalSize>({ cols: opts.cols, rows: opts.rows }),
    keymap: opts.keymap,
    readOnly: opts.readOnly,
    logLines: opts.logLines,
    // The detail views publish the streams they open here (the engine branch replaces this by a DetailModel).
    live: {},
    suspend: opts.suspend,
    execViaCli: opts.execViaCli,
    suspendToShell: opts.suspendToShell,
    insecure: opts.insecure ?? false,
  });
}
