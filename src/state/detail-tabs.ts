// The detail pane's tabs, and what a resource kind hands them to show. A kind's descriptor
// lists its tabs (`detailTabs`) and maps its selected row to a DetailSubject
// (`detailSubject`); detailTargetFor turns the two into the one stream DetailModel opens.
// Plain data, no React: src/app, src/resources and src/views all read it.
import type { DetailTarget } from './detail-model.js';
import type { InspectTarget } from './inspect-loader.js';
import type { LogGroup } from './merged-log-follower.js';

export type DetailTab = 'logs' | 'top' | 'stats' | 'inspect';

/** Every tab, in the order the pane draws them. */
export const DETAIL_TABS: readonly DetailTab[] = ['logs', 'top', 'stats', 'inspect'];

/** What a kind's selected row gives the detail pane: its title and the ids its tabs read. */
export interface DetailSubject {
  /** Beside the tabs: a container's name, 'Image shop/web:v2'. */
  title: string;
  /** Drawn after the title in the state's colour ('running'), when the row has a state. */
  state?: string;
  /** The container whose Logs, Top and Stats the tabs show. */
  containerId?: string;
  /** Whether that container runs (Top and Stats read only a running one). */
  running?: boolean;
  /** What the Inspect tab reads. */
  inspect?: InspectTarget;
  /** The containers whose logs the Logs tab merges (a Compose project or service), instead of one. */
  logGroup?: LogGroup;
  /** A swarm service whose log (merged over its tasks by the engine) the Logs tab follows; key names that log. */
  serviceLog?: { key: string; serviceId: string };
}

/** The tab's stream for a subject, or undefined when the subject gives that tab nothing to read. */
export function detailTargetFor(subject: DetailSubject, tab: DetailTab, log: { tail: number | 'all'; since?: string }): DetailTarget | undefined {
  switch (tab) {
    case 'logs':
      if (subject.serviceLog) return { tab, containerId: subject.serviceLog.key, tail: log.tail, since: log.since, serviceId: subject.serviceLog.serviceId };
      if (subject.logGroup) return { tab, containerId: subject.logGroup.key, tail: log.tail, since: log.since, group: subject.logGroup };
      return subject.containerId ? { tab, containerId: subject.containerId, tail: log.tail, since: log.since } : undefined;
    case 'top':
    case 'stats':
      return subject.containerId ? { tab, containerId: subject.containerId, running: subject.running ?? false } : undefined;
    case 'inspect':
      return subject.inspect ? { tab, inspect: subject.inspect } : undefined;
  }
}

/**
 * Which list a tab key (l, t, m, i in the detail pane) shows the tab of: the list the pane
 * belongs to when its kind has the tab, else the first list beside the pane that has it —
 * l from an image's summary means the selected container's Logs. `kinds` is in pane order.
 */
export function tabOwner<K extends string>(tab: DetailTab, current: K, kinds: readonly K[], tabsOf: (kind: K) => readonly DetailTab[]): K {
  if (tabsOf(current).includes(tab)) return current;
  return kinds.find((k) => tabsOf(k).includes(tab)) ?? current;
}
