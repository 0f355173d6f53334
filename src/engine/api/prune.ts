// The four prunes of `docker system df`'s types, each answering what went and how much
// space came back.
import { sanitize } from '../../text/sanitize.js';
import type { PruneKind } from '../models/engine-overview.js';
import type { Docker } from './docker.js';
import type { PruneResult } from './engine-api.js';
import { pruneVolumes } from './volumes.js';

export type { PruneResult } from './engine-api.js';

export async function prune(docker: Docker, apiVersion: string, kind: PruneKind): Promise<PruneResult> {
  switch (kind) {
    case 'containers': {
      const r = (await docker.pruneContainers()) as { ContainersDeleted?: string[] | null; SpaceReclaimed?: number };
      return { deleted: (r.ContainersDeleted ?? []).map(sanitize), reclaimed: r.SpaceReclaimed ?? 0 };
    }
    case 'images': {
      // Like `docker image prune` without -a: dangling images only.
      const r = (await docker.pruneImages({ filters: { dangling: ['true'] } })) as {
        ImagesDeleted?: Array<{ Deleted?: string; Untagged?: string }> | null;
        SpaceReclaimed?: number;
      };
      const deleted = (r.ImagesDeleted ?? []).map((d) => sanitize(d.Deleted ?? d.Untagged ?? '')).filter(Boolean);
      return { deleted, reclaimed: r.SpaceReclaimed ?? 0 };
    }
    case 'volumes':
      return pruneVolumes(docker, apiVersion);
    case 'buildCache': {
      const r = (await docker.pruneBuilder()) as { CachesDeleted?: string[] | null; SpaceReclaimed?: number };
      return { deleted: (r.CachesDeleted ?? []).map(sanitize), reclaimed: r.SpaceReclaimed ?? 0 };
    }
  }
}
