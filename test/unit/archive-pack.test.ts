// The host → container packer: special files are looked at with lstat and never opened (a
// FIFO read would block forever), symlinks travel as links, names stay under the top.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { extract, type Headers } from 'tar-stream';
import { describe, expect, it } from 'vitest';
import { packHostPath } from '../../src/engine/api/archive-pack.js';

async function entriesOf(src: string, top: string): Promise<{ entries: Array<Headers & { body: string }>; skipped: string[] }> {
  const skipped: string[] = [];
  const tar = packHostPath(src, top, (what) => skipped.push(what));
  const parser = extract();
  const entries: Array<Headers & { body: string }> = [];
  parser.on('entry', (h, body, next) => {
    let text = '';
    body.on('data', (b: Buffer) => (text += b.toString()));
    body.on('end', () => {
      entries.push({ ...h, body: text });
      next();
    });
  });
  await new Promise<void>((resolve, reject) => {
    parser.on('finish', resolve);
    parser.on('error', reject);
    tar.on('error', reject);
    tar.pipe(parser);
  });
  return { entries, skipped };
}

describe('packing a host folder for the container', () => {
  it('skips a FIFO and a socket (never opened), sends symlinks as links, names under the top', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dtui-pack-'));
    const src = join(dir, 'src');
    mkdirSync(join(src, 'sub'), { recursive: true });
    writeFileSync(join(src, 'sub', 'f.txt'), 'hello');
    writeFileSync(join(src, 'empty'), '');
    execFileSync('mkfifo', [join(src, 'pipe')]);
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(join(src, 'sock'), resolve));
    symlinkSync('/etc/passwd', join(src, 'pw'));
    try {
      const { entries, skipped } = await entriesOf(src, 'dest');
      expect(entries.map((e) => `${e.type} ${e.name}`).sort()).toEqual([
        'directory dest/',
        'directory dest/sub/',
        'file dest/empty',
        'file dest/sub/f.txt',
        'symlink dest/pw',
      ]);
      expect(entries.find((e) => e.name === 'dest/pw')?.linkname).toBe('/etc/passwd');
      expect(entries.find((e) => e.name === 'dest/sub/f.txt')?.body).toBe('hello');
      expect(skipped.sort()).toEqual(['FIFOs', 'sockets']);
      // Contents only (SRC/.): no top entry, names are the folder's own.
      const contents = await entriesOf(src, '');
      expect(contents.entries.map((e) => e.name).sort()).toEqual(['empty', 'pw', 'sub/', 'sub/f.txt']);
    } finally {
      server.close();
    }
  });
});
