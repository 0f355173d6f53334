// A list pane: bordered panel, title with counts and filter, the engine's error if the
// last list call failed, and the windowed table. Containers and Images differ only in
// their rows and columns.
import React from 'react';
import { Text } from '../../ui/text.js';
import type { ListState } from '../../state/session.js';
import { Panel, PANEL_CHROME } from '../../ui/panel.js';
import { Table, type Column } from '../../ui/table/table.js';
import { theme } from '../../ui/theme.js';
import { ListTitle } from './list-title.js';
import type { FilteredList } from './selectors.js';
import { selectedIndex, type ListUi } from './ui-state.js';

export interface ListPanelProps<Row> {
  name: string;
  hotkey: string;
  /** "container", "image": for "No image matches …". */
  noun: string;
  width: number;
  height: number;
  /** Data rows that fit below the column header. */
  rows: number;
  state: ListState<Row>;
  filtered: FilteredList<Row>;
  list: ListUi;
  focused: boolean;
  columns: readonly Column<Row>[];
  onWindow?: (visible: readonly Row[]) => void;
}

export function ListPanel<Row>({ name, hotkey, noun, width, height, rows, state, filtered, list, focused, columns, onWindow }: ListPanelProps<Row>) {
  return (
    <Panel
      focused={focused}
      width={width}
      height={height}
      title={<ListTitle name={name} hotkey={hotkey} shown={filtered.rows.length} total={filtered.total} list={list} />}
    >
      {state.error ? <Text color={theme.error} wrap="truncate">{state.error}</Text> : null}
      <Table
        columns={columns}
        rows={filtered.rows}
        selected={selectedIndex(filtered.keys, list)}
        height={rows - (state.error ? 1 : 0)}
        width={width - PANEL_CHROME.cols}
        focused={focused}
        onWindow={onWindow}
        emptyText={!state.loaded ? (state.error ? 'Nothing listed yet' : 'Loading…') : list.filter ? `No ${noun} matches "${list.filter}"` : `No ${noun}s`}
      />
    </Panel>
  );
}
