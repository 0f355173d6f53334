// The Images list: one row per repo:tag, dangling images marked.
import React, { useMemo } from 'react';
import { useClock } from '../../ui/use-clock.js';
import { useStore } from '../../ui/use-store.js';
import { ListPanel } from '../app/list-panel.js';
import { filterImages } from '../app/selectors.js';
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
  return (
    <ListPanel
      name="Images"
      hotkey="2"
      noun="image"
      width={width}
      height={height}
      rows={visibleRows}
      state={state}
      filtered={filtered}
      list={list}
      focused={uiState.focus === 'images'}
      columns={columns}
    />
  );
}
