// The Engines view (0): every docker context and the command line's endpoint, each with
// its reach, version and live counts; Enter switches. f turns it into the fleet list:
// every container of every reachable engine, with its ENGINE column; l t m i open the
// selected row's detail pane beside it, read from the row's own engine.
import { Box } from 'ink';
import { useEffect } from 'react';
import type { EngineManager } from '../../app/engines/engine-manager.js';
import { containerStatus, statusWidth } from '../../engine/models/status-age.js';
import { timesForRow } from '../../state/container-times.js';
import { Text } from '../../ui/text.js';
import { Panel } from '../../ui/panel.js';
import { PANEL_CHROME } from '../../ui/panel-chrome.js';
import { Table, type Column } from '../../ui/table/table.js';
import { stateColor, theme } from '../../ui/theme.js';
import { useStore } from '../../ui/use-store.js';
import { useClock } from '../../ui/use-clock.js';
import { eventWhen, type DateFormat } from '../../engine/models/format.js';
import { fleetList, type FleetRow } from '../../app/engines/fleet.js';
import { selectedIndex } from '../../app/ui-state.js';
import { DetailPane } from '../detail/detail-pane.js';
import { keyLabel } from '../../keys/labels.js';
import { useApp } from '../app/use-app.js';
import { ListTitle } from '../app/list-title.js';
import { engineSummaries, type EngineSummary } from './engine-summary.js';

const TONE = { success: theme.success, error: theme.error, muted: theme.muted } as const;

const ENGINE_COLUMNS: Column<EngineSummary>[] = [
  { title: ' ', value: (s) => (s.current ? '*' : ''), width: 1 },
  { title: 'ENGINE', value: (s) => s.entry.name, grow: 1, minWidth: 10, wantWidth: 16 },
  { title: 'ENDPOINT', value: (s) => s.entry.url, grow: 2, minWidth: 16 },
  { title: 'STATE', value: (s) => s.state, width: 11, color: (s) => TONE[s.tone] },
  { title: 'VERSION', value: (s) => s.version, width: 10, priority: 2 },
  { title: 'API', value: (s) => s.api, width: 5, priority: 3 },
  { title: 'CONTAINERS', value: (s) => s.containers, width: 34, priority: 1 },
  { title: 'IMAGES', value: (s) => s.images, width: 6, priority: 4 },
  { title: 'IMG SIZE', value: (s) => s.disk, width: 9, priority: 5 },
];

/** The fleet's columns; STATUS ages (or dates: dateFormat) from each row's engine's own start/finish times. */
function fleetColumns(engines: EngineManager, now: number, dates: DateFormat): Column<FleetRow>[] {
  const status = (r: FleetRow) => {
    const times = engines.sessionOf(r.engineId)?.times.store.get();
    return containerStatus(r.row, times && timesForRow(times, r.row), now, dates);
  };
  return [
    { title: 'ENGINE', value: (r) => r.engine, grow: 1, minWidth: 10, wantWidth: 14 },
    { title: 'NAME', value: (r) => r.row.name, grow: 3, minWidth: 16, wantWidth: 20 },
    { title: 'IMAGE', value: (r) => r.row.image, grow: 1, minWidth: 7, priority: 1 },
    {
      title: 'STATE',
      value: (r) => (r.stale ? `${r.row.state}?` : r.row.state),
      width: 11,
      color: (r) => (r.stale ? theme.muted : stateColor(r.row.state)),
    },
    { title: 'STATUS', value: (r) => (r.stale ? 'engine lost (stale)' : status(r)), width: statusWidth(dates), priority: 2 },
  ];
}

/**
 * The fleet rows around the selection (a screenful each way) ask their engine for their
 * start/finish times, as the Containers pane does for the rows it shows.
 */
function useFleetTimes(engines: EngineManager, rows: readonly FleetRow[] | undefined, selected: number, height: number): void {
  const near = rows ? rows.slice(Math.max(0, selected - height), Math.max(0, selected) + height) : [];
  const wanted = near.map((r) => r.key).join('\n');
  useEffect(() => {
    for (const { entry, session } of engines.liveEngines()) {
      const mine = near.filter((r) => r.engineId === entry.id).map((r) => r.row);
      if (mine.length) session.times.setVisible(mine);
    }
    // `wanted` names exactly the rows in `near`: the effect runs when they change.
  }, [engines, wanted]);
}

/** `listWidth`: the fleet list's width while a row's detail pane is open beside it. */
export function EnginesPane({ width, height, listWidth }: { width: number; height: number; listWidth: number }) {
  const { engines, ui, config } = useApp();
  const dates = config.settings.dateFormat;
  useStore(engines.changed);
  const state = useStore(ui);
  const view = state.engines;
  const rows = height - PANEL_CHROME.rows;
  // Ages tick: the last events' ("42s ago") every second, the fleet's STATUS as the Containers pane's slow clock.
  const now = useClock(!view.fleet, dates === 'relative');
  const list = view.fleet ? fleetList(engines, state) : undefined;
  const fleetSelected = list ? selectedIndex(list.keys, view.fleetList) : -1;
  useFleetTimes(engines, list?.rows, fleetSelected, rows);
  if (list) {
    const live = engines.liveEngines().length;
    const picked = fleetSelected >= 0 ? list.rows[fleetSelected] : undefined;
    const session = picked && view.detail ? engines.sessionOf(picked.engineId) : undefined;
    const detail = picked && session ? { row: picked, engine: { id: picked.engineId, api: session.engine, feed: session } } : undefined;
    if (detail && state.detailZoom) return <DetailPane width={width} height={height} fleet={detail} />;
    const tableWidth = detail ? Math.min(listWidth, width - 20) : width;
    const table = (
      <Panel
        focused={!detail}
        width={tableWidth}
        height={height}
        title={<ListTitle name={`Fleet · ${live} engine(s)`} hotkey="0" shown={list.rows.length} total={list.total} list={view.fleetList} />}
      >
        <Table
          columns={fleetColumns(engines, now, dates)}
          rows={list.rows}
          selected={fleetSelected}
          height={rows - 1}
          width={tableWidth - PANEL_CHROME.cols}
          focused={!detail}
          emptyText={live === 0 ? 'No engine reachable yet…' : 'No containers'}
        />
      </Panel>
    );
    if (!detail) return table;
    return (
      <Box flexDirection="row">
        {table}
        <DetailPane width={width - tableWidth} height={height} fleet={detail} />
      </Box>
    );
  }
  const inner = width - PANEL_CHROME.cols;
  const summaries = engineSummaries(engines);
  const selected = summaries[Math.min(view.cursor, summaries.length - 1)];
  const below = selected ? detailLines(selected, now, dates) : [];
  return (
    <Panel
      focused
      width={width}
      height={height}
      title={
        <Text>
          <Text color={theme.muted}>[0] </Text>
          <Text bold>Engines</Text>
          <Text color={theme.muted}>
            {' '}
            ({summaries.length}) · {keyLabel('engines.switch')} switch · {keyLabel('engines.fleet')} fleet
          </Text>
        </Text>
      }
    >
      <Table
        columns={ENGINE_COLUMNS}
        rows={summaries}
        selected={Math.min(view.cursor, summaries.length - 1)}
        height={Math.max(1, rows - 1 - below.length)}
        width={inner}
        focused
      />
      <Box flexDirection="column">
        {below.map((line, i) => (
          <Text key={i} color={i === 0 ? theme.accent : theme.muted} wrap="truncate">
            {line}
          </Text>
        ))}
      </Box>
    </Panel>
  );
}

/** Under the table: the selected engine's error or its last few events, each with its time (dateFormat). */
function detailLines(s: EngineSummary, now: number, dates: DateFormat): string[] {
  if (s.error) return [`${s.entry.name}: ${s.state}`, s.error];
  if (s.lastEvents.length === 0) return [`${s.entry.name}: no events since this view opened`];
  return [`${s.entry.name}: last events`, ...s.lastEvents.map((e) => `${eventWhen(e.time, now, dates)} ${e.text}`)];
}
