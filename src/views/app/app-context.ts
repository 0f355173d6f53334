// What every view and the controller share: the engine session, the UI store, the
// terminal size, and the live detail streams the detail pane opens.
import type { EngineSession } from '../../docker/session.js';
import { Store } from '../../docker/store.js';
import type { LogFollower } from '../../docker/log-follower.js';
import type { TopWatcher } from '../../docker/top-watcher.js';
import type { KeyAction } from '../../keys/keymap.js';
import { initialUiState, type UiState } from './ui-state.js';

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
  /** The streams the detail pane has open, so scroll keys can see their length. */
  live: { logs?: LogFollower; top?: TopWatcher };
  /** Ctrl+Z: give the terminal back and stop (set by main; absent in unit tests). */
  suspend?: () => void;
  /** The engine is reached over plain tcp off this machine: the header warns for good. */
  insecure?: boolean;
  /** Test-only (DTUI_TEST_CRASH=1): this key throws inside the input handler. */
  crashKey?: string;
}

export function createAppContext(session: EngineSession, opts: { cols: number; rows: number; keymap: readonly KeyAction[]; readOnly: boolean }): AppContextValue {
  return {
    session,
    ui: new Store<UiState>(initialUiState()),
    terminal: new Store<TerminalSize>({ cols: opts.cols, rows: opts.rows }),
    keymap: opts.keymap,
    readOnly: opts.readOnly,
    live: {},
  };
}
