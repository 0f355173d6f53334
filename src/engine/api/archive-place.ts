// Where a copy from a container lands on this machine (docker cp's rules), and putting it
// there only once it is complete: the archive is extracted into a temporary folder next to
// the target and renamed into place at the end, so a refusal, an error or Esc leaves nothing
// half-written, and something that appeared at the target meanwhile is never replaced.
import { rmSync } from 'node:fs';
import { lstat, mkdtemp, readdir, rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { Readable } from 'node:stream';
import { extractConfined, type ExtractSummary } from './archive-extract.js';

export class CopyError extends Error {}

export interface HostTarget {
  /** The path the copied top becomes (or, for 'merge', the folder its contents go into). */
  target: string;
  how: 'create' | 'replace' | 'merge';
}

async function statOrUndefined(path: string, follow: boolean) {
  try {
    return follow ? await stat(path) : await lstat(path);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw err;
  }
}

/**
 * docker cp's rules: an existing folder receives the source under its own name (`SRC/.` and
 * `/`: its contents); a missing path becomes the copy; a file is replaced by a file; a folder
 * onto a file is an error. `name` is the source's base name ("" for `SRC/.` and `/`).
 */
export async function planHostTarget(dest: string, name: string, srcIsDir: boolean): Promise<HostTarget> {
  const destStat = await statOrUndefined(dest, true);
  if (!destStat) {
    if (dest.endsWith('/') && !srcIsDir) throw new CopyError(`${dest}: no such directory on this machine`);
    const parent = dirname(dest.replace(/\/+$/, '')) || '/';
    if (!(await statOrUndefined(parent, true))?.isDirectory()) throw new CopyError(`${parent}: no such directory on this machine`);
    return { target: dest.replace(/\/+$/, '') || '/', how: 'create' };
  }
  if (!destStat.isDirectory()) {
    if (srcIsDir) throw new CopyError(`cannot copy a directory onto the file ${dest}`);
    return { target: dest, how: 'replace' };
  }
  if (name === '') return { target: dest, how: 'merge' };
  const target = join(dest, name);
  const existing = await statOrUndefined(target, false);
  if (!existing) return { target, how: 'create' };
  if (existing.isDirectory() && srcIsDir) return { target, how: 'merge' };
  if (!existing.isDirectory() && !srcIsDir) return { target, how: 'replace' };
  throw new CopyError(srcIsDir ? `cannot copy a directory onto the file ${target}` : `cannot replace the directory ${target} with a file`);
}

/** Moves each entry of `from` into the existing folder `to`; never descends through a symlink. */
async function merge(from: string, to: string): Promise<void> {
  for (const name of await readdir(from)) {
    const src = join(from, name);
    const dst = join(to, name);
    const [s, d] = await Promise.all([lstat(src), statOrUndefined(dst, false)]);
    if (!d) await rename(src, dst);
    else if (s.isDirectory() && d.isDirectory()) await merge(src, dst);
    else if (!s.isDirectory() && !d.isDirectory()) await rename(src, dst);
    else throw new CopyError(`${dst}: already exists as a ${d.isDirectory() ? 'directory' : 'file'}; not replaced`);
  }
}

// Temporary folders of copies in progress: removed even when dtui exits mid-copy (q, SIGTERM),
// which skips the `finally` below.
const inProgress = new Set<string>();
let exitHook = false;
function track(temp: string): void {
  inProgress.add(temp);
  if (exitHook) return;
  exitHook = true;
  process.once('exit', () => {
    for (const dir of inProgress) rmSync(dir, { recursive: true, force: true });
  });
}

/** Extracts `tar` (top entry named `top` by the engine) to `plan`, all or nothing. */
export async function extractToHost(tar: Readable, top: string, plan: HostTarget, signal?: AbortSignal): Promise<ExtractSummary> {
  const parent = plan.how === 'merge' ? plan.target : dirname(plan.target);
  const temp = await mkdtemp(join(parent, `.${basename(plan.target) || 'copy'}.dtui-partial-`));
  track(temp);
  try {
    const staged = join(temp, 'copy');
    const summary = await extractConfined(tar, staged, top, signal);
    if (!(await statOrUndefined(staged, false))) return summary;
    signal?.throwIfAborted();
    if (plan.how === 'merge') {
      if (!(await lstat(staged)).isDirectory()) throw new CopyError(`the engine sent a file where a directory was expected; nothing was copied`);
      await merge(staged, plan.target);
    } else {
      const now = await statOrUndefined(plan.target, false);
      if (plan.how === 'create' && now) throw new CopyError(`${plan.target} appeared while copying; not replaced`);
      if (plan.how === 'replace' && now?.isDirectory()) throw new CopyError(`${plan.target} became a directory while copying; not replaced`);
      if ((await lstat(staged)).isDirectory() && plan.how === 'replace') throw new CopyError(`cannot copy a directory onto the file ${plan.target}`);
      await rename(staged, plan.target);
    }
    return summary;
  } finally {
    await rm(temp, { recursive: true, force: true });
    inProgress.delete(temp);
  }
}
