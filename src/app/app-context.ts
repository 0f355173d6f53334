// What every view and the controller share: the engine session, the UI store, the
// terminal size, and the detail pane's model (its one live stream).
import type { EngineSession } from '../state/session.js';
import { Store } from '../state/store.js';
import { DetailModel, DEFAULT_LOG_LINES } from '../state/detail-model.js';
import type { KeyAction } from '../keys/keymap.js';
import { defaultConfig, type Config } from '../config/schema.js';
import type { HandOverIo } from '../cli/hand-over.js';
import type { CliTarget } from '../cli/exec-via-cli-target.js';
import { pinSelections } from './selection-pin.js';
import { initialUiState, type ListId, type UiDefaults, type UiState } from './ui-state.js';
import { ScreenMap } from './screen-map.js';
import { EngineManager, type EngineManagerDeps } from './engines/engine-manager.js';
import { isInsecure } from '../engine/api/connection.js';

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
  /** The keys in effect (--read-only leaves out the dangerous ones). */
  readonly keymap: readonly KeyAction[];
  /** Every key the config binds, dropped ones included (to say why a key does nothing). */
  readonly fullKeymap: readonly KeyAction[];
  /** The config file's values over the defaults; built once at start. */
  readonly config: Config;
  readonly readOnly: boolean;
  /** Lines the log buffer keeps (--log-lines); undefined for the default. */
  readonly logLines?: number;
  /** The detail pane's live stream (logs, top, stats or inspect); scroll and search keys read it. */
  readonly detail: DetailModel;
  /** Unmounts the UI while `run` owns the terminal, then restores it; absent without a terminal (UI tests). */
  readonly suspend?: Suspend;
  /** --exec-via-cli: exec runs `docker exec -it` in a local pty instead of the Engine API. */
  readonly execViaCli?: CliTarget;
  /** How a CLI child reaches this engine (docker-compose up/down); absent in UI tests. */
  readonly cliTarget?: CliTarget;
  /** Ctrl+Z: give the terminal back and stop; absent without a terminal (UI tests). */
  readonly suspendToShell?: () => void;
  /** The engine is reached over plain tcp off this machine: the header warns for good. */
  readonly insecure: boolean;
  /** Ctrl+L: clear the terminal and draw the whole frame again; absent without a terminal. */
  readonly redraw?: () => void;
  /** Where the views drew list rows and detail tabs, for mouse clicks. */
  readonly screen: ScreenMap;
  /** Config `columns`: the column titles each list shows, in order (absent: all, as designed). */
  readonly columns: Partial<Record<ListId, readonly string[]>>;
  /** The engines dtui knows (contexts, the command line's) and switching between them. */
  readonly engines: EngineManager;
}

export interface AppOptions {
  cols: number;
  rows: number;
  keymap: readonly KeyAction[];
  /** Default: `keymap`. */
  fullKeymap?: readonly KeyAction[];
  /** Default: every default (UI tests). */
  config?: Config;
  readOnly: boolean;
  logLines?: number;
  suspend?: Suspend;
  execViaCli?: CliTarget;
  cliTarget?: CliTarget;
  suspendToShell?: () => void;
  insecure?: boolean;
  redraw?: () => void;
  /** First sort of each list and log colours (config look section, NO_COLOR). */
  defaults?: UiDefaults;
  columns?: Partial<Record<ListId, readonly string[]>>;
  /** The Engines view's engines and how to connect; without it only the current engine is listed. */
  engines?: Pick<EngineManagerDeps, 'entries' | 'currentId' | 'connect'>;
}

export function createAppContext(session: EngineSession, opts: AppOptions): AppContextValue {
  const sessions = new Store<EngineSession>(session);
  const config = opts.config ?? defaultConfig();
  const { settings } = config;
  const logLines = opts.logLines ?? (opts.config ? settings.logLines : undefined);
  const ui = new Store<UiState>(
    initialUiState({
      focus: settings.defaultPane,
      logView: { tail: settings.logTail, timestamps: settings.timestamps, wrap: settings.wrap },
      ...opts.defaults,
    }),
  );
  // Lives as long as the app: the selection sticks to its row, not its position.
  pinSelections(sessions, ui);
  const detail = new DetailModel(session.engine, session, {
    logLines: logLines ?? DEFAULT_LOG_LINES,
    topRefreshMs: settings.topRefresh * 1000,
    // Read when a merged log opens: after an engine switch, the new engine's list.
    containers: () => sessions.get().containers,
  });
  const info = session.engine.info;
  const known = opts.engines ?? {
    entries: [{ id: info.context ?? info.endpoint, name: info.context ?? info.endpoint, url: info.endpoint }],
    currentId: info.context ?? info.endpoint,
  };
  const engines = new EngineManager({ ...known, sessions, ui, detail });
  return Object.freeze({
    get session() {
      return sessions.get();
    },
    sessions,
    ui,
    terminal: new Store<TerminalSize>({ cols: opts.cols, rows: opts.rows }),
    keymap: opts.keymap,
    fullKeymap: opts.fullKeymap ?? opts.keymap,
    config,
    readOnly: opts.readOnly,
    logLines,
    detail,
    suspend: opts.suspend,
    execViaCli: opts.execViaCli,
    cliTarget: opts.cliTarget,
    suspendToShell: opts.suspendToShell,
    redraw: opts.redraw,
    // The warning follows the engine: after a switch it is the new engine's endpoint that counts.
    get insecure() {
      const now = sessions.get();
      return now === session ? (opts.insecure ?? false) : isInsecure(now.engine.endpoint);
    },
    screen: new ScreenMap(),
    columns: opts.columns ?? {},
    engines,
  });
}
