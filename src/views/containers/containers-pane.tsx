// The Containers list: every container, live from the engine's events.
import React, { useCallback, useEffect, useMemo } from 'react';
import { containerStatus, shownAge } from '../../engine/models/status-age.js';
import { timesForRow, type TimesEntry } from '../../state/container-times.js';
import type { ContainerRow } from '../../engine/models/types.js';
import { useClock } from '../../ui/use-clock.js';
import { useStore } from '../../ui/use-store.js';
import { ListPanel } from '../app/list-panel.js';
import { filterContainers } from '../app/selectors.js';
import { useApp } from '../app/use-app.js';
import { containerColumns } from './columns.js';

/** True while some row's status or age is counted in seconds. */
function countsSeconds(rows: readonly ContainerRow[], times: ReadonlyMap<string, TimesEntry>): boolean {
  const now = Date.now();
  return rows.some((r) => {
    if (now - r.created * 1000 < 60_000) return true;
    const age = shownAge(containerStatus(r, timesForRow(times, r), now));
    return age !== undefined && age < 60_000;
  });
}

export function ContainersPane({ width, height, rows: visibleRows }: { width: number; height: number; rows: number }) {
  const { session, ui } = useApp();
  const state = useStore(session.containers);
  const pending = useStore(session.pending);
  const uiState = useStore(ui);
  const list = uiState.lists.containers;
  const filtered = filterContainers(state.rows, list.filter);
  const times = useStore(session.times.store);
  const now = useClock(countsSeconds(state.rows, times));
  const stats = useStore(session.stats.store);
  const columns = useMemo(() => containerColumns(pending, now, stats, times), [pending, now, stats, times]);
  // Stats streams follow the window: open for running rows that scroll in, closed as they leave.
  const onWindow = useCallback(
    (visible: readonly ContainerRow[]) => {
      session.stats.setVisible(visible.filter((r) => r.state === 'running').map((r) => r.id));
      session.times.setVisible(visible);
    },
    [session],
  );
  useEffect(() => () => session.stats.setVisible([]), [session]);
  return (
    <ListPanel
      name="Containers"
      hotkey="1"
      noun="container"
      width={width}
      height={height}
      rows={visibleRows}
      state={state}
      filtered={filtered}
      list={list}
      focused={uiState.focus === 'containers'}
      columns={columns}
      onWindow={onWindow}
    />
  );
}
