// Writing a file the person named without ever leaving half of it behind or replacing
// a file that appeared meanwhile: the bytes go to a hidden temp file beside the target;
// on success it is hard-linked to the final name (link(2) fails with EEXIST instead of
// replacing, unlike rename) and the temp name unlinked. Every temp file alive is removed
// on error, cancel, and when dtui exits or crashes mid-write (a process 'exit' handler:
// synchronous, so it runs on every way out that runs JavaScript at all).
import { createWriteStream, unlinkSync, type WriteStream } from 'node:fs';
import { link, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { randomBytes } from 'node:crypto';

const alive = new Set<string>();
let hooked = false;

function removeAllSync(): void {
  for (const path of alive) {
    try {
      unlinkSync(path);
    } catch {
      // Already gone.
    }
  }
  alive.clear();
}

export interface PartialFile {
  /** The temp file's path (hidden, beside the target). */
  readonly temp: string;
  readonly stream: WriteStream;
  /** Gives the bytes the final name; refuses (EEXIST) if something has taken it meanwhile. */
  /** `replace`: the person agreed to overwrite — rename(2) replaces `path` in one step. */
  commit(replace?: boolean): Promise<void>;
  /** Removes the temp file; safe to call more than once and after commit. */
  discard(): Promise<void>;
}

export class TargetExistsError extends Error {
  readonly code = 'EEXIST';
  constructor(readonly path: string) {
    super(`${path} already exists: not replaced`);
  }
}

/** Opens a temp file beside `path`; the caller writes `stream`, then commits or discards. */
export function openPartial(path: string): PartialFile {
  if (!hooked) {
    hooked = true;
    process.on('exit', removeAllSync);
  }
  const temp = join(dirname(path), `.${basename(path)}.dtui-partial-${process.pid}-${randomBytes(4).toString('hex')}`);
  alive.add(temp);
  const stream = createWriteStream(temp, { flags: 'wx' });
  const discard = async () => {
    // Whatever the stream still had queued is dropped on purpose: no error for it.
    stream.on('error', () => undefined);
    stream.destroy();
    await rm(temp, { force: true });
    alive.delete(temp);
  };
  return {
    temp,
    stream,
    async commit(replace = false) {
      try {
        if (replace) {
          await rename(temp, path);
          alive.delete(temp);
          return;
        }
        await link(temp, path);
      } catch (err) {
        await discard();
        if ((err as NodeJS.ErrnoException).code === 'EEXIST') throw new TargetExistsError(path);
        throw err;
      }
      await discard();
    },
    discard,
  };
}

/** For tests: the temp files currently open. */
export function partialFilesAlive(): readonly string[] {
  return [...alive];
}
