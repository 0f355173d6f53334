// The Tasks pane (9, or Enter on a service): every task of the swarm, like `docker service
// ps`; Enter on a service narrows it to that service ("<name>." in the filter).
import type { TaskRow } from '../../engine/models/swarm.js';
import type { ResourceDescriptor } from '../types.js';
import { taskColumns, tasksCountSeconds } from './columns.js';
import { tasksQuery } from './query.js';

export const tasks: ResourceDescriptor<TaskRow, 'tasks'> = {
  ...tasksQuery,
  kind: 'tasks',
  title: 'Tasks',
  shortTitle: 'Task',
  swarmOnly: true,
  noun: 'task',
  paneAction: 'pane.tasks',
  placement: 'full',
  columns: ({ now, settings }) => taskColumns(now, settings?.dateFormat),
  // CURRENT shows how long a task has been in its state: every second while an age counts
  // seconds, else every 30 s (like the Containers list's STATUS).
  clock: (rows) => tasksCountSeconds(rows),
  emptyText: () => 'No tasks',
  actions: () => ({}),
};
