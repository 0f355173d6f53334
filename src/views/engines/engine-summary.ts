// One engine's line in the Engines view: reach, version, counts, disk, the last event.
// Pure; the view renders it. Everything comes from the engine's live session (no extra
// calls). Disk is the images' sizes as the images list already gives them: free, and
// always there. /system/df would be exact (shared layers once, volumes, build cache), but
// the engine answers it by walking every volume and every container's writable layer: on
// the nearly empty test engine it took as long as /images/json (0.4–0.6 s each under a
// load average of 50), and it grows with the data on the engine. Asked for every engine
// of the view on every event it would be a poll; it stays the Engine pane's (4), which
// reads it for the current engine while on screen.
import type { EngineManager, EventLine, Reach } from '../../app/engines/engine-manager.js';
import type { EngineEntry } from '../../app/engines/engine-entries.js';
import type { ImageRow } from '../../engine/models/types.js';
import { formatSize } from '../../engine/models/format.js';

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
  /** The images' total size, from the images list (an image with two tags counted once). */
  disk: string;
  lastEvents: readonly EventLine[];
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
    if (!session) return { ...base, version: '', api: '', containers: '', images: '', disk: '' };
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
      disk: images.loaded ? formatSize(imagesSize(images.rows)) : '…',
    };
  });
}

/**
 * Bytes of the listed images, each image once (two tags are two rows of one image). Each
 * image's size includes the base layers it shares with others, so this is at most what
 * `docker system df` reports for images, never less.
 */
export function imagesSize(rows: readonly ImageRow[]): number {
  const sizes = new Map<string, number>();
  for (const r of rows) sizes.set(r.id, r.size);
  let total = 0;
  for (const size of sizes.values()) total += size;
  return total;
}
