// Volumes as rows: the volume list joined with /system/df's sizes, plus create, inspect,
// remove and prune. Which containers use a volume comes from the containers list's Mounts.
import type Dockerode from 'dockerode';
import { sanitize } from '../text/sanitize.js';
import { compareApi, type Engine } from './engine.js';
import type { ContainerRow } from './types.js';

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

import { parseAnswer } from '../engine/models/schemas/parse.js';
import { DiskUsage, VolumeList } from '../engine/models/schemas/lists.js';

interface RawVolume {
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
    .sort((a, b) => a.name.localeCompare(b.name));
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

export async function listVolumes(engine: Engine, signal: AbortSignal): Promise<VolumeRow[]> {
  const [list, df] = await Promise.all([
    engine.docker.listVolumes({ abortSignal: signal } as never) as unknown as Promise<{ Volumes?: RawVolume[] | null }>,
    // Sizes are a nicety: a df that fails (or is slow to be allowed) must not hide the list.
    (engine.docker.df({ abortSignal: signal } as never) as unknown as Promise<{ Volumes?: RawVolume[] | null }>).catch(() => ({ Volumes: [] })),
  ]);
  const volumes = parseAnswer(VolumeList, list, 'GET /volumes').Volumes ?? [];
  // df only adds sizes: a malformed df answer loses them, not the list.
  let sized: RawVolume[] = [];
  try {
    sized = (parseAnswer(DiskUsage, df, 'GET /system/df').Volumes ?? []) as RawVolume[];
  } catch {
    sized = [];
  }
  return volumeRows(volumes as RawVolume[], sized);
}

export async function createVolume(engine: Engine, name: string): Promise<string> {
  const volume = (await engine.docker.createVolume({ Name: name } as Dockerode.VolumeCreateOptions)) as unknown as { name?: string; Name?: string };
  return sanitize(volume.name ?? volume.Name ?? name);
}

export async function inspectVolume(engine: Engine, name: string, signal?: AbortSignal): Promise<unknown> {
  return engine.docker.getVolume(name).inspect({ abortSignal: signal } as never);
}

export async function removeVolume(engine: Engine, name: string): Promise<void> {
  await engine.docker.getVolume(name).remove({ force: false } as never);
}

/**
 * Prunes unused volumes. From API 1.42 the engine prunes only anonymous volumes unless
 * asked for all; dtui lists every unused volume in its dialog, so it asks for all.
 */
export async function pruneVolumes(engine: Engine): Promise<{ deleted: string[]; reclaimed: number }> {
  const all = compareApi(engine.info.apiVersion, '1.42') >= 0;
  const r = (await engine.docker.pruneVolumes(all ? { filters: { all: ['true'] } } as never : {})) as { VolumesDeleted?: string[] | null; SpaceReclaimed?: number };
  return { deleted: (r.VolumesDeleted ?? []).map(sanitize), reclaimed: r.SpaceReclaimed ?? 0 };
}
