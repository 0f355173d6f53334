// Packs a host path into a tar for PUT /containers/{id}/archive. Hand-written on tar-stream
// rather than tar-fs's pack because every file must be looked at with lstat first: a FIFO
// opened for reading blocks forever, a socket or device cannot be archived, and a symlink
// must travel as a link (docker cp), never be followed to wherever it points. Names are built
// here from the walk, so no entry can name anything outside the copied top.
import { constants } from 'node:fs';
import { lstat, open, readdir, readlink } from 'node:fs/promises';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { pack, type Pack } from 'tar-stream';

function addEntry(tar: Pack, header: Parameters<Pack['entry']>[0], body?: Buffer): Promise<void> {
  return new Promise((resolve, reject) => tar.entry(header, body ?? Buffer.alloc(0), (err) => (err ? reject(err) : resolve())));
}

async function addFile(tar: Pack, path: string, name: string, mode: number, mtime: Date, ino: number): Promise<boolean> {
  // O_NONBLOCK: if the path became a FIFO since lstat, open returns instead of blocking.
  const fh = await open(path, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
  try {
    const st = await fh.stat();
    if (!st.isFile() || st.ino !== ino) return false;
    const header = { name, type: 'file' as const, size: st.size, mode, mtime, uid: 0, gid: 0 };
    if (st.size === 0) await addEntry(tar, header);
    else await pipeline(fh.createReadStream({ start: 0, end: st.size - 1, autoClose: false }), tar.entry(header));
    return true;
  } finally {
    await fh.close();
  }
}

/**
 * A tar of `src`: its top named `top` (or, with top "", only its contents). Calls `onSkip`
 * with "FIFOs", "sockets" or "device files" for each entry left out.
 */
export function packHostPath(src: string, top: string, onSkip: (what: string) => void): Pack {
  const tar = pack();
  const walk = async (path: string, name: string): Promise<void> => {
    const st = await lstat(path);
    const mtime = st.mtime;
    const mode = st.mode & 0o1777;
    if (st.isSymbolicLink()) {
      await addEntry(tar, { name, type: 'symlink', linkname: await readlink(path), mode: 0o777, mtime, uid: 0, gid: 0 });
    } else if (st.isDirectory()) {
      if (name !== '') await addEntry(tar, { name: `${name}/`, type: 'directory', mode, mtime, uid: 0, gid: 0 });
      for (const child of (await readdir(path)).sort()) await walk(join(path, child), name === '' ? child : `${name}/${child}`);
    } else if (st.isFile()) {
      if (!(await addFile(tar, path, name, mode & 0o777, mtime, st.ino))) onSkip('files that changed while copying');
    } else {
      onSkip(st.isFIFO() ? 'FIFOs' : st.isSocket() ? 'sockets' : 'device files');
    }
  };
  walk(src, top).then(
    () => tar.finalize(),
    (err: Error) => tar.destroy(err),
  );
  return tar;
}
