// A resource descriptor: everything dtui needs to show one kind of engine object as a
// pane — list, columns, filter, events, detail tabs and keys. Adding a kind is one
// folder under src/resources/<kind>/ plus one line in src/resources/registry.ts (and its
// keymap entries); see docs/ARCHITECTURE.md, "Add a resource pane".
//
// Plain TypeScript: a descriptor names no React component. Cells return text already
// sanitized and a semantic tone; src/views maps tones to colours and draws the table.
import type { EngineSession } from '../state/session.js';
import type { ActionId, ContributedActionId, OwnActionId } from '../keys/keymap.js';
import type { AppContextValue } from '../app/app-context.js';
import type { ResourceQuerySpec } from './query.js';
import type { DetailSubject, DetailTab } from '../state/detail-tabs.js';

export type { CellEnv, ColumnWidth, ListSettings, Readable, ResourceColumn, SortKey, Tone } from './column-types.js';
import type { CellEnv, ListSettings, Readable, ResourceColumn } from './column-types.js';

/** Where the pane sits: stacked left of the detail pane (top/bottom) or the whole body. */
export type Placement = 'top-left' | 'bottom-left' | 'full';

/** What a key does; it reads what it needs (selection, session) when it runs. */
export type Handler = () => void;

/**
 * Every keymap entry whose scope is this kind, with its handler, except those another kind
 * puts there (`owner`): a missing or unknown id is a compile error (the keymap is `as const`,
 * src/keys/keymap.ts).
 */
export type ResourceHandlers<K extends string> = { [Id in OwnActionId<K>]: Handler };

/** The handlers of the keys a kind puts on other kinds' panes (keymap entries with `owner: K`). */
export type ContributedHandlers<K extends string> = { [Id in ContributedActionId<K>]: Handler };

/**
 * `contributes` is required exactly when the keymap gives the kind keys on other panes, so
 * a missing handler there is a compile error too (distributes over a union of kinds).
 */
type Contributions<K extends string> = K extends string
  ? [ContributedActionId<K>] extends [never]
    ? { contributes?: undefined }
    : {
        /** The handlers of its keys on other kinds' panes; the handler table gathers them from the registry. */
        contributes: (app: AppContextValue) => ContributedHandlers<K>;
      }
  : never;

/** A kind's pane: everything in DescriptorFields, plus `contributes` when it has keys on other panes. */
export type ResourceDescriptor<Row, K extends string = string> = DescriptorFields<Row, K> & Contributions<K>;

export interface DescriptorFields<Row, K extends string = string> extends ResourceQuerySpec<Row> {
  kind: K;
  /** Pane title: 'Containers'. */
  title: string;
  /** The title where room is short (the header's pane tabs): 'Cont'. Default: its first four letters. */
  shortTitle?: string;
  /** Only a swarm manager has these (Services, Nodes, Tasks): the header lists the pane only there. */
  swarmOnly?: true;
  /** One row in words, for 'No image matches "x"': 'image'. */
  noun: string;
  /**
   * The keymap action that focuses the pane: always `pane.<kind>` ('pane.images'), and the
   * keymap must bind it (else this is `never` and the descriptor does not compile). Its
   * handler is derived from the registry (src/app/dispatch/handlers.ts); its key is the title's [2].
   */
  paneAction: Extract<ActionId, `pane.${K}`>;
  placement: Placement;
  /** Columns, rebuilt when `now` or one of `inputs` changes (not per key). */
  columns: (env: CellEnv) => readonly ResourceColumn<Row>[];
  /** Stores whose changes re-build the columns: e.g. pending labels, stats, the containers list. */
  inputs?: (session: EngineSession) => readonly Readable<unknown>[];
  /** The clock ticks every second while this is true for the rows, else every 30 s; absent: no clock. */
  clock?: (rows: readonly Row[], session: EngineSession) => boolean;
  /** Told the rows on screen after each frame, and [] when the pane goes (stats follow the window). */
  onWindow?: (session: EngineSession, visible: readonly Row[], settings: ListSettings, selected?: Row) => void;
  /** Shown when the list is empty and unfiltered (default: 'No <noun>s'). */
  emptyText?: () => string;
  /**
   * The detail pane's tabs for this kind, in the order drawn (none: no tabs). Only a kind
   * placed beside the pane shows them; each tab reads what `detailSubject` gives it (Logs,
   * Top, Stats a container id; Inspect an inspect target). A tab key pressed for a kind
   * without that tab shows the first list beside the pane that has it.
   */
  detailTabs?: readonly DetailTab[];
  /** The selected row as the detail pane's tabs read it (title, state, ids). */
  detailSubject?: (row: Row) => DetailSubject;
  /** The handlers of the kind's keys (keymap scope = kind), built once per app. */
  actions: (app: AppContextValue) => ResourceHandlers<K>;
}
