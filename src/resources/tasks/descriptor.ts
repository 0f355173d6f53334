// The Tasks pane (9, or Enter on a service): every task of the swarm, like `docker service
// ps`; Enter on a service narrows it to that service ("<name>." in the filter).
import type { TaskRow } from '../../engine/models/swarm.js';
import type { ResourceDescriptor } from '../types.js';
import { taskColumns } from './columns.js';
import { tasksQuery } from './query.js';

export const tasks: ResourceDescriptor<TaskRow, 'tasks'> = {
  ...tasksQuery,
  kind: 'tasks',
  title: 'Tasks',
  noun: 'task',
  paneAction: 'pane.tasks',
  placement: 'full',
  columns: ({ now }) => taskColumns(now),
  // CURRENT shows how long a task has been in its state.
  clock: (rows) => rows.length > 0,
  emptyText: () => 'No tasks',
  actions: () => ({}),
};
