// The right-hand pane: the tabs of the selected row of the list it belongs to, as that
// kind's descriptor lists them (`detailTabs`, `detailSubject`): Logs, Top, Stats and
// Inspect of a container, Inspect of an image — or the kind's summary (an image's) while
// the pane's tab is one the kind does not have. It tells the detail model what it shows;
// the model opens (and closes) the stream.
import { useEffect, type ReactNode } from 'react';
import { Text } from '../../ui/text.js';
import { cellWidth, truncateToWidth } from '../../text/width.js';
import { Panel, PANEL_CHROME } from '../../ui/panel.js';
import { hasColour, theme, stateColor } from '../../ui/theme.js';
import { useStore } from '../../ui/use-store.js';
import type { DetailSource, DetailTarget } from '../../state/detail-model.js';
import { detailTargetFor, type DetailSubject, type DetailTab } from '../../state/detail-tabs.js';
import type { EngineSession } from '../../state/session.js';
import type { UiState } from '../../app/ui-state.js';
import { selectedRow } from '../../app/selectors.js';
import type { ResourceKind, RowOf } from '../../resources/queries.js';
import { descriptorOf } from '../../resources/registry.js';
import { useApp } from '../app/use-app.js';
import type { FleetRow } from '../../app/engines/fleet.js';
import { LogsView } from './logs-view.js';
import { TopView } from './top-view.js';
import { StatsView } from './stats-view.js';
import { InspectView } from './inspect-view.js';
import { ImageSummary } from './image-summary.js';

function Tab({ label, hotkey, active }: { label: string; hotkey: string; active: boolean }) {
  // Without colour (TERM=dumb drops reverse video too) the active tab is bracketed, same width.
  const [open, close] = active && !hasColour() ? ['[', ']'] : [' ', ' '];
  return (
    <Text bold={active} inverse={active} color={active ? theme.accent : theme.muted}>
      {open}
      {label} <Text dimColor>{hotkey}</Text>
      {close}
    </Text>
  );
}

const TABS: ReadonlyArray<{ id: DetailTab; label: string; hotkey: string }> = [
  { id: 'logs', label: 'Logs', hotkey: 'l' },
  { id: 'top', label: 'Top', hotkey: 't' },
  { id: 'stats', label: 'Stats', hotkey: 'm' },
  { id: 'inspect', label: 'Inspect', hotkey: 'i' },
];

/** What a kind shows while the pane's tab is one it does not have (none: only its title). */
const SUMMARIES: { readonly [K in ResourceKind]?: (props: { row: RowOf<K> }) => ReactNode } = {
  images: ImageSummary,
};

/** Cells of " Label k " per tab, one space between tabs. */
function tabsWidth(tabs: ReadonlyArray<{ label: string; hotkey: string }>): number {
  return tabs.reduce((w: number, t) => w + t.label.length + t.hotkey.length + 3, 0) + tabs.length - 1;
}

/** Where each drawn tab sits on the title line, for mouse clicks (src/app/screen-map.ts). */
function tabZones(tabs: ReadonlyArray<{ id: string; label: string; hotkey: string }>) {
  let x = 0;
  return tabs.map((t) => {
    const from = x;
    x += t.label.length + t.hotkey.length + 3 + 1;
    return { id: t.id, from, to: x - 1 };
  });
}

/**
 * All the kind's tabs are shown only when the row's whole name fits beside them; otherwise
 * only the active tab: which container the pane is about matters more than tabs the hint
 * bar lists anyway (a compose name like "shop-backend-worker-1" no longer ends in "…").
 * Returns the tabs to draw and the name, cut only when even one tab leaves too little room.
 */
function titleParts(kindTabs: typeof TABS, innerWidth: number, active: string, name: string, state: string) {
  const nameRoom = (tabsWidth: number) => innerWidth - tabsWidth - 2 - 1 - cellWidth(state);
  const all = nameRoom(tabsWidth(kindTabs)) >= cellWidth(name);
  const tabs = all ? kindTabs : kindTabs.filter((t) => t.id === active);
  return { tabs, name: truncateToWidth(name, Math.max(1, nameRoom(tabsWidth(tabs)))) };
}

/** The list the pane belongs to, its selected row and what the row gives the tabs (a fleet row: always a container). */
function paneSubject(session: EngineSession, state: UiState, fleet?: FleetRow) {
  if (fleet) {
    const descriptor = descriptorOf('containers');
    const subject = descriptor.detailSubject?.(fleet.row);
    const tabs = TABS.filter((t) => descriptor.detailTabs?.includes(t.id));
    return { kind: 'containers' as const, descriptor, row: fleet.row, subject, tabs, onTab: tabs.some((t) => t.id === state.detailTab) };
  }
  const kind = state.lastList;
  const descriptor = descriptorOf(kind);
  const row = selectedRow(session, state, kind);
  const subject: DetailSubject | undefined = row === undefined ? undefined : descriptor.detailSubject?.(row);
  const tabs = TABS.filter((t) => descriptor.detailTabs?.includes(t.id));
  return { kind, descriptor, row, subject, tabs, onTab: tabs.some((t) => t.id === state.detailTab) };
}

/** What the pane shows, as the detail model needs it to pick its stream. */
export function detailTarget(session: EngineSession, state: UiState, fleet?: { row: FleetRow; engine: DetailSource }): DetailTarget | undefined {
  const { subject, onTab } = paneSubject(session, state, fleet?.row);
  if (!subject || !onTab) return undefined;
  const target = detailTargetFor(subject, state.detailTab, { tail: state.logView.tail, since: state.logView.since?.seconds });
  return target && fleet ? { ...target, engine: fleet.engine } : target;
}

function TabBody({ subject, tab, width, height }: { subject: DetailSubject; tab: DetailTab; width: number; height: number }) {
  const running = subject.running ?? false;
  if (tab === 'inspect') return subject.inspect ? <InspectView target={subject.inspect} width={width} height={height} /> : null;
  // A merged log is keyed by its group, as one container's is by its id.
  if (tab === 'logs' && subject.logGroup) return <LogsView key={subject.logGroup.key} containerId={subject.logGroup.key} width={width} height={height} />;
  if (!subject.containerId) return null;
  if (tab === 'logs') return <LogsView key={subject.containerId} containerId={subject.containerId} width={width} height={height} />;
  if (tab === 'stats') return <StatsView containerId={subject.containerId} running={running} width={width} height={height} />;
  return <TopView containerId={subject.containerId} running={running} width={width} height={height} />;
}

/**
 * `fleet`: the pane shows that fleet row (the Engines view's fleet mode), read from the row's
 * own engine through `source`, and says which engine it is on; the app's engine stays as it is.
 */
export function DetailPane({ width, height, fleet }: { width: number; height: number; fleet?: { row: FleetRow; engine: DetailSource } }) {
  const { session, ui, detail, screen } = useApp();
  const state = useStore(ui);
  useStore(session.list(state.lastList).store);
  const target = detailTarget(session, state, fleet);
  useEffect(() => detail.show(target));
  // Off screen (another pane, an overlay, a hand-over of the terminal): no stream.
  useEffect(() => () => detail.show(undefined), [detail]);
  const focused = state.focus === 'detail' || fleet !== undefined;
  const innerWidth = width - PANEL_CHROME.cols;
  const innerHeight = height - PANEL_CHROME.rows;
  const { kind, descriptor, row, subject, tabs: kindTabs, onTab } = paneSubject(session, state, fleet?.row);
  const where = fleet ? ` on ${fleet.row.engine}` : '';
  // A summary has no tabs to click.
  screen.setDetailTabs([]);

  if (!onTab) {
    // A tab this kind does not have: its summary under its title.
    const Summary = SUMMARIES[kind] as ((props: { row: unknown }) => ReactNode) | undefined;
    return (
      <Panel focused={focused} width={width} height={height} title={<Text bold>{subject?.title ?? ''}</Text>}>
        {row === undefined ? <Text color={theme.muted}>No {descriptor.noun} selected</Text> : Summary ? <Summary row={row} /> : null}
      </Panel>
    );
  }

  const { tabs, name } = titleParts(kindTabs, innerWidth, state.detailTab, subject?.title ?? '', `${subject?.state ?? ''}${where}`);
  screen.setDetailTabs(tabZones(tabs));
  const title = (
    <Text>
      {tabs.map((t, i) => (
        <Text key={t.id}>
          {i > 0 ? ' ' : ''}
          <Tab label={t.label} hotkey={t.hotkey} active={state.detailTab === t.id} />
        </Text>
      ))}
      {subject ? (
        <Text>
          {'  '}
          <Text bold>{name}</Text>
          {subject.state ? <Text color={stateColor(subject.state)}> {subject.state}</Text> : null}
          {where ? <Text color={theme.accent}>{where}</Text> : null}
        </Text>
      ) : null}
    </Text>
  );
  return (
    <Panel focused={focused} width={width} height={height} title={title}>
      {!subject ? (
        <Text color={theme.muted}>No {descriptor.noun} selected</Text>
      ) : (
        <TabBody subject={subject} tab={state.detailTab} width={innerWidth} height={innerHeight} />
      )}
    </Panel>
  );
}
