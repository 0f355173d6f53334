// The right-hand pane: the tabs of the selected row of the list it belongs to, as that
// kind's descriptor lists them (`detailTabs`, `detailSubject`): Logs, Top, Stats and
// Inspect of a container, Inspect of an image — or the kind's summary (an image's) while
// the pane's tab is one the kind does not have. It tells the detail model what it shows;
// the model opens (and closes) the stream.
import { useEffect, type ReactNode } from 'react';
import { Text } from '../../ui/text.js';
import { cellWidth, truncateToWidth } from '../../text/width.js';
import { Panel } from '../../ui/panel.js';
import { PANEL_CHROME } from '../../ui/panel-chrome.js';
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
import { keyLabel } from '../../keys/labels.js';
import type { ActionId } from '../../keys/keymap.js';

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

/** Each tab's name, a short form for a narrow pane (80–120 columns), and its key (from the keymap). */
const TABS: ReadonlyArray<{ id: DetailTab; label: string; short: string; action: ActionId }> = [
  { id: 'logs', label: 'Logs', short: 'Log', action: 'detail.logs' },
  { id: 'top', label: 'Top', short: 'Top', action: 'detail.top' },
  { id: 'stats', label: 'Stats', short: 'Stat', action: 'detail.stats' },
  { id: 'inspect', label: 'Inspect', short: 'Insp', action: 'detail.inspect' },
];

interface DrawnTab {
  id: DetailTab;
  label: string;
  hotkey: string;
}

/** What a kind shows while the pane's tab is one it does not have (none: only its title). */
const SUMMARIES: { readonly [K in ResourceKind]?: (props: { row: RowOf<K> }) => ReactNode } = {
  images: ImageSummary,
};

/** Cells of " Label k " per tab, `gap` spaces between tabs. */
function tabsWidth(tabs: readonly DrawnTab[], gap: number): number {
  return tabs.reduce((w: number, t) => w + cellWidth(t.label) + cellWidth(t.hotkey) + 3, 0) + (tabs.length - 1) * gap;
}

/** Where each drawn tab sits on the title line, for mouse clicks (src/app/screen-map.ts). */
function tabZones(tabs: readonly DrawnTab[], gap: number) {
  let x = 0;
  return tabs.map((t) => {
    const from = x;
    x += cellWidth(t.label) + cellWidth(t.hotkey) + 3 + gap;
    return { id: t.id, from, to: x - gap };
  });
}

/** A name cut in its middle: a compose name keeps its distinguishing end ("shop-back…worker-1"). */
function middleCut(name: string, width: number): string {
  if (cellWidth(name) <= width) return name;
  if (width < 2) return '';
  const tailRoom = Math.floor((width - 1) / 2);
  let tail = '';
  for (const ch of Array.from(name).reverse()) {
    if (cellWidth(ch + tail) > tailRoom) break;
    tail = ch + tail;
  }
  return truncateToWidth(name, width - cellWidth(tail)) + tail;
}

/** Fewer than this many cells for the name beside its state: the state gives way. */
const NAME_ROOM = 12;

/**
 * Every tab of the kind stays named with its key (the way to them: l, t, m, i), in full or,
 * in a narrow pane, short (Log, Stat, Insp). The row's name takes the rest: whole when it
 * fits, else cut in the middle; its state and then the name itself give way first, as the
 * selected row in the list beside names it anyway.
 */
function titleParts(kindTabs: typeof TABS, innerWidth: number, name: string, state: string) {
  const drawn = (short: boolean): DrawnTab[] => kindTabs.map((t) => ({ id: t.id, label: short ? t.short : t.label, hotkey: keyLabel(t.action) }));
  const whole = cellWidth(name);
  const room = (tabs: readonly DrawnTab[], gap: number, withState: boolean) =>
    innerWidth - tabsWidth(tabs, gap) - 2 - (withState && state ? 1 + cellWidth(state) : 0);
  // The whole name and its state beside the full tab names, else beside the short ones
  // (which also lose the space between them: each keeps its own padding).
  const useFull = room(drawn(false), 1, true) >= whole;
  const tabs = drawn(!useFull);
  const gap = useFull ? 1 : 0;
  const withState = room(tabs, gap, true) >= Math.min(whole, NAME_ROOM);
  const left = room(tabs, gap, withState);
  return { tabs, gap, name: left >= 4 ? middleCut(name, left) : '', state: withState ? state : '' };
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
  if (tab === 'logs' && subject.serviceLog) return <LogsView key={subject.serviceLog.key} containerId={subject.serviceLog.key} width={width} height={height} />;
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

  const { tabs, gap, name, state: shownState } = titleParts(kindTabs, innerWidth - cellWidth(where), subject?.title ?? '', subject?.state ?? '');
  screen.setDetailTabs(tabZones(tabs, gap));
  const title = (
    <Text>
      {tabs.map((t, i) => (
        <Text key={t.id}>
          {i > 0 ? ' '.repeat(gap) : ''}
          <Tab label={t.label} hotkey={t.hotkey} active={state.detailTab === t.id} />
        </Text>
      ))}
      {subject && name ? (
        <Text>
          {'  '}
          <Text bold>{name}</Text>
          {shownState ? <Text color={stateColor(shownState)}> {shownState}</Text> : null}
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
