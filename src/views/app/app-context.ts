// What every view and the controller share: the engine session, the UI store, the
// terminal size, and the live detail streams the detail pane opens.
import type { EngineSession } from '../../docker/session.js';
import { Store } from '../../docker/store.js';
import type { LogFollower } from '../../docker/log-follower.js';
import type { TopWatcher } from '../../docker/top-watcher.js';
import type { StatsWatcher } from '../../docker/stats-watcher.js';
import type { InspectLoader } from '../../docker/inspect-loader.js';
import type { KeyAction } from '../../keys/keymap.js';
import type { HandOverIo } from '../../cli/hand-over.js';
import type { CliTarget } from '../../cli/exec-via-cli-target.js';
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

export interface AppContextValue {
  session: EngineSession;
  ui: Store<UiState>;
  terminal: Store<TerminalSize>;
  keymap: readonly KeyAction[];
  readOnly: boolean;
  /** Lines the log buffer keeps (--log-lines); undefined for the default. */
  logLines?: number;
  /** The streams the detail pane has open, so scroll keys can see their length. */
  live: { logs?: LogFollower; top?: TopWatcher; stats?: StatsWatcher; inspect?: InspectLoader };
  /** Unmounts the UI while `run` owns the terminal, then restores it (set by main.tsx). */
  suspend?: Suspend;
  /** --exec-via-cli: exec runs `docker exec -it` in a local pty instead of the Engine API. */
  execViaCli?: CliTarget;
  /** Ctrl+Z: give the terminal back and stop (set by runApp; absent in unit tests). */
  suspendToShell?: () => void;
  /** The engine is reached over plain tcp off this machine: the header warns for good. */
  insecure?: boolean;
  /** Test-only (DTUI_TEST_CRASH=1): this key throws inside the input handler. */
  crashKey?: string;
}

export function createAppContext(session: EngineSession, opts: { cols: number; rows: number; keymap: readonly KeyAction[]; readOnly: boolean; logLines?: number }): AppContextValue {
  return {
    session,
    ui: new Store<UiState>(initialUiState()),
    terminal: new Store<TerminalSize>({ cols: opts.cols, rows: opts.rows }),
    keymap: opts.keymap,
    readOnly: opts.readOnly,
    logLines: opts.logLines,
    live: {},
  };
}
