// The Compose projects pane (6): in the Containers pane's place beside the detail pane,
// which shows the merged logs of the selected project or service. Derived from the
// containers list (src/state/derived-query.ts): no request of its own.
import type { ResourceDescriptor } from '../types.js';
import { projectActions } from './actions.js';
import { projectColumns } from './columns.js';
import { projectsQuery } from './query.js';
import { groupLabel, NO_PROJECT, type ProjectRow } from './rows.js';

export const projects: ResourceDescriptor<ProjectRow, 'projects'> = {
  ...projectsQuery,
  kind: 'projects',
  title: 'Projects',
  shortTitle: 'Proj',
  noun: 'project',
  paneAction: 'pane.projects',
  placement: 'top-left',
  columns: ({ session }) => projectColumns(session.pending.get()),
  inputs: (session) => [session.pending],
  emptyText: () => 'No containers, so no Compose projects',
  detailTabs: ['logs'],
  // The merged log of the project or service; the containers of no project have none.
  detailSubject: (row) => ({
    title: row.project ? groupLabel(row) : NO_PROJECT,
    state: `${row.running}/${row.total} running`,
    ...(row.project ? { logGroup: { key: row.key, project: row.project, ...(row.level === 'service' ? { service: row.service } : {}) } } : {}),
  }),
  actions: projectActions,
};
