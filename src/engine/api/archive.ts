// `docker cp` both ways over the engine's archive API: GET /containers/{id}/archive answers
// a tar of the path (and its stat in a header), PUT extracts a tar into a directory. Where
// the copy lands follows docker cp (archive-place.ts); the tar is read by a confined
// extractor (archive-extract.ts) and written by a packer that never follows or opens
// special files (archive-pack.ts).
import { lstat } from 'node:fs/promises';
import { basename, posix } from 'node:path';
import { Transform, type Readable } from 'node:stream';
import type Dockerode from 'dockerode';
import { skippedNote } from './archive-extract.js';
import { packHostPath } from './archive-pack.js';
import { CopyError, extractToHost, planHostTarget } from './archive-place.js';
import { engineStatusCode } from '../errors.js';

export { CopyError } from './archive-place.js';
export type CopyDirection = 'container → host' | 'host → container';
export const COPY_DIRECTIONS: readonly CopyDirection[] = ['container → host', 'host → container'];

export interface CopyResult {
  /** Archive bytes transferred. */
  bytes: number;
  /** "skipped 2 device files", or "" when everything was copied. */
  note: string;
}

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

interface PathStat {
  name?: string;
  mode: number;
}

function decodeStat(header: string | undefined): PathStat | undefined {
  if (!header) return undefined;
  try {
    const stat = JSON.parse(Buffer.from(header, 'base64').toString('utf8')) as PathStat;
    return typeof stat.mode === 'number' ? stat : undefined;
  } catch {
    return undefined;
  }
}

/** The container path's stat, or undefined when it does not exist (404). */
async function containerStat(container: Dockerode.Container, path: string, signal?: AbortSignal): Promise<PathStat | undefined> {
  try {
    const res = await container.infoArchive({ path, abortSignal: signal });
    res.destroy();
    return decodeStat(res.headers?.['x-docker-container-path-stat']) ?? { mode: 0 };
  } catch (err) {
    if (engineStatusCode(err) === 404) return undefined;
    throw err;
  }
}

// Go's os.ModeDir is the top bit of a uint32.
const GO_MODE_DIR = 0x80000000;

/** The name the engine gives the copied top: "/", "." (for DIR/.) or one base name. */
function topName(src: string, reported: string | undefined): string {
  const trimmed = src.replace(/\/+$/, '');
  const derived = trimmed === '' ? '/' : posix.basename(trimmed);
  const top = reported ?? derived;
  if (top === '/' || top === '.' || (top !== '' && top !== '..' && !top.includes('/') && !top.includes('\0'))) return top;
  throw new CopyError(`the engine named the copied path "${top}"; nothing was copied`);
}

export async function copyFromContainer(
  docker: Dockerode,
  id: string,
  src: string,
  dest: string,
  onProgress: (bytes: number) => void,
  signal?: AbortSignal,
): Promise<CopyResult> {
  const container = docker.getContainer(id);
  let tar: Readable & { headers?: Record<string, string> };
  try {
    tar = await container.getArchive({ path: src, abortSignal: signal });
  } catch (err) {
    if (engineStatusCode(err) === 404) throw new CopyError(`${src}: no such file or directory in the container`);
    throw err;
  }
  let bytes = 0;
  try {
    const stat = decodeStat(tar.headers?.['x-docker-container-path-stat']) ?? (await containerStat(container, src, signal)) ?? { mode: 0 };
    const top = topName(src, stat.name);
    const srcIsDir = (stat.mode & GO_MODE_DIR) !== 0;
    const plan = await planHostTarget(dest, top === '.' || top === '/' ? '' : top, srcIsDir);
    const counted = tar.pipe(counter((b) => onProgress((bytes = b))));
    tar.on('error', (err) => counted.destroy(err));
    const summary = await extractToHost(counted, top, plan, signal);
    return { bytes, note: skippedNote(summary.skipped) };
  } finally {
    tar.destroy();
  }
}

export async function copyToContainer(
  docker: Dockerode,
  id: string,
  src: string,
  dest: string,
  onProgress: (bytes: number) => void,
  signal?: AbortSignal,
): Promise<CopyResult> {
  let srcIsDir: boolean;
  try {
    srcIsDir = (await lstat(src)).isDirectory();
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') throw new CopyError(`${src}: no such file or directory on this machine`);
    throw err;
  }
  const contents = /(^|\/)\.$/.test(src) || src.replace(/\/+$/, '') === '';
  const container = docker.getContainer(id);
  const destStat = await containerStat(container, dest, signal);
  let into: string;
  let name: string;
  if (destStat && (destStat.mode & GO_MODE_DIR) !== 0) {
    into = dest;
    name = contents ? '' : basename(src.replace(/\/+$/, ''));
  } else {
    if (destStat && srcIsDir) throw new CopyError(`cannot copy a directory onto the file ${dest} in the container`);
    if (!destStat && dest.endsWith('/') && !srcIsDir) throw new CopyError(`${dest}: no such directory in the container`);
    into = posix.dirname(dest.replace(/\/+$/, '')) || '/';
    name = posix.basename(dest.replace(/\/+$/, ''));
    if (!(await containerStat(container, into, signal))) throw new CopyError(`${into}: no such directory in the container`);
  }
  const skipped = new Map<string, number>();
  const tar = packHostPath(src, name, (what) => skipped.set(what, (skipped.get(what) ?? 0) + 1));
  let total = 0;
  const body = tar.pipe(counter((b) => onProgress((total = b))));
  tar.on('error', (err) => body.destroy(err));
  const abort = () => tar.destroy(new CopyError('copy cancelled'));
  signal?.addEventListener('abort', abort, { once: true });
  try {
    await container.putArchive(body, { path: into, abortSignal: signal });
  } catch (err) {
    if (engineStatusCode(err) === 404) throw new CopyError(`${into}: no such directory in the container`);
    throw err;
  } finally {
    signal?.removeEventListener('abort', abort);
    tar.destroy();
  }
  return { bytes: total, note: skippedNote(skipped) };
}
