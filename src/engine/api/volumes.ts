// Volume calls: the list joined with /system/df's sizes, create, inspect, remove, prune.
import { sanitize } from '../../text/sanitize.js';
import { volumeRows, type RawVolume, type VolumeRow } from '../models/volumes.js';
import { compareApi } from './api-version.js';
import type { Docker } from './docker.js';
import { parseAnswer } from '../models/schemas/parse.js';
import { DiskUsage, VolumeList } from '../models/schemas/lists.js';

export async function listVolumes(docker: Docker, signal: AbortSignal): Promise<VolumeRow[]> {
  const [list, df] = await Promise.all([
    docker.listVolumes({ abortSignal: signal }) as Promise<{ Volumes?: RawVolume[] | null }>,
    // Sizes are a nicety: a df that fails (or is slow to be allowed) must not hide the list.
    (docker.df({ abortSignal: signal }) as Promise<{ Volumes?: RawVolume[] | null }>).catch(() => ({ Volumes: [] })),
  ]);
  const volumes = parseAnswer(VolumeList, list, 'GET /volumes').Volumes ?? [];
  // df only adds sizes: a malformed df answer loses them, not the list.
  let sized: RawVolume[];
  try {
    sized = (parseAnswer(DiskUsage, df, 'GET /system/df').Volumes ?? []) as RawVolume[];
  } catch {
    sized = [];
  }
  return volumeRows(volumes as RawVolume[], sized);
}

export async function createVolume(docker: Docker, name: string): Promise<string> {
  // dockerode 5 answers with a Volume handle named as the engine named it.
  const volume = await docker.createVolume({ Name: name });
  return sanitize(volume.name || name);
}

export async function inspectVolume(docker: Docker, name: string, signal?: AbortSignal): Promise<unknown> {
  return docker.getVolume(name).inspect({ abortSignal: signal });
}

export async function removeVolume(docker: Docker, name: string): Promise<void> {
  await docker.getVolume(name).remove({ force: false });
}

/**
 * Prunes unused volumes. From API 1.42 the engine prunes only anonymous volumes unless
 * asked for all; dtui lists every unused volume in its dialog, so it asks for all.
 */
export async function pruneVolumes(docker: Docker, apiVersion: string): Promise<{ deleted: string[]; reclaimed: number }> {
  const all = compareApi(apiVersion, '1.42') >= 0;
  const r = await docker.pruneVolumes(all ? { filters: { all: ['true'] } } : {});
  return { deleted: (r.VolumesDeleted ?? []).map(sanitize), reclaimed: r.SpaceReclaimed ?? 0 };
}
