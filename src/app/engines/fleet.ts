// The fleet list: every container of every engine the Engines view holds a session of,
// each row carrying its engine, so an action on it goes to that engine. A lost engine's
// rows stay, marked stale, while the others stay live.
import type { ContainerRow } from '../../engine/models/types.js';
import { matchesFilter, selectedIndex, type UiState } from '../ui-state.js';
import type { EngineManager } from './engine-manager.js';

export interface FleetRow {
  /** engine id + container id: unique across engines. */
  key: string;
  engineId: string;
  /** The engine's name as the Engines view shows it. */
  engine: string;
  /** Its engine is lost: the row is what was last listed. */
  stale: boolean;
  row: ContainerRow;
}

export interface FleetList {
  rows: FleetRow[];
  keys: string[];
  total: number;
}

/** The fleet rows that match the fleet filter (engine name, container name, image, id). */
export function fleetList(manager: EngineManager, ui: UiState): FleetList {
  const filter = ui.engines.fleetList.filter;
  const all = manager.liveEngines().flatMap(({ entry, session }) => {
    const stale = !session.isConnected();
    return session.containers.get().rows.map((row) => ({ key: `${entry.id}/${row.id}`, engineId: entry.id, engine: entry.name, stale, row }));
  });
  const rows = filter ? all.filter((r) => matchesFilter(filter, [r.engine, r.row.name, r.row.image, r.row.shortId])) : all;
  return { rows, keys: rows.map((r) => r.key), total: all.length };
}

export function selectedFleetRow(manager: EngineManager, ui: UiState): FleetRow | undefined {
  const list = fleetList(manager, ui);
  const i = selectedIndex(list.keys, ui.engines.fleetList);
  return i >= 0 ? list.rows[i] : undefined;
}
