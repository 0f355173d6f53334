// The right-hand pane: Logs, Top, Stats and Inspect of the selected container, or a
// summary (or the inspect JSON) of the selected image when Images was the last list used.
// It tells the detail model what it shows; the model opens (and closes) the stream.
import { useEffect } from 'react';
import { Box } from 'ink';
import { Text } from '../../ui/text.js';
import { formatSize, timeAgo } from '../../engine/models/format.js';
import { sanitize } from '../../text/sanitize.js';
import { cellWidth, truncateToWidth } from '../../text/width.js';
import { Panel, PANEL_CHROME } from '../../ui/panel.js';
import { theme, STATE_COLOR } from '../../ui/theme.js';
import { useStore } from '../../ui/use-store.js';
import type { DetailTarget } from '../../state/detail-model.js';
import type { EngineSession } from '../../state/session.js';
import type { UiState } from '../../app/ui-state.js';
import { selectedContainer, selectedImage } from '../../app/selectors.js';
import { useApp } from '../app/use-app.js';
import { imageLabel } from '../../app/actions/image-actions.js';
import { LogsView } from './logs-view.js';
import { TopView } from './top-view.js';
import { StatsView } from './stats-view.js';
import { InspectView } from './inspect-view.js';
import { ProjectLogsPane, projectLogTarget } from './project-logs-pane.js';
import { selectedRow } from '../../app/selectors.js';

function Tab({ label, hotkey, active }: { label: string; hotkey: string; active: boolean }) {
  return (
    <Text bold={active} inverse={active} color={active ? theme.accent : theme.muted}>
      {' '}
      {label} <Text dimColor>{hotkey}</Text>{' '}
    </Text>
  );
}

const TABS = [
  { id: 'logs', label: 'Logs', hotkey: 'l' },
  { id: 'top', label: 'Top', hotkey: 't' },
  { id: 'stats', label: 'Stats', hotkey: 'm' },
  { id: 'inspect', label: 'Inspect', hotkey: 'i' },
] as const;

/** Cells of " Label k " per tab, one space between tabs. */
function tabsWidth(tabs: ReadonlyArray<{ label: string; hotkey: string }>): number {
  return tabs.reduce((w: number, t) => w + t.label.length + t.hotkey.length + 3, 0) + tabs.length - 1;
}
const ALL_TABS_WIDTH = tabsWidth(TABS);

/**
 * All four tabs are shown only when the container's whole name fits beside them; otherwise
 * only the active tab: which container the pane is about matters more than tabs the hint
 * bar lists anyway (a compose name like "shop-backend-worker-1" no longer ends in "…").
 * Returns the tabs to draw and the name, cut only when even one tab leaves too little room.
 */
function titleParts(innerWidth: number, active: string, name: string, state: string) {
  const nameRoom = (tabsWidth: number) => innerWidth - tabsWidth - 2 - 1 - cellWidth(state);
  const all = nameRoom(ALL_TABS_WIDTH) >= cellWidth(name);
  const tabs = all ? TABS : TABS.filter((t) => t.id === active);
  const width = all ? ALL_TABS_WIDTH : tabsWidth(tabs);
  return { tabs, name: truncateToWidth(name, Math.max(1, nameRoom(width))) };
}

/** What the pane shows, as the detail model needs it to pick its stream. */
export function detailTarget(session: EngineSession, state: UiState): DetailTarget | undefined {
  if (state.lastList === 'projects') return projectLogTarget(session, state);
  if (state.lastList === 'images') {
    const image = selectedImage(session, state);
    return image && state.detailTab === 'inspect' ? { tab: 'inspect', inspect: { kind: 'image', id: image.id } } : undefined;
  }
  const container = selectedContainer(session, state);
  if (!container) return undefined;
  const running = container.state === 'running' || container.state === 'paused';
  switch (state.detailTab) {
    case 'logs':
      return { tab: 'logs', containerId: container.id, tail: state.logView.tail, since: state.logView.since?.seconds };
    case 'inspect':
      return { tab: 'inspect', inspect: { kind: 'container', id: container.id } };
    default:
      return { tab: state.detailTab, containerId: container.id, running };
  }
}

export function DetailPane({ width, height }: { width: number; height: number }) {
  const { session, ui, detail } = useApp();
  const state = useStore(ui);
  const containers = useStore(session.containers);
  useStore(session.images);
  useStore(session.list('projects').store);
  const target = detailTarget(session, state);
  useEffect(() => detail.show(target));
  // Off screen (another pane, an overlay, a hand-over of the terminal): no stream.
  useEffect(() => () => detail.show(undefined), [detail]);
  const focused = state.focus === 'detail';
  const innerWidth = width - PANEL_CHROME.cols;
  const innerHeight = height - PANEL_CHROME.rows;

  if (state.lastList === 'projects') {
    return <ProjectLogsPane row={selectedRow(session, state, 'projects')} focused={focused} width={width} height={height} />;
  }
  if (state.lastList === 'images') {
    const image = selectedImage(session, state);
    if (image && state.detailTab === 'inspect') {
      return (
        <Panel
          focused={focused}
          width={width}
          height={height}
          title={
            <Text>
              <Tab label="Inspect" hotkey="i" active /> <Text bold>Image {imageLabel(image)}</Text>
            </Text>
          }
        >
          <InspectView target={{ kind: 'image', id: image.id }} width={innerWidth} height={innerHeight} />
        </Panel>
      );
    }
    return (
      <Panel focused={focused} width={width} height={height} title={<Text bold>Image {image ? imageLabel(image) : ''}</Text>}>
        {image ? (
          <Box flexDirection="column">
            <Text wrap="truncate">ID {sanitize(image.id)}</Text>
            <Text wrap="truncate">Size {formatSize(image.size)}</Text>
            <Text wrap="truncate">Created {timeAgo(image.created, Date.now())}</Text>
            {/* The engine reports -1 (unknown) here without costly sizes: count our own rows. */}
            <Text wrap="truncate">In use {containers.rows.filter((c) => c.imageId === image.id).length} container(s)</Text>
            {image.dangling ? <Text color={theme.muted}>Dangling: no repository or tag refers to it.</Text> : null}
          </Box>
        ) : (
          <Text color={theme.muted}>No image selected</Text>
        )}
      </Panel>
    );
  }

  const container = selectedContainer(session, state);
  const { tabs, name } = titleParts(innerWidth, state.detailTab, container?.name ?? '', container?.state ?? '');
  const title = (
    <Text>
      {tabs.map((t, i) => (
        <Text key={t.id}>
          {i > 0 ? ' ' : ''}
          <Tab label={t.label} hotkey={t.hotkey} active={state.detailTab === t.id} />
        </Text>
      ))}
      {container ? (
        <Text>
          {'  '}
          <Text bold>{name}</Text> <Text color={STATE_COLOR[container.state]}>{container.state}</Text>
        </Text>
      ) : null}
    </Text>
  );
  return (
    <Panel focused={focused} width={width} height={height} title={title}>
      {!container ? (
        <Text color={theme.muted}>No container selected</Text>
      ) : state.detailTab === 'logs' ? (
        <LogsView key={container.id} containerId={container.id} width={innerWidth} height={innerHeight} />
      ) : state.detailTab === 'stats' ? (
        <StatsView containerId={container.id} running={container.state === 'running' || container.state === 'paused'} width={innerWidth} height={innerHeight} />
      ) : state.detailTab === 'inspect' ? (
        <InspectView target={{ kind: 'container', id: container.id }} width={innerWidth} height={innerHeight} />
      ) : (
        <TopView containerId={container.id} running={container.state === 'running' || container.state === 'paused'} width={innerWidth} height={innerHeight} />
      )}
    </Panel>
  );
}
