// `docker cp` both ways over the engine's archive API: GET /containers/{id}/archive
// answers a tar of the path, PUT extracts a tar into a directory. Like docker cp, a
// destination that is an existing directory receives the source under its own name;
// any other destination names the copy itself.
import { stat } from 'node:fs/promises';
import { basename, dirname, posix } from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type Dockerode from 'dockerode';
import { extract, pack, type TarHeader } from 'tar-fs';
import { engineStatusCode } from '../errors.js';

export type CopyDirection = 'container → host' | 'host → container';
export const COPY_DIRECTIONS: readonly CopyDirection[] = ['container → host', 'host → container'];

export class CopyError extends Error {}

/** Counts bytes as they pass, telling `onProgress` the running total. */
function counter(onProgress: (bytes: number) => void): Transform {
  let bytes = 0;
  return new Transform({
    transform(chunk: Buffer, _enc, done) {
      bytes += chunk.length;
      onProgress(bytes);
      done(null, chunk);
    },
  });
}

/** Renames the top entry `from` (and everything under it) to `to`. */
export function renameTop(name: string, from: string, to: string): string {
  const clean = name.replace(/^\.\//, '');
  if (clean === from || clean === `${from}/`) return to + clean.slice(from.length);
  if (clean.startsWith(`${from}/`)) return to + clean.slice(from.length);
  return clean;
}

async function isDir(path: string): Promise<boolean | undefined> {
  try {
    return (await stat(path)).isDirectory();
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw err;
  }
}

/** The container path's stat, or undefined when it does not exist (404). */
async function containerStat(container: Dockerode.Container, path: string, signal?: AbortSignal): Promise<{ mode: number } | undefined> {
  try {
    const res = await container.infoArchive({ path, abortSignal: signal });
    const header = res.headers?.['x-docker-container-path-stat'];
    res.destroy();
    if (!header) return { mode: 0 };
    return JSON.parse(Buffer.from(header, 'base64').toString('utf8')) as { mode: number };
  } catch (err) {
    if (engineStatusCode(err) === 404) return undefined;
    throw err;
  }
}

// Go's os.ModeDir is the top bit of a uint32.
const GO_MODE_DIR = 0x80000000;

export async function copyFromContainer(
  docker: Dockerode, id: string, src: string, dest: string, onProgress: (bytes: number) => void, signal?: AbortSignal,
): Promise<number> {
  const container = docker.getContainer(id);
  let tar: Readable;
  try {
    tar = await container.getArchive({ path: src, abortSignal: signal });
  } catch (err) {
    if (engineStatusCode(err) === 404) throw new CopyError(`${src}: no such file or directory in the container`);
    throw err;
  }
  const destIsDir = await isDir(dest);
  if (destIsDir === undefined && (await isDir(dirname(dest))) === undefined) {
    tar.destroy();
    throw new CopyError(`${dirname(dest)}: no such directory on this machine`);
  }
  const top = posix.basename(src.replace(/\/+$/, '')) || '/';
  const into = destIsDir ? dest : dirname(dest);
  const name = destIsDir ? top : basename(dest);
  let total = 0;
  await pipeline(
    tar,
    counter((b) => onProgress((total = b))),
    extract(into, { chown: false, map: (h: TarHeader) => ({ ...h, name: renameTop(h.name, top, name) }) }),
    { signal },
  );
  return total;
}

export async function copyToContainer(
  docker: Dockerode, id: string, src: string, dest: string, onProgress: (bytes: number) => void, signal?: AbortSignal,
): Promise<number> {
  if ((await isDir(src)) === undefined) throw new CopyError(`${src}: no such file or directory on this machine`);
  const container = docker.getContainer(id);
  const destStat = await containerStat(container, dest, signal);
  let into: string;
  let name: string;
  if (destStat && (destStat.mode & GO_MODE_DIR) !== 0) {
    into = dest;
    name = basename(src.replace(/\/+$/, ''));
  } else {
    into = posix.dirname(dest);
    name = posix.basename(dest);
    const parent = await containerStat(container, into, signal);
    if (!parent) throw new CopyError(`${into}: no such directory in the container`);
  }
  const srcName = basename(src.replace(/\/+$/, ''));
  let total = 0;
  const body = pack(dirname(src.replace(/\/+$/, '')) || '/', {
    entries: [srcName],
    map: (h: TarHeader) => ({ ...h, name: renameTop(h.name, srcName, name) }),
  }).pipe(counter((b) => onProgress((total = b))));
  try {
    await container.putArchive(body, { path: into, abortSignal: signal });
  } catch (err) {
    if (engineStatusCode(err) === 404) throw new CopyError(`${into}: no such directory in the container`);
    throw err;
  }
  return total;
}
