// l on a service: its log followed live in the detail pane, full screen (the Services pane
// has the whole body): GET /services/{id}/logs?follow=true, merged over every task by the
// engine, each line tagged task@node (src/state/service-log-follower.ts). The Logs tab's
// keys work on it as on a container's; Esc returns to the Services pane.
import type { AppContextValue } from '../../app/app-context.js';
import type { ServiceRow } from '../../engine/models/swarm.js';
import type { DetailSubject } from '../../state/detail-tabs.js';

/** The Logs tab's subject for a service: its log, keyed apart from any container's. */
export function serviceLogSubject(row: ServiceRow): DetailSubject {
  return {
    title: `Service ${row.name}`,
    state: `${row.running}/${row.desired} running`,
    serviceLog: { key: `service:${row.id}`, serviceId: row.id },
  };
}

export function openServiceLogs(app: AppContextValue): void {
  app.ui.update((s) => ({ ...s, focus: 'detail', lastList: 'services', detailTab: 'logs', logScroll: { topSeq: null } }));
}
