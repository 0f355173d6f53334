// The part of a resource descriptor the engine session needs: how to list the kind,
// how to key and filter its rows, which engine events make the list stale, and whether
// it is kept live all the time or only while a pane shows it. Plain data and functions:
// no React, no app state, so src/state (the session) can build one live query per kind
// from it without depending on views or actions.
import type { EngineApi } from '../engine/api/engine-api.js';
import type { ContainerRow, EngineEvent } from '../engine/models/types.js';
import type { CommandTarget } from './command-target.js';
import type { SortKey } from './sort-key.js';

/**
 * The engine a list reads from: the whole EngineApi, so a kind whose list call is new
 * needs no edit here (only the EngineApi member). Lists only read; tests hand in a fake.
 */
export type ListEngine = EngineApi;

/** One kind of engine event that makes the list stale, e.g. {type: 'volume'}. */
export interface RefreshRule {
  /** The event's Type: 'container', 'image', 'volume', 'network', … */
  type: string;
  /** Only these actions (none: every action of the type). */
  actions?: readonly string[];
  /** Never these actions (matched against the action, e.g. /^exec_/). */
  except?: RegExp;
}

export interface ResourceQuerySpec<Row> {
  /** Stable id of the kind; also its keymap scope and its key in UiState.lists. */
  kind: string;
  /** Stable id of a row (the selection follows it across re-lists). */
  rowKey: (row: Row) => string;
  /** What the list filter (/) matches against, case-insensitively. */
  filterFields: (row: Row) => readonly string[];
  /** Reads every row of the kind. Rows come back sanitized (src/docker/rows.ts). */
  list: (engine: ListEngine, signal: AbortSignal) => Promise<Row[]>;
  /** Engine events after which the list is re-read (coalesced). */
  refreshOn: readonly RefreshRule[];
  /** 'always': listed from start-up on; 'onScreen': only while a pane shows it (events mark it stale). */
  live: 'always' | 'onScreen';
  /** How long a burst of events is merged into one re-list. */
  debounceMs: number;
  /**
   * The rows a "running only" toggle keeps (Containers: `docker ps` without -a), and the word
   * the pane's title then shows; absent: the kind has no such toggle.
   */
  active?: { keep: (row: Row) => boolean; label: string };
  /** The rows' order when the list is grouped (a toggle key); the same array for the same rows. */
  group?: (rows: readonly Row[]) => readonly Row[];
  /**
   * Rows computed from the containers list instead of an engine call of their own (Compose
   * projects): re-derived whenever that list changes, so they cost no request. `list` and
   * `refreshOn` are then unused.
   */
  derive?: (containers: readonly ContainerRow[]) => Row[];
  /**
   * Rows still converging in a way no event reports (swarm tasks on other nodes): while
   * this says so and the pane is on screen, the list is read again after `settleMs`.
   */
  settling?: (rows: readonly Row[]) => boolean;
  settleMs?: number;
  /**
   * The orders o cycles through, in turn (O reverses); none: the list keeps the engine's
   * order. Their ids are what the config's `look.sort` may name.
   */
  sortKeys?: readonly SortKey<Row>[];
  /** Custom commands may act on this kind's rows (its name is then a command `scope`); what they read of a row. */
  commands?: CommandTarget<Row>;
}

export function refreshes(rules: readonly RefreshRule[], event: EngineEvent): boolean {
  return rules.some((r) => r.type === event.type && (!r.actions || r.actions.includes(event.action)) && !r.except?.test(event.action));
}
