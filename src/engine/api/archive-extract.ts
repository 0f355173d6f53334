// Extracts a tar from the engine (GET /containers/{id}/archive) into one fresh directory,
// deciding every entry here. Why not tar-fs: it joins entry names onto the destination and
// follows whatever is on disk, so `../x`, a symlink written earlier in the same archive, or a
// hard link to a host file of the same name all reach outside the copy. On top of tar-stream
// (which only parses) this code sees each entry once and refuses anything that is not plainly
// inside: names are reduced to path segments (no `..`, no absolute names, nothing outside the
// requested top), every parent is checked against what THIS extraction created (never
// against the disk, so a symlink from the archive is never followed), files are opened with
// O_EXCL|O_NOFOLLOW, and hard links may only point at files created earlier in the copy.
import { constants } from 'node:fs';
import { link, lutimes, mkdir, open, rm, symlink, unlink, utimes, chmod, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { extract, type Headers } from 'tar-stream';
import { compareText } from '../../text/compare-text.js';

/** An entry that would land outside the copy, or go through something it must not. */
export class UnsafeEntryError extends Error {}

type Kind = 'dir' | 'file' | 'symlink';

export interface ExtractSummary {
  /** Entry kinds not recreated on the host, with how many: "device files", "FIFOs", … */
  skipped: Map<string, number>;
}

/** "device files" etc. as one sentence part: "skipped 2 device files, 1 FIFO". */
export function skippedNote(skipped: Map<string, number>): string {
  const parts = [...skipped].sort(([a], [b]) => compareText(a, b)).map(([what, n]) => `${n} ${n === 1 ? what.replace(/s$/, '') : what}`);
  return parts.length ? `skipped ${parts.join(', ')}` : '';
}

const SKIPPED_KIND: Record<string, string> = {
  'character-device': 'device files',
  'block-device': 'device files',
  fifo: 'FIFOs',
};

/**
 * The entry's path below the requested top as segments ([] is the top itself), or a refusal.
 * `top` is the name the engine reported for the path: "/", ".", or one name ("root").
 */
export function entrySegments(name: string, top: string): string[] {
  const refuse = (why: string): never => {
    throw new UnsafeEntryError(`the engine sent "${name}", ${why}; nothing was copied`);
  };
  if (name.includes('\0')) refuse('a name with a NUL byte');
  let rest: string;
  if (top === '/') {
    if (!name.startsWith('/')) refuse('which is outside the requested folder');
    rest = name;
  } else {
    if (name.startsWith('/')) refuse('an absolute name');
    const plain = top === '.' ? name : name.replace(/^(\.\/)+/, '');
    const first = plain.split('/')[0] ?? '';
    if (first !== top) refuse('which is outside the requested folder');
    rest = plain.slice(first.length);
  }
  const segments = rest.split('/').filter((s) => s !== '' && s !== '.');
  if (segments.includes('..')) refuse('a name with ".."');
  return segments;
}

const ZERO = Buffer.alloc(4096);

/** Writes a chunk at `pos`, leaving whole zero blocks unwritten so they stay holes (sparse). */
async function writeSparse(fh: FileHandle, chunk: Buffer, pos: number): Promise<void> {
  const B = ZERO.length;
  const zero = (a: number, b: number) => chunk.compare(ZERO, 0, b - a, a, b) === 0;
  let off = 0;
  while (off < chunk.length) {
    const blockEnd = Math.min(chunk.length, off + (B - ((pos + off) % B)));
    if (zero(off, blockEnd)) {
      off = blockEnd;
      continue;
    }
    let end = blockEnd;
    while (end < chunk.length) {
      const next = Math.min(chunk.length, end + B);
      if (zero(end, next)) break;
      end = next;
    }
    let done = 0;
    while (done < end - off) done += (await fh.write(chunk, off + done, end - off - done, pos + off + done)).bytesWritten;
    off = end;
  }
}

/** Modes kept, but never setuid/setgid on the host (sticky stays for directories). */
const fileMode = (mode: number | undefined) => (mode ?? 0o644) & 0o777;
const dirMode = (mode: number | undefined) => (mode ?? 0o755) & 0o1777;

class Extraction {
  private readonly created = new Map<string, Kind>();
  private readonly dirMeta = new Map<string, { mode: number; mtime?: Date }>();
  readonly skipped = new Map<string, number>();

  constructor(
    private readonly into: string,
    private readonly top: string,
  ) {}

  private path(segments: string[]): string {
    return join(this.into, ...segments);
  }

  /** Creates missing parents; refuses a parent that this archive made a symlink or a file. */
  private async parents(segments: string[], name: string): Promise<void> {
    for (let i = 0; i < segments.length; i++) {
      const key = segments.slice(0, i).join('/');
      const kind = this.created.get(key);
      if (kind === 'dir') continue;
      if (kind === 'symlink') throw new UnsafeEntryError(`the engine sent "${name}", which goes through a symbolic link in the copy; nothing was copied`);
      if (kind === 'file') throw new UnsafeEntryError(`the engine sent "${name}", which is below a file in the copy; nothing was copied`);
      await mkdir(this.path(segments.slice(0, i)), { mode: 0o700 });
      this.created.set(key, 'dir');
      this.dirMeta.set(key, { mode: 0o755 });
    }
  }

  /** Removes what an earlier duplicate entry put at this path (always inside the copy). */
  private async clear(key: string, path: string, keepDir: boolean): Promise<void> {
    const kind = this.created.get(key);
    if (!kind || (kind === 'dir' && keepDir)) return;
    if (kind === 'dir') {
      await rm(path, { recursive: true, force: true });
      for (const k of [...this.created.keys()]) if (k === key || k.startsWith(`${key}/`)) this.created.delete(k);
      for (const k of [...this.dirMeta.keys()]) if (k === key || k.startsWith(`${key}/`)) this.dirMeta.delete(k);
    } else {
      await unlink(path);
    }
    this.created.delete(key);
  }

  async entry(h: Headers, body: Readable): Promise<void> {
    const type = h.type ?? 'unknown';
    const segments = entrySegments(h.name, this.top);
    const key = segments.join('/');
    const path = this.path(segments);
    const skip =
      SKIPPED_KIND[type] ?? (['file', 'contiguous-file', 'directory', 'symlink', 'link'].includes(type) ? undefined : 'entries of an unsupported type');
    if (skip) {
      this.skipped.set(skip, (this.skipped.get(skip) ?? 0) + 1);
      body.resume();
      return;
    }
    await this.parents(segments, h.name);
    if (type === 'directory') {
      await this.clear(key, path, true);
      if (!this.created.has(key)) await mkdir(path, { mode: 0o700 });
      this.created.set(key, 'dir');
      this.dirMeta.set(key, { mode: dirMode(h.mode), mtime: h.mtime });
      body.resume();
      return;
    }
    await this.clear(key, path, false);
    if (type === 'symlink') {
      body.resume();
      if (!h.linkname) throw new UnsafeEntryError(`the engine sent the symbolic link "${h.name}" without a target; nothing was copied`);
      // Copied as a link, like docker cp; this extraction never follows it (see parents()).
      await symlink(h.linkname, path);
      this.created.set(key, 'symlink');
      if (h.mtime) await lutimes(path, h.mtime, h.mtime);
      return;
    }
    if (type === 'link') {
      body.resume();
      const target = entrySegments(h.linkname ?? '', this.top).join('/');
      if (this.created.get(target) !== 'file' || target === key) {
        throw new UnsafeEntryError(`the engine sent "${h.name}", a hard link to "${h.linkname}", which is not a file earlier in the copy; nothing was copied`);
      }
      await link(this.path(target.split('/')), path);
      this.created.set(key, 'file');
      return;
    }
    const fh = await open(path, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | constants.O_NOFOLLOW, 0o600);
    this.created.set(key, 'file');
    try {
      let pos = 0;
      for await (const chunk of body as AsyncIterable<Buffer>) {
        await writeSparse(fh, chunk, pos);
        pos += chunk.length;
      }
      await fh.truncate(pos);
      await fh.chmod(fileMode(h.mode));
      if (h.mtime) await fh.utimes(h.mtime, h.mtime);
    } finally {
      await fh.close();
    }
  }

  /** Directory modes and mtimes last, deepest first: writing children changes both. */
  async finish(): Promise<void> {
    const keys = [...this.dirMeta.keys()].sort((a, b) => b.split('/').length - a.split('/').length || b.length - a.length);
    for (const key of keys) {
      const meta = this.dirMeta.get(key)!;
      const path = this.path(key === '' ? [] : key.split('/'));
      await chmod(path, meta.mode);
      if (meta.mtime) await utimes(path, meta.mtime, meta.mtime);
    }
  }
}

/**
 * Extracts `tar` so that its top entry becomes `into` (which must not exist yet) and nothing
 * is written anywhere else. Throws UnsafeEntryError on the first entry that is not plainly
 * inside; the caller removes the partial result (it extracts into a temporary folder).
 */
export async function extractConfined(tar: Readable, into: string, top: string, signal?: AbortSignal): Promise<ExtractSummary> {
  const state = new Extraction(into, top);
  const parser = extract();
  parser.on('entry', (h, body, next) => {
    state.entry(h, body).then(
      () => next(),
      (err: Error) => {
        body.resume();
        parser.destroy(err);
      },
    );
  });
  await pipeline(tar, parser, { signal });
  await state.finish();
  return { skipped: state.skipped };
}
