// Volumes as rows: the volume list joined with /system/df's sizes (read by
// src/engine/api/volumes.ts). Which containers use a volume comes from the containers
// list's Mounts.
import { sanitize } from '../../text/sanitize.js';
import type { ContainerRow } from './types.js';
import { compareText } from '../../text/compare-text.js';

export interface VolumeRow {
  name: string;
  driver: string;
  mountpoint: string;
  scope: string;
  /** RFC3339 as the engine gives it, '' when unknown. */
  createdAt: string;
  /** Bytes, or -1 when the engine does not know (non-local drivers, or df failed). */
  size: number;
  labels: Record<string, string>;
}

export interface RawVolume {
  Name: string;
  Driver?: string;
  Mountpoint?: string;
  Scope?: string;
  CreatedAt?: string;
  Labels?: Record<string, string> | null;
  UsageData?: { Size?: number; RefCount?: number } | null;
}

export function volumeRows(volumes: readonly RawVolume[], dfVolumes: readonly RawVolume[] = []): VolumeRow[] {
  const sizes = new Map(dfVolumes.map((v) => [v.Name, v.UsageData?.Size ?? -1]));
  return volumes
    .map((v) => ({
      name: sanitize(v.Name),
      driver: sanitize(v.Driver ?? ''),
      mountpoint: sanitize(v.Mountpoint ?? ''),
      scope: sanitize(v.Scope ?? ''),
      createdAt: sanitize(v.CreatedAt ?? ''),
      size: sizes.get(v.Name) ?? v.UsageData?.Size ?? -1,
      labels: Object.fromEntries(Object.entries(v.Labels ?? {}).map(([k, val]) => [sanitize(k), sanitize(val)])),
    }))
    .sort((a, b) => compareText(a.name, b.name));
}

/** Volume name → names of the containers that mount it. */
export function volumeUsers(containers: readonly ContainerRow[]): Map<string, string[]> {
  const users = new Map<string, string[]>();
  for (const c of containers) {
    for (const m of c.mounts) {
      if (m.type !== 'volume' || !m.name) continue;
      const list = users.get(m.name) ?? [];
      if (!list.includes(c.name)) list.push(c.name);
      users.set(m.name, list);
    }
  }
  return users;
}
