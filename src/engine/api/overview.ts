// The Engine pane's reads: `docker version`, `docker info` and `docker system df` at once.
import { sanitize } from '../../text/sanitize.js';
import { engineOverview, type EngineOverview, type RawDf, type RawInfo } from '../models/engine-overview.js';
import type { Docker } from './docker.js';

export async function readEngineOverview(docker: Docker, negotiatedApi: string, signal: AbortSignal): Promise<EngineOverview> {
  const [version, info, df] = await Promise.all([
    docker.version({ abortSignal: signal }),
    docker.info({ abortSignal: signal }) as Promise<RawInfo>,
    (docker.df({ abortSignal: signal }) as Promise<RawDf>).then(
      (v) => ({ v }),
      (e: unknown) => ({ e }),
    ),
  ]);
  const diskError = 'e' in df ? sanitize(String((df.e as Error)?.message ?? df.e)).split('\n')[0] : undefined;
  return engineOverview(version, info, 'v' in df ? df.v : undefined, negotiatedApi, diskError);
}
