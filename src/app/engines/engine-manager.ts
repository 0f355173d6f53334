// The engine manager: which engine the app is on, switching it at runtime, and the
// other engines while the Engines view (0) is open.
//
// While the view is open every other engine gets an EngineSession of its own (connect
// with a short timeout, then its one /events stream; lists re-read only on events): that
// one mechanism gives reachability, version, live counts, the last events and the fleet
// list, and costs nothing once the view closes (the sessions stop). A switch adopts the
// chosen engine's session (or connects), drops what was opened on the old engine
// (dialogs, forms, filters, overlays, the detail stream), publishes the new session and
// stops the old one, closing its connections.
import type { Endpoint } from '../../engine/api/connection.js';
import type { EngineApi } from '../../engine/api/engine-api.js';
import type { EngineEvent } from '../../engine/models/types.js';
import type { DetailModel } from '../../state/detail-model.js';
import { EngineSession } from '../../state/session.js';
import { Store } from '../../state/store.js';
import { sanitize } from '../../text/sanitize.js';
import { initialEnginesUi, initialUiState, type UiState } from '../ui-state.js';
import type { EngineEntry } from './engine-entries.js';

/** How long a look at an engine may take before it counts as unreachable. */
export const PROBE_TIMEOUT_MS = 2500;
/** Events kept per engine for the summary. */
const LAST_EVENTS = 3;

export type Reach =
  { state: 'current' } | { state: 'checking' } | { state: 'reachable' } | { state: 'unreachable'; error: string } | { state: 'unconfigured'; error: string };

export interface EngineManagerDeps {
  sessions: Store<EngineSession>;
  ui: Store<UiState>;
  detail: DetailModel;
  entries: readonly EngineEntry[];
  currentId: string;
  /** Connects (asks the version) within timeoutMs, or rejects with a one-line reason. */
  connect?: (endpoint: Endpoint, timeoutMs: number) => Promise<EngineApi>;
  newSession?: (engine: EngineApi) => EngineSession;
}

export class EngineManager {
  readonly entries: readonly EngineEntry[];
  /** Bumped whenever anything the Engines view shows changes (reach, sessions, their stores). */
  readonly changed = new Store(0);
  /** The engine dtui started on (it carries the command line's connection flags). */
  readonly startId: string;
  private current: string;
  private readonly reach = new Map<string, Reach>();
  /** Sessions of the other engines while the view is open. */
  private readonly others = new Map<string, EngineSession>();
  private readonly events = new Map<string, EventLine[]>();
  private offs: (() => void)[] = [];
  private open = false;
  /** Bumped on every open/close, so a connect that finishes after close is dropped. */
  private generation = 0;
  private switching = false;

  constructor(private readonly deps: EngineManagerDeps) {
    this.entries = deps.entries;
    this.current = deps.currentId;
    this.startId = deps.currentId;
    deps.ui.subscribe(() => {
      const want = deps.ui.get().focus === 'engines';
      if (want !== this.open) {
        if (want) this.openView();
        else this.closeView();
      }
    });
  }

  get currentId(): string {
    return this.current;
  }

  entry(id: string): EngineEntry | undefined {
    return this.entries.find((e) => e.id === id);
  }

  reachOf(id: string): Reach {
    if (id === this.current) return { state: 'current' };
    const e = this.entry(id);
    if (e?.error) return { state: 'unconfigured', error: e.error };
    return this.reach.get(id) ?? { state: 'checking' };
  }

  /** The live session of an engine: the current one, or one the open view holds. */
  sessionOf(id: string): EngineSession | undefined {
    return id === this.current ? this.deps.sessions.get() : this.others.get(id);
  }

  /** The last few events seen on an engine since the view opened, newest first. */
  lastEvents(id: string): readonly EventLine[] {
    return this.events.get(id) ?? [];
  }

  /** Engines with a session now, in the view's order (the current one included). */
  liveEngines(): { entry: EngineEntry; session: EngineSession }[] {
    return this.entries.flatMap((entry) => {
      const session = this.sessionOf(entry.id);
      return session ? [{ entry, session }] : [];
    });
  }

  /**
   * Makes `id` the app's engine. An engine that cannot be reached leaves the current one
   * in place and says why in the status line.
   */
  async switchTo(id: string): Promise<boolean> {
    const entry = this.entry(id);
    if (!entry || this.switching) return false;
    const from = this.entry(this.current)?.name ?? this.current;
    if (id === this.current) {
      this.status(`Already on ${entry.name}`, 'info');
      return false;
    }
    if (!entry.endpoint) {
      this.status(`Cannot switch to ${entry.name} (still on ${from}): ${entry.error ?? 'no endpoint'}`, 'error');
      return false;
    }
    this.switching = true;
    try {
      let session = this.others.get(id);
      if (!session || !session.isConnected()) {
        this.status(`Connecting to ${entry.name} (${entry.url})…`, 'progress');
        try {
          session = this.makeSession(await this.connectTo(entry.endpoint));
        } catch (err) {
          this.reach.set(id, { state: 'unreachable', error: errorLine(err) });
          this.bump();
          this.status(`Cannot switch to ${entry.name} (still on ${from}): ${errorLine(err)}`, 'error');
          return false;
        }
        void session.start();
      }
      // The open view may have connected the same engine meanwhile: that one goes.
      const late = this.others.get(id);
      if (late && late !== session) {
        late.stop();
        late.engine.close?.();
      }
      this.others.delete(id);
      this.adopt(id, session);
      this.status(`Switched to ${entry.name} (${entry.url})`, 'success');
      return true;
    } finally {
      this.switching = false;
    }
  }

  /** The app is ending: every session stops and lets go of its connections. */
  stop(): void {
    this.closeView();
    const session = this.deps.sessions.get();
    session.stop();
    session.engine.close?.();
  }

  private adopt(id: string, next: EngineSession): void {
    const old = this.deps.sessions.get();
    // Anything opened on the old engine goes: dialogs and forms, filters and selections,
    // overlays, a pull or push in progress, the detail stream.
    const ui = this.deps.ui.get();
    ui.transfer?.cancel();
    const fresh = initialUiState();
    this.deps.ui.set({ ...fresh, detailTab: ui.detailTab, logView: { ...ui.logView, search: '', searchAt: null, filter: undefined, since: undefined } });
    this.deps.detail.rebind(next.engine, next);
    this.current = id;
    this.deps.sessions.set(next);
    old.stop();
    old.engine.close?.();
    this.bump();
  }

  private openView(): void {
    this.open = true;
    const gen = ++this.generation;
    this.deps.ui.update((s) => ({ ...s, engines: { ...initialEnginesUi(), fleet: s.engines.fleet, cursor: this.indexOfCurrent() } }));
    this.watch(this.current, this.deps.sessions.get());
    for (const entry of this.entries) {
      if (entry.id === this.current || !entry.endpoint) continue;
      this.reach.set(entry.id, { state: 'checking' });
      // In parallel, never awaited by the UI: each row fills in when its engine answers.
      this.connectTo(entry.endpoint).then(
        (engine) => {
          if (gen !== this.generation || entry.id === this.current) return engine.close?.();
          const session = this.makeSession(engine);
          this.others.set(entry.id, session);
          this.reach.set(entry.id, { state: 'reachable' });
          this.watch(entry.id, session);
          void session.start();
          this.bump();
        },
        (err: unknown) => {
          if (gen !== this.generation) return;
          this.reach.set(entry.id, { state: 'unreachable', error: errorLine(err) });
          this.bump();
        },
      );
    }
    this.bump();
  }

  private closeView(): void {
    this.open = false;
    this.generation++;
    for (const off of this.offs) off();
    this.offs = [];
    for (const session of this.others.values()) {
      session.stop();
      session.engine.close?.();
    }
    this.others.clear();
    this.events.clear();
    this.reach.clear();
  }

  /** Follows one engine's stores and events for the view (until it closes). */
  private watch(id: string, session: EngineSession): void {
    const bump = () => this.bump();
    this.offs.push(
      session.containers.subscribe(bump),
      session.images.subscribe(bump),
      session.connection.subscribe(bump),
      // The fleet's STATUS reads the start/finish times as they arrive.
      session.times.store.subscribe(bump),
      session.onEvent((e) => {
        this.events.set(id, [describeEvent(e), ...(this.events.get(id) ?? [])].slice(0, LAST_EVENTS));
        bump();
      }),
    );
  }

  private connectTo(endpoint: Endpoint): Promise<EngineApi> {
    const connect = this.deps.connect;
    if (!connect) return Promise.reject(new Error('switching engines is not available here'));
    return connect(endpoint, PROBE_TIMEOUT_MS);
  }

  private makeSession(engine: EngineApi): EngineSession {
    return this.deps.newSession?.(engine) ?? new EngineSession(engine);
  }

  private indexOfCurrent(): number {
    return Math.max(
      0,
      this.entries.findIndex((e) => e.id === this.current),
    );
  }

  private bump(): void {
    this.changed.update((n) => n + 1);
  }

  private status(text: string, kind: 'info' | 'success' | 'error' | 'progress'): void {
    this.deps.ui.update((s) => ({ ...s, status: { text: sanitize(text), kind } }));
  }
}

function errorLine(err: unknown): string {
  const message = err instanceof Error ? err.message : String(err);
  return (message.split('\n')[0] ?? '').replace(/^Cannot connect to the Docker engine at \S+: /, '');
}

/** One of the last events: when (the view formats it, dateFormat), and what. */
export interface EventLine {
  /** Seconds since the epoch (the engine's clock). */
  time: number;
  /** "container start web-1". */
  text: string;
}

function describeEvent(e: EngineEvent): EventLine {
  const name = e.attributes.name ?? e.id.slice(0, 12);
  return { time: e.time, text: `${e.type} ${e.action.split(':')[0] ?? ''} ${name}` };
}
