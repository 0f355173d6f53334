// The four prunes of `docker system df`'s types, each answering what went and how much
// space came back.
import type Dockerode from 'dockerode';
import { sanitize } from '../../text/sanitize.js';
import type { Engine } from './docker-engine.js';
import type { PruneKind } from '../models/engine-overview.js';
import { pruneVolumes } from '../models/volumes.js';

export interface PruneResult {
  /** Ids or names of what was deleted (images: deleted and untagged entries). */
  deleted: string[];
  reclaimed: number;
}

export async function prune(engine: Engine, kind: PruneKind): Promise<PruneResult> {
  const docker: Dockerode = engine.docker;
  switch (kind) {
    case 'containers': {
      const r = (await docker.pruneContainers()) as { ContainersDeleted?: string[] | null; SpaceReclaimed?: number };
      return { deleted: (r.ContainersDeleted ?? []).map(sanitize), reclaimed: r.SpaceReclaimed ?? 0 };
    }
    case 'images': {
      // Like `docker image prune` without -a: dangling images only.
      const r = (await docker.pruneImages({ filters: { dangling: ['true'] } })) as {
        ImagesDeleted?: Array<{ Deleted?: string; Untagged?: string }> | null; SpaceReclaimed?: number;
      };
      const deleted = (r.ImagesDeleted ?? []).map((d) => sanitize(d.Deleted ?? d.Untagged ?? '')).filter(Boolean);
      return { deleted, reclaimed: r.SpaceReclaimed ?? 0 };
    }
    case 'volumes':
      return pruneVolumes(engine);
    case 'buildCache': {
      const r = (await docker.pruneBuilder()) as { CachesDeleted?: string[] | null; SpaceReclaimed?: number };
      return { deleted: (r.CachesDeleted ?? []).map(sanitize), reclaimed: r.SpaceReclaimed ?? 0 };
    }
  }
}
