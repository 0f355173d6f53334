// What every view and the controller share: the engine session, the UI store, the
// terminal size, and the detail pane's model (its one live stream).
import type { EngineSession } from '../../state/session.js';
import { Store } from '../../state/store.js';
import { DetailModel, DEFAULT_LOG_LINES } from '../../state/detail-model.js';
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
  /** The detail pane's live stream (logs, top, stats or inspect); scroll and search keys read it. */
  detail: DetailModel;
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
    detail: new DetailModel(session.engine, session, { logLines: opts.logLines ?? DEFAULT_LOG_LINES }),
  };
}
