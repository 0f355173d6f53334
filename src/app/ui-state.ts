// Everything about what the person is looking at, in one external store so that key
// handlers read and write it synchronously (Ink re-attaches input handlers after a
// frame; a fast second key must not act on a stale closure).
import type { FieldValue, FormState } from '../ui/form/form-state.js';
import type { StatusMessage } from '../ui/status-bar.js';
import type { ImageTransfer } from '../state/image-transfer.js';
import type { SearchResult } from '../engine/registry/registry-search.js';
import { RESOURCE_KINDS, type ResourceKind } from '../resources/queries.js';
import type { EngineSession } from '../state/session.js';
import type { ActionId } from '../keys/keymap.js';
import type { DetailTab } from '../state/detail-tabs.js';

/** A list pane is one resource kind (src/resources/queries.ts). */
export type ListId = ResourceKind;
/** Full-body kinds (placement 'full'), 'engine' and 'engines' replace the lists; 1 and 2 bring them back. */
export type PaneId = ListId | 'detail' | 'engine' | 'engines';
/** The detail pane's tabs (src/state/detail-tabs.ts); each kind's descriptor lists the ones it has. */
export type { DetailTab } from '../state/detail-tabs.js';

export interface ListUi {
  /** Key of the selected row, so the selection follows its row when the list changes. */
  selectedKey?: string;
  /** Index in the filtered rows; used when the selected row disappears. */
  cursor: number;
  filter: string;
  editingFilter: boolean;
  /** Rows grouped as the kind's descriptor groups them (Containers: by Compose project). */
  grouped?: boolean;
  /** Only the rows the kind's query spec calls active (Containers: running, as `docker ps` without -a). */
  activeOnly?: boolean;
  /** The kept filter is selected (a second /): the next character replaces it, like a find bar. */
  filterSelected?: boolean;
  /** Row keys marked with Space for a bulk action; rows that left the list are ignored when read. */
  marks?: ReadonlySet<string>;
  /** The sort key id (the kind's descriptor sortKeys) and direction; absent: the engine's order. */
  sort?: ListSort;
}

export interface ListSort {
  key: string;
  desc: boolean;
}

/**
 * Where a dialog or form came from: the engine session it was opened on, the action that
 * opened it and the id of its target. Confirming acts only while that session is still
 * the app's current one, so an engine switch meanwhile cannot send the old id to the new engine.
 */
export interface Origin {
  session: EngineSession;
  /** Stamped by the dispatcher with the action whose handler opened it. */
  action?: ActionId;
  /** Id of what it acts on (container id, image ref, volume name), when it acts on one thing. */
  target?: string;
}

export interface Dialog {
  title: string;
  lines: string[];
  danger: boolean;
  origin: Origin;
  /** Runs on y, given the session the dialog was opened on (the only one it may act on). */
  onConfirm: (session: EngineSession) => void;
  /** A second way to confirm, on f (e.g. force remove); offered only when set. */
  onForce?: (session: EngineSession) => void;
  /** The dialog's last line, when it offers more than y/n. */
  footer?: string;
}

/** A scrollable text view over the body (image history, inspect JSON); Esc closes. */
export interface TextOverlay {
  title: string;
  lines: string[];
  /** First line shown. */
  scroll: number;
  /** What o writes to a file, if this overlay can be exported, and a suggested file name. */
  exportLines?: string[];
  exportName?: string;
  /** What / searched for (highlighted; n/N jump); '' or unset for none. Smart case. */
  search?: string;
  /** Line index n/N last jumped to. */
  searchAt?: number | null;
}

export interface OpenForm {
  title: string;
  origin: Origin;
  state: FormState;
  note?: string;
  /** True while onSubmit runs: keys are ignored so nothing is submitted twice. */
  busy?: boolean;
  /** While busy: Esc aborts this, so a long action (a copy) can be cancelled. */
  running?: AbortController;
  /**
   * Resolves to an error message to keep the form open, undefined to close it, or a question.
   * `signal` is aborted by Esc while the action runs.
   */
  onSubmit: (values: Record<string, FieldValue>, signal: AbortSignal) => Promise<SubmitResult> | SubmitResult;
  /** A y/N question the last submit asked (overwrite?): y runs onYes; Esc cancels; other keys edit on. */
  confirm?: Confirm;
}

/** An action that must ask first (an existing file): `question` is shown, `onYes` runs on y. */
export interface Confirm {
  confirm: string;
  onYes: (signal: AbortSignal) => Promise<string | undefined> | string | undefined;
}

export type SubmitResult = string | undefined | Confirm;

/** Registry search results drawn over the screen (F). */
export interface SearchUi {
  query: string;
  loading: boolean;
  /** "Docker Hub" or the registry host the results came from. */
  source?: string;
  results: SearchResult[];
  truncated?: boolean;
  error?: string;
  cursor: number;
}

export interface LogScroll {
  /** Absolute line number (counting dropped lines) at the top, or null to follow the end. */
  topSeq: number | null;
}

export type LogTail = number | 'all';
export const LOG_TAILS: readonly LogTail[] = [100, 1000, 10000, 'all'];

/** How the Logs tab shows its buffer; tail and since re-open the stream when changed. */
export interface LogView {
  timestamps: boolean;
  wrap: boolean;
  /** Keep the container's own SGR colours (everything else is always stripped). */
  colour: boolean;
  /** Highlighted with n/N to jump; '' for none. Lowercase means case-insensitive (smart case). */
  search: string;
  /** Absolute line number of the match n/N last jumped to. */
  searchAt: number | null;
  /** Show only lines matching this regular expression. */
  filter?: { pattern: string; ignoreCase: boolean };
  tail: LogTail;
  /** What was typed ("10m") and the engine's since (unix seconds). */
  since?: { input: string; seconds: string };
}

/** The Engines view (0): which engine row is selected, and its fleet mode. */
export interface EnginesUi {
  cursor: number;
  /** Showing every container of every reachable engine (f). */
  fleet: boolean;
  /** The fleet list's selection and filter (like ListUi). */
  fleetList: ListUi;
  /**
   * The selected fleet row's detail pane (l, t, m, i in the fleet) is open beside the list,
   * reading the row's own engine, and has the keys; Esc closes it.
   */
  detail: boolean;
}

export interface InspectView {
  /** First row shown (a wrapped line is several rows: src/app/inspect-rows.ts). */
  top: number;
  /** Long values wrapped to the pane's width (w), instead of cut. */
  wrap: boolean;
  search: string;
  /** Line index n/N last jumped to. */
  searchAt: number | null;
}

export interface UiState {
  focus: PaneId;
  /** The list the detail pane belongs to; Esc from the detail pane returns there. */
  lastList: ListId;
  detailTab: DetailTab;
  /**
   * A full-body list opened from another (Tasks by Enter on a service): Esc or q while `from`
   * has the focus return to `to`, whose selection is untouched, and clear `from`'s filter.
   * Any pane key forgets it.
   */
  returnTo?: { from: ListId; to: ListId };
  /** z: the detail pane takes the whole body while it has the focus. */
  detailZoom?: boolean;
  lists: Record<ListId, ListUi>;
  dialog?: Dialog;
  form?: OpenForm;
  overlay?: TextOverlay;
  /** A pull or push whose progress view is open (p, P, or Enter on a search result). */
  transfer?: ImageTransfer;
  search?: SearchUi;
  help: boolean;
  /** First line of the help overlay shown, when it is taller than the screen. */
  helpScroll: number;
  status?: StatusMessage;
  /** The last message shown, kept after the status line clears: ! opens it whole. */
  lastStatus?: StatusMessage;
  logScroll: LogScroll;
  topScroll: number;
  /** The Top tab shows each process's whole command, wrapped (w), instead of a table row. */
  topWrap?: boolean;
  /** First line of the Engine view (4) shown, when it is taller than the screen. */
  engineScroll: number;
  logView: LogView;
  inspect: InspectView;
  engines: EnginesUi;
}

/** What the config chooses for a fresh UI (settings: defaultPane, logTail, timestamps, wrap; look: sorts, colour). */
export interface UiStart {
  focus?: ListId | 'engine';
  logView?: Partial<Pick<LogView, 'tail' | 'timestamps' | 'wrap'>>;
  /** Each list's first sort (look.sort). */
  sorts?: Partial<Record<ListId, ListSort>>;
  /** False without colour (NO_COLOR, mono): the container's own log colours are off too. */
  colour?: boolean;
}

/** The part of UiStart the look section decides (src/cli/look.ts). */
export type UiDefaults = Pick<UiStart, 'sorts' | 'colour'>;

export function initialUiState(start: UiStart = {}): UiState {
  const list = (kind: ListId): ListUi => ({ cursor: 0, filter: '', editingFilter: false, ...(start.sorts?.[kind] ? { sort: start.sorts[kind] } : {}) });
  return {
    focus: start.focus ?? 'containers',
    lastList: 'containers',
    detailTab: 'logs',
    lists: Object.fromEntries(RESOURCE_KINDS.map((k) => [k, list(k)])) as Record<ListId, ListUi>,
    help: false,
    helpScroll: 0,
    logScroll: { topSeq: null },
    topScroll: 0,
    engineScroll: 0,
    logView: { ...initialLogView(), ...start.logView, colour: start.colour ?? true },
    inspect: { top: 0, search: '', searchAt: null, wrap: false },
    engines: initialEnginesUi(),
  };
}

export function initialEnginesUi(): EnginesUi {
  return { cursor: 0, fleet: false, fleetList: { cursor: 0, filter: '', editingFilter: false }, detail: false };
}

/** The fleet's detail pane is open and has the keys (the Engines view's fleet mode, l/t/m/i). */
export function fleetDetailOpen(s: UiState): boolean {
  return s.focus === 'engines' && s.engines.fleet && s.engines.detail;
}

export function initialLogView(): LogView {
  return { timestamps: false, wrap: false, colour: true, search: '', searchAt: null, tail: 1000 };
}

export function withList(state: UiState, id: ListId, patch: Partial<ListUi>): UiState {
  return { ...state, lists: { ...state.lists, [id]: { ...state.lists[id], ...patch } } };
}

/** Case-insensitive match on any of the row's fields; an empty filter matches all. */
export function matchesFilter(filter: string, fields: readonly string[]): boolean {
  if (!filter) return true;
  const needle = filter.toLowerCase();
  return fields.some((f) => f.toLowerCase().includes(needle));
}

/** The selected index in `keys`: the selected row if still there, else the cursor clamped. */
export function selectedIndex(keys: readonly string[], list: ListUi): number {
  if (keys.length === 0) return -1;
  if (list.selectedKey !== undefined) {
    // The cursor is usually still right: check it before searching.
    if (keys[list.cursor] === list.selectedKey) return list.cursor;
    const found = keys.indexOf(list.selectedKey);
    if (found >= 0) return found;
  }
  return Math.min(Math.max(list.cursor, 0), keys.length - 1);
}
