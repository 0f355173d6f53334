// The Images list: one row per repo:tag, dangling images marked.
import React, { useMemo } from 'react';
import { Text } from 'ink';
import { Panel, PANEL_CHROME } from '../../ui/panel.js';
import { Table } from '../../ui/table/table.js';
import { theme } from '../../ui/theme.js';
import { useClock } from '../../ui/use-clock.js';
import { useStore } from '../../ui/use-store.js';
import { ListTitle } from '../app/list-title.js';
import { filterImages } from '../app/selectors.js';
import { selectedIndex } from '../app/ui-state.js';
import { useApp } from '../app/use-app.js';
import { imageColumns } from './columns.js';

export function ImagesPane({ width, height, rows: visibleRows }: { width: number; height: number; rows: number }) {
  const { session, ui } = useApp();
  const state = useStore(session.images);
  const uiState = useStore(ui);
  const list = uiState.lists.images;
  const filtered = filterImages(state.rows, list.filter);
  const now = useClock(false);
  const columns = useMemo(() => imageColumns(now), [now]);
  const focused = uiState.focus === 'images';
  return (
    <Panel
      focused={focused}
      width={width}
      height={height}
      title={<ListTitle name="Images" hotkey="2" shown={filtered.rows.length} total={filtered.total} list={list} />}
    >
      {state.error ? <Text color={theme.error} wrap="truncate">{state.error}</Text> : null}
      <Table
        columns={columns}
        rows={filtered.rows}
        selected={selectedIndex(filtered.keys, list)}
        height={visibleRows - (state.error ? 1 : 0)}
        width={width - PANEL_CHROME.cols}
        focused={focused}
        emptyText={!state.loaded ? 'Loading…' : list.filter ? `No image matches "${list.filter}"` : 'No images'}
      />
    </Panel>
  );
}
