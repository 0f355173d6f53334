// One engine's line in the Engines view: reach, version, counts, the last event. Pure;
// the view renders it. Counts come from the engine's live session (no extra calls).
import type { EngineManager, Reach } from '../../app/engines/engine-manager.js';
import type { EngineEntry } from '../../app/engines/engine-entries.js';

export interface EngineSummary {
  entry: EngineEntry;
  current: boolean;
  state: string;
  /** 'success' | 'error' | 'muted': the state's colour. */
  tone: 'success' | 'error' | 'muted';
  version: string;
  api: string;
  containers: string;
  images: string;
  lastEvents: readonly string[];
  error?: string;
}

function reachText(reach: Reach, lost: boolean): Pick<EngineSummary, 'state' | 'tone' | 'error'> {
  if (lost) return { state: 'lost', tone: 'error' };
  switch (reach.state) {
    case 'current':
      return { state: 'current', tone: 'success' };
    case 'reachable':
      return { state: 'reachable', tone: 'success' };
    case 'checking':
      return { state: 'checking…', tone: 'muted' };
    case 'unreachable':
      return { state: 'unreachable', tone: 'error', error: reach.error };
    case 'unconfigured':
      return { state: 'broken', tone: 'error', error: reach.error };
  }
}

export function engineSummaries(manager: EngineManager): EngineSummary[] {
  return manager.entries.map((entry) => {
    const session = manager.sessionOf(entry.id);
    const reach = reachText(manager.reachOf(entry.id), session ? !session.isConnected() : false);
    const base = { entry, current: entry.id === manager.currentId, ...reach, lastEvents: manager.lastEvents(entry.id) };
    if (!session) return { ...base, version: '', api: '', containers: '', images: '' };
    const list = session.containers.get();
    const rows = list.rows;
    const count = (state: string) => rows.filter((r) => r.state === state).length;
    const containers = list.loaded ? `${count('running')}/${rows.length} (${count('paused')} paused, ${count('exited')} exited)` : '…';
    const images = session.images.get();
    const info = session.engine.info;
    return {
      ...base,
      version: info.serverVersion,
      api: info.apiVersion,
      containers,
      images: images.loaded ? String(images.rows.length) : '…',
    };
  });
}
