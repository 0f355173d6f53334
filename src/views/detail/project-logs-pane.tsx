// The detail pane beside the Projects list: the merged logs of the selected project or
// service (src/state/merged-log-follower.ts), drawn by the same LogsView as one container's.
import { Text } from '../../ui/text.js';
import { Panel, PANEL_CHROME } from '../../ui/panel.js';
import { theme } from '../../ui/theme.js';
import type { DetailTarget } from '../../state/detail-model.js';
import type { EngineSession } from '../../state/session.js';
import type { UiState } from '../../app/ui-state.js';
import { selectedRow } from '../../app/selectors.js';
import { groupLabel, type ProjectRow } from '../../resources/projects/rows.js';
import { keyLabel } from '../../keys/labels.js';
import { LogsView } from './logs-view.js';

/** The merged log's target for the selected Projects row (none for "no project"). */
export function projectLogTarget(session: EngineSession, state: UiState): DetailTarget | undefined {
  const row = selectedRow(session, state, 'projects');
  if (!row?.project) return undefined;
  const service = row.level === 'service' ? row.service : undefined;
  return {
    tab: 'logs',
    containerId: row.key,
    tail: state.logView.tail,
    since: state.logView.since?.seconds,
    group: { key: row.key, project: row.project, ...(service !== undefined ? { service } : {}) },
  };
}

export function ProjectLogsPane({ row, focused, width, height }: { row: ProjectRow | undefined; focused: boolean; width: number; height: number }) {
  const title = (
    <Text>
      <Text bold inverse color={theme.accent}>
        {' Logs '}
      </Text>
      {row?.project ? (
        <Text>
          {'  '}
          <Text bold>{groupLabel(row)}</Text>{' '}
          <Text color={theme.muted}>
            {row.running}/{row.total} running
          </Text>
        </Text>
      ) : null}
    </Text>
  );
  return (
    <Panel focused={focused} width={width} height={height} title={title}>
      {!row ? (
        <Text color={theme.muted}>No project selected</Text>
      ) : !row.project ? (
        <Text color={theme.muted}>These containers belong to no project: see each one&apos;s log in Containers ({keyLabel('pane.containers')})</Text>
      ) : (
        <LogsView key={row.key} containerId={row.key} width={width - PANEL_CHROME.cols} height={height - PANEL_CHROME.rows} />
      )}
    </Panel>
  );
}
