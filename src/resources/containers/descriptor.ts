// The Containers pane (1): top left, beside the detail pane; stats follow the rows on screen.
import type { ContainerRow } from '../../engine/models/types.js';
import { containerActions } from '../../app/actions/container-actions.js';
import { containerForms } from '../../app/actions/container-form-actions.js';
import { detailEntryActions } from '../../app/actions/detail-actions.js';
import { sessionActions } from '../../app/actions/session-actions.js';
import type { ResourceDescriptor } from '../types.js';
import { containerColumns, countsSeconds, projectColumns } from './columns.js';
import { containersQuery } from './query.js';
import { withList } from '../../app/ui-state.js';
import { setStatus } from '../../app/status.js';

export const containers: ResourceDescriptor<ContainerRow, 'containers'> = {
  ...containersQuery,
  kind: 'containers',
  title: 'Containers',
  shortTitle: 'Cont',
  noun: 'container',
  paneAction: 'pane.containers',
  placement: 'top-left',
  columns: ({ session, now, grouped, settings }) => {
    const columns = containerColumns(session.pending.get(), now, session.stats.store.get(), session.times.store.get(), settings);
    // Grouped by project: PROJECT and SERVICE lead, the name after them.
    return grouped ? [...projectColumns, ...columns] : columns;
  },
  inputs: (session) => [session.pending, session.stats.store, session.times.store],
  clock: (rows, session) => countsSeconds(rows, session.times.store.get()),
  // Stats sampling follows the window: running rows that scroll in are read, rows that
  // leave are not, the selected one at the full rate; start/finish times are read for
  // the rows that show an age.
  onWindow: (session, visible, settings, selected) => {
    session.stats.setVisible(settings.statsColumns ? visible.filter((r) => r.state === 'running').map((r) => r.id) : [], selected?.id);
    session.times.setVisible(visible);
  },
  detailTabs: ['logs', 'top', 'stats', 'inspect'],
  detailSubject: (row) => ({
    title: row.name,
    state: row.state,
    containerId: row.id,
    running: row.state === 'running' || row.state === 'paused',
    inspect: { kind: 'container', id: row.id },
  }),
  actions: (app) => {
    const detail = detailEntryActions(app);
    return {
      ...containerActions(app),
      ...containerForms(app),
      ...sessionActions(app),
      'container.stats': detail['container.stats'],
      'container.inspect': detail['container.inspect'],
      'container.runningOnly': () => {
        const activeOnly = !app.ui.get().lists.containers.activeOnly;
        app.ui.update((s) => withList(s, 'containers', { activeOnly }));
        setStatus(app, activeOnly ? 'Running containers only (docker ps)' : 'All containers (docker ps -a)', 'info');
      },
      'container.groupByProject': () => {
        const grouped = !app.ui.get().lists.containers.grouped;
        app.ui.update((s) => withList(s, 'containers', { grouped }));
        setStatus(app, grouped ? 'Containers grouped by Compose project' : 'Containers no longer grouped', 'info');
      },
    };
  },
};
