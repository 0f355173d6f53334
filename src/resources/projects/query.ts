// Compose projects: grouped from the containers list (labels), never listed on their own,
// so the pane adds no engine request — it follows the containers list, which follows
// container events.
import type { ResourceQuerySpec } from '../query.js';
import { NO_PROJECT, projectRows, type ProjectRow } from './rows.js';

export const projectsQuery: ResourceQuerySpec<ProjectRow> = {
  kind: 'projects',
  rowKey: (r) => r.key,
  // A service row matches its project's name too: filtering by project keeps its services.
  filterFields: (r) => [r.project || NO_PROJECT, r.service, r.workingDir],
  // Unused while `derive` is set (the session derives the rows); kept true to the rows.
  list: async (engine, signal) => projectRows(await engine.listContainers(signal)),
  derive: projectRows,
  refreshOn: [],
  live: 'onScreen',
  debounceMs: 20,
};
