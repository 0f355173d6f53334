// The engine's pull/push progress stream (one JSON object per line) folded into a pure
// model: one entry per layer with its phase and bytes, the non-layer status lines, and
// the first error. Views draw bars from it; nothing here talks to the engine.
import { sanitize } from '../../text/sanitize.js';

/** One message of the /images/create or /images/{name}/push stream. */
export interface ProgressMessage {
  id?: string;
  status?: string;
  progress?: string;
  progressDetail?: { current?: number; total?: number };
  error?: string;
  errorDetail?: { message?: string; code?: number };
  aux?: unknown;
}

export type LayerPhase =
  | 'waiting' // queued: "Pulling fs layer", "Waiting", "Preparing"
  | 'downloading'
  | 'verifying' // "Verifying Checksum"
  | 'downloaded' // "Download complete"
  | 'extracting'
  | 'pushing'
  | 'done'; // "Pull complete", "Already exists", "Pushed", "Layer already exists", "Mounted from …"

export interface LayerProgress {
  id: string;
  phase: LayerPhase;
  /** The engine's own words for the phase, sanitized ("Downloading", "Already exists"). */
  status: string;
  /** Bytes of the current phase (download, extract or upload); total 0 while unknown. */
  current: number;
  total: number;
  /** Bytes of the download or upload once known: kept after extraction starts. */
  size: number;
}

export interface ProgressState {
  layers: LayerProgress[];
  /** Status lines about the whole image ("Digest: …", "Status: Downloaded newer image …"). */
  messages: string[];
  error?: string;
}

export const EMPTY_PROGRESS: ProgressState = { layers: [], messages: [] };

const PHASES: Record<string, LayerPhase> = {
  'pulling fs layer': 'waiting',
  waiting: 'waiting',
  preparing: 'waiting',
  downloading: 'downloading',
  'verifying checksum': 'verifying',
  'download complete': 'downloaded',
  extracting: 'extracting',
  'pull complete': 'done',
  'already exists': 'done',
  pushing: 'pushing',
  pushed: 'done',
  'layer already exists': 'done',
};

function phaseOf(status: string): LayerPhase | undefined {
  const s = status.toLowerCase();
  if (s.startsWith('mounted from')) return 'done';
  // "Retrying in 5 seconds": the layer goes back to waiting.
  if (s.startsWith('retrying in')) return 'waiting';
  return PHASES[s];
}

const MAX_MESSAGES = 20;

function finite(n: unknown): number {
  return typeof n === 'number' && Number.isFinite(n) && n > 0 ? n : 0;
}

/** Folds one message into the state; returns a new state (the input is not changed). */
export function applyProgress(state: ProgressState, msg: ProgressMessage): ProgressState {
  if (msg.error || msg.errorDetail?.message) {
    const text = sanitize(String(msg.errorDetail?.message ?? msg.error).split('\n')[0]!).slice(0, 300);
    return state.error ? state : { ...state, error: text };
  }
  const status = typeof msg.status === 'string' ? sanitize(msg.status).slice(0, 200) : '';
  if (!status) return state;
  const phase = phaseOf(status);
  const id = typeof msg.id === 'string' ? sanitize(msg.id).slice(0, 64) : '';
  if (!phase || !id) {
    // "latest: Pulling from library/busybox" has an id too, but it is the tag, not a layer.
    const text = id ? `${id}: ${status}` : status;
    const messages = [...state.messages, text].slice(-MAX_MESSAGES);
    return { ...state, messages };
  }
  const index = state.layers.findIndex((l) => l.id === id);
  const before: LayerProgress = index >= 0 ? state.layers[index]! : { id, phase: 'waiting', status, current: 0, total: 0, size: 0 };
  const current = finite(msg.progressDetail?.current);
  const total = finite(msg.progressDetail?.total);
  let next: LayerProgress;
  if (phase === 'downloading' || phase === 'pushing') {
    next = { ...before, phase, status, current, total: total || before.total, size: total || before.size };
  } else if (phase === 'extracting') {
    next = { ...before, phase, status, current, total };
  } else if (phase === 'verifying' || phase === 'downloaded') {
    next = { ...before, phase, status, current: before.size, total: before.size };
  } else {
    next = { ...before, phase, status, current: 0, total: 0 };
  }
  const layers = [...state.layers];
  if (index >= 0) layers[index] = next;
  else layers.push(next);
  return { ...state, layers };
}

/** How far one layer is, 0…1. Pulls weigh download and extraction half each. */
export function layerFraction(layer: LayerProgress, kind: 'pull' | 'push'): number {
  const part = layer.total > 0 ? Math.min(1, layer.current / layer.total) : 0;
  switch (layer.phase) {
    case 'waiting':
      return 0;
    case 'pushing':
      return part;
    case 'downloading':
      return kind === 'pull' ? part / 2 : part;
    case 'verifying':
    case 'downloaded':
      return 0.5;
    case 'extracting':
      return 0.5 + part / 2;
    case 'done':
      return 1;
  }
}

export interface OverallProgress {
  fraction: number;
  layersDone: number;
  layers: number;
  /** Bytes transferred and known in total, over layers whose size the engine told. */
  bytes: number;
  totalBytes: number;
}

export function overallProgress(state: ProgressState, kind: 'pull' | 'push', finished = false): OverallProgress {
  const layers = state.layers;
  let sum = 0;
  let bytes = 0;
  let totalBytes = 0;
  let layersDone = 0;
  for (const l of layers) {
    sum += layerFraction(l, kind);
    if (l.phase === 'done') layersDone++;
    if (l.size > 0) {
      totalBytes += l.size;
      const moving = l.phase === 'downloading' || l.phase === 'pushing';
      bytes += moving ? Math.min(l.current, l.size) : l.phase === 'waiting' ? 0 : l.size;
    }
  }
  const fraction = layers.length > 0 ? sum / layers.length : finished ? 1 : 0;
  return { fraction: finished && !state.error ? 1 : fraction, layersDone, layers: layers.length, bytes, totalBytes };
}

/** "[#########---------]" in `width` cells, plain ASCII so every terminal draws it. */
export function progressBar(fraction: number, width: number): string {
  const inner = Math.max(1, width - 2);
  const f = Number.isFinite(fraction) ? Math.min(1, Math.max(0, fraction)) : 0;
  const filled = Math.round(f * inner);
  return `[${'#'.repeat(filled)}${'-'.repeat(inner - filled)}]`;
}

export function percent(fraction: number): string {
  const f = Number.isFinite(fraction) ? Math.min(1, Math.max(0, fraction)) : 0;
  return `${Math.floor(f * 100)}%`.padStart(4);
}
