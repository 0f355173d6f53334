// The engine side of a pull or push: starts the request and hands back the engine's NDJSON
// progress stream; src/state/image-transfer.ts folds it into a store for the progress view.
import type { Readable } from 'node:stream';
import { engineAuth, type RegistryAuth } from '../registry/credentials.js';
import { parseReference } from '../models/validate.js';
import type { Docker } from './docker.js';

export type TransferKind = 'pull' | 'push';

/** Registry answers that mean "log in": 401s as the engine words them. */
export function isUnauthorized(message: string): boolean {
  return /unauthorized|authentication required|no basic auth credentials|incorrect username or password|\b401\b/i.test(message);
}

/** "127.0.0.1:5000/team/app:1" → repository and tag (latest when none), as push wants them. */
export function splitRepoTag(ref: string): { repo: string; tag: string } {
  const parsed = parseReference(ref);
  if (typeof parsed === 'string') throw new Error(parsed);
  const repo = parsed.domain ? `${parsed.domain}/${parsed.path}` : parsed.path;
  return { repo, tag: parsed.tag ?? 'latest' };
}

/** POST /images/create (pull) or /images/{name}/push; aborting the signal makes the engine stop. */
export async function openTransfer(docker: Docker, kind: TransferKind, ref: string, auth: RegistryAuth | undefined, signal: AbortSignal): Promise<Readable> {
  const authconfig = engineAuth(auth);
  if (kind === 'pull') return docker.pull(ref, { authconfig: auth ? authconfig : undefined, abortSignal: signal });
  const { repo, tag } = splitRepoTag(ref);
  // The engine insists on an X-Registry-Auth header for pushes, even an empty one.
  return docker.getImage(repo).push({ tag, authconfig, abortSignal: signal });
}
