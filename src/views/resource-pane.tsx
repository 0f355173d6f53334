// One list pane for every resource kind: title with counts and filter, the engine's
// error if the last list call failed, and the windowed table (only the rows that fit are
// rendered). What differs between kinds — columns, keys, empty text, what the window
// feeds — comes from the kind's descriptor (src/resources/<kind>/descriptor.ts).
import { useCallback, useEffect, useMemo, useSyncExternalStore } from 'react';
import { Text } from '../ui/text.js';
import type { EngineSession } from '../state/session.js';
import { keyLabel } from '../keys/labels.js';
import { RESOURCE_QUERIES, type ResourceKind } from '../resources/queries.js';
import { descriptorOf } from '../resources/registry.js';
import type { ListSettings, Readable, ResourceColumn, Tone } from '../resources/types.js';
import { Panel } from '../ui/panel.js';
import { PANEL_CHROME } from '../ui/panel-chrome.js';
import { Table, type Column } from '../ui/table/table.js';
import { theme } from '../ui/theme.js';
import { useClock } from '../ui/use-clock.js';
import { useScrollTop } from '../ui/table/use-scroll-top.js';
import { useStore } from '../ui/use-store.js';
import { ListTitle } from './app/list-title.js';
import { filterRows, markedRows } from '../app/selectors.js';
import { chooseColumns } from '../resources/choose-columns.js';
import { selectedIndex } from '../app/ui-state.js';
import { useApp } from './app/use-app.js';

/** A tone's colour in the current theme (undefined without colour: the text says it). */
const toneColor = (t: Tone): string | undefined => theme[t];

function tableColumns<Row>(columns: readonly ResourceColumn<Row>[]): Column<Row>[] {
  return columns.map(({ tone, ...c }) =>
    tone
      ? {
          ...c,
          color: (r: Row) => {
            const t = tone(r);
            return t && toneColor(t);
          },
        }
      : c,
  );
}

const NO_INPUTS: readonly Readable<unknown>[] = [];

/** The values of `stores`, as one array that changes identity whenever one of them does. */
function useInputs(stores: readonly Readable<unknown>[]): unknown[] {
  const subscribe = useCallback(
    (onChange: () => void) => {
      const offs = stores.map((s) => s.subscribe(onChange));
      return () => offs.forEach((off) => off());
    },
    [stores],
  );
  const snapshot = useMemo(() => {
    let last: unknown[] = [];
    return () => {
      const now = stores.map((s) => s.get());
      if (now.length !== last.length || now.some((v, i) => !Object.is(v, last[i]))) last = now;
      return last;
    };
  }, [stores]);
  return useSyncExternalStore(subscribe, snapshot, snapshot);
}

export interface ResourcePaneProps {
  kind: ResourceKind;
  width: number;
  height: number;
  /** Data rows that fit below the column header (layout.ts paneBox). */
  rows: number;
}

export function ResourcePane({ kind, width, height, rows: visibleRows }: ResourcePaneProps) {
  const { session, ui, screen, columns: chosen, config } = useApp();
  const { statsColumns, dateFormat } = config.settings;
  const settings = useMemo(() => ({ statsColumns, dateFormat }), [statsColumns, dateFormat]);
  const d = descriptorOf(kind);
  const query = session.list(kind);
  useEffect(() => (d.live === 'onScreen' ? query.acquire() : undefined), [d, query]);
  const state = useStore(query.store);
  const inputStores = useMemo(() => d.inputs?.(session) ?? NO_INPUTS, [d, session]);
  const inputs = useInputs(inputStores);
  const uiState = useStore(ui);
  const list = uiState.lists[kind];
  const grouped = Boolean(list.grouped && d.group);
  const filtered = filterRows(kind, state.rows, list, session);
  const marked = markedRows(session, uiState, kind);
  const markedKeys = useMemo(() => new Set(marked.map(d.rowKey)), [marked, d]);
  const sortKey = !grouped && list.sort && d.sortKeys?.find((k) => k.id === list.sort?.key);
  const sort = sortKey && list.sort ? { title: sortKey.title, desc: list.sort.desc } : undefined;
  const selected = selectedIndex(filtered.keys, list);
  const tableHeight = visibleRows - (state.error ? 1 : 0);
  const top = useScrollTop(selected, tableHeight, filtered.rows.length);
  // Only the rows on screen decide whether the clock ticks every second: a container
  // restarting in a loop below the window, or filtered out, must not wake dtui each second.
  const onScreen = filtered.rows.slice(top, top + tableHeight);
  const now = useClock(d.clock?.(onScreen, session) ?? false, d.clock !== undefined);
  const wanted = chosen[kind];
  const columns = useMemo(
    () => tableColumns(chooseColumns(d.columns({ session, now, grouped, settings }), wanted)),
    [d, session, now, inputs, wanted, grouped, settings],
  );
  const onWindow = useWindow(d.onWindow, session, settings);
  const focused = d.placement === 'full' || uiState.focus === kind;
  const empty = !state.loaded
    ? state.error
      ? 'Nothing listed yet'
      : 'Loading…'
    : list.filter
      ? `No ${d.noun} matches "${list.filter}"`
      : d.emptyText
        ? d.emptyText()
        : `No ${d.noun}s`;
  return (
    <Panel
      focused={focused}
      width={width}
      height={height}
      title={
        <ListTitle
          name={d.title}
          hotkey={keyLabel(d.paneAction)}
          shown={filtered.rows.length}
          total={filtered.total}
          marked={marked.length}
          list={list}
          activeLabel={list.activeOnly ? RESOURCE_QUERIES[kind].active?.label : undefined}
        />
      }
    >
      {state.error ? (
        <Text color={theme.error} wrap="truncate">
          {state.error}
        </Text>
      ) : null}
      <Table
        columns={columns}
        rows={filtered.rows}
        selected={selected}
        height={tableHeight}
        top={top}
        width={width - PANEL_CHROME.cols}
        focused={focused}
        onWindow={onWindow}
        onTop={(top) => screen.setListTop(kind, top)}
        marked={marked.length > 0 ? (row) => markedKeys.has(d.rowKey(row)) : undefined}
        sort={sort}
        emptyText={empty}
      />
    </Panel>
  );
}

/** The descriptor's window callback bound to the session, told [] when the pane goes. */
function useWindow(
  onWindow: ((session: EngineSession, visible: readonly unknown[], settings: ListSettings, selected?: unknown) => void) | undefined,
  session: EngineSession,
  settings: ListSettings,
) {
  const callback = useCallback(
    (visible: readonly unknown[], selected: unknown) => onWindow?.(session, visible, settings, selected),
    [onWindow, session, settings],
  );
  useEffect(() => (onWindow ? () => onWindow(session, [], settings) : undefined), [onWindow, session, settings]);
  return onWindow ? callback : undefined;
}
