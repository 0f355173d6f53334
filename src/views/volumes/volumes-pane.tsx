// The Volumes view (3): every volume with its driver, size (from /system/df) and the
// containers that mount it. Read while on screen; volume events re-read it.
import React, { useEffect, useMemo } from 'react';
import { Text } from '../../ui/text.js';
import { formatSize } from '../../engine/models/format.js';
import { volumeUsers, type VolumeRow } from '../../engine/models/volumes.js';
import { Panel, PANEL_CHROME } from '../../ui/panel.js';
import { Table, type Column } from '../../ui/table/table.js';
import { theme } from '../../ui/theme.js';
import { useStore } from '../../ui/use-store.js';
import { ListTitle } from '../app/list-title.js';
import { filterVolumes } from '../app/selectors.js';
import { selectedIndex } from '../app/ui-state.js';
import { useApp } from '../app/use-app.js';

const NONE: VolumeRow[] = [];

function columns(users: ReadonlyMap<string, string[]>): Column<VolumeRow>[] {
  return [
    { title: 'VOLUME NAME', value: (v) => v.name, grow: 3, minWidth: 16 },
    { title: 'DRIVER', value: (v) => v.driver, width: 8 },
    { title: 'SIZE', value: (v) => (v.size >= 0 ? formatSize(v.size) : '-'), width: 8 },
    {
      title: 'USED BY',
      value: (v) => (users.get(v.name) ?? []).join(', ') || '-',
      color: (v) => (users.get(v.name)?.length ? undefined : theme.muted),
      grow: 2,
      minWidth: 10,
    },
    { title: 'MOUNTPOINT', value: (v) => v.mountpoint, grow: 3, minWidth: 10 },
  ];
}

export function VolumesPane({ width, height }: { width: number; height: number }) {
  const { session, ui } = useApp();
  useEffect(() => session.volumes.acquire(), [session]);
  const state = useStore(session.volumes.store);
  const containers = useStore(session.containers);
  const uiState = useStore(ui);
  const list = uiState.lists.volumes;
  const filtered = filterVolumes(state.value ?? NONE, list.filter);
  const users = useMemo(() => volumeUsers(containers.rows), [containers.rows]);
  const cols = useMemo(() => columns(users), [users]);
  const rows = height - PANEL_CHROME.rows - 1;
  return (
    <Panel
      focused
      width={width}
      height={height}
      title={<ListTitle name="Volumes" hotkey="3" shown={filtered.rows.length} total={filtered.total} list={list} />}
    >
      {state.error ? <Text color={theme.error} wrap="truncate">{state.error}</Text> : null}
      <Table
        columns={cols}
        rows={filtered.rows}
        selected={selectedIndex(filtered.keys, list)}
        height={rows - (state.error ? 1 : 0)}
        width={width - PANEL_CHROME.cols}
        focused
        emptyText={!state.loaded ? (state.error ? 'Nothing listed yet' : 'Loading…') : list.filter ? `No volume matches "${list.filter}"` : 'No volumes (c creates one)'}
      />
    </Panel>
  );
}
