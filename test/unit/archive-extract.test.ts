// The confined extractor against archives built to attack it, and a hostile engine's GET
// /archive answer served over HTTP. After every refusal nothing outside the temporary root
// may exist or have changed: the whole tree around the destination is snapshotted (modes,
// mtimes, link counts, contents) before and after.
import { createHash } from 'node:crypto';
import {
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  statSync,
  symlinkSync,
  utimesSync,
  writeFileSync,
  chmodSync,
  existsSync,
  rmSync,
} from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import Dockerode from 'dockerode';
import { pack, type Headers } from 'tar-stream';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { copyFromContainer, CopyError } from '../../src/engine/api/archive.js';
import { UnsafeEntryError } from '../../src/engine/api/archive-extract.js';
import { extractToHost, type HostTarget } from '../../src/engine/api/archive-place.js';

type Entry = Headers & { body?: string | Buffer };

function tarOf(entries: Entry[]): Promise<Buffer> {
  const p = pack();
  for (const { body, ...h } of entries) p.entry({ mtime: new Date(1_600_000_000_000), ...h }, body ?? '');
  p.finalize();
  const chunks: Buffer[] = [];
  return new Promise((resolve, reject) => {
    p.on('data', (c: Buffer) => chunks.push(c));
    p.on('end', () => resolve(Buffer.concat(chunks)));
    p.on('error', reject);
  });
}

/** Every path under `root` with what must not change: type, mode, mtime, links, content. */
function snapshot(root: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      const st = lstatSync(path);
      const what = st.isSymbolicLink() ? `-> ${readlinkSync(path)}` : st.isFile() ? createHash('md5').update(readFileSync(path)).digest('hex') : 'dir';
      // A directory's mtime is left out: the temporary folder beside the target touches it.
      out[path.slice(root.length)] = `${st.mode.toString(8)} ${st.isDirectory() ? '' : st.mtimeMs} ${st.nlink} ${what}`;
      if (st.isDirectory()) walk(path);
    }
  };
  walk(root);
  return out;
}

let base: string;
let home: string;
const roots: string[] = [];
afterAll(() => {
  for (const root of roots) rmSync(root, { recursive: true, force: true });
});

beforeEach(() => {
  base = mkdtempSync(join(tmpdir(), 'dtui-extract-'));
  roots.push(base);
  home = join(base, 'home');
  mkdirSync(join(base, 'etc'), { recursive: true });
  mkdirSync(home);
  writeFileSync(join(home, '.bashrc'), "the user's own bashrc\n");
  chmodSync(join(home, '.bashrc'), 0o600);
  utimesSync(join(home, '.bashrc'), new Date(1_500_000_000_000), new Date(1_500_000_000_000));
  writeFileSync(join(base, 'outside'), 'outside\n');
  writeFileSync(join(base, 'etc', 'x'), 'host etc x\n');
});

const create = (name = 'copy'): HostTarget => ({ target: join(home, name), how: 'create' });

async function refused(entries: Entry[], top: string, plan: HostTarget = create(), message: RegExp = /nothing was copied/): Promise<void> {
  const before = snapshot(base);
  const tar = await tarOf(entries);
  await expect(extractToHost(Readable.from([tar]), top, plan, undefined)).rejects.toThrow(message);
  expect(snapshot(base)).toEqual(before);
}

describe('confined extraction: names', () => {
  it('refuses "..", absolute names and entries outside the requested top; nothing is written', async () => {
    const ok = { name: 'root/', type: 'directory' as const };
    await refused([ok, { name: 'root/../x', body: 'evil' }], 'root', create(), /".."/);
    await refused([ok, { name: 'root/a/../../x', body: 'evil' }], 'root', create(), /".."/);
    await refused(
      [
        { name: 'a/', type: 'directory' },
        { name: 'a/../../x', body: 'evil' },
      ],
      'a',
      create(),
      /".."/,
    );
    await refused([ok, { name: '/etc/x', body: 'evil' }], 'root', create(), /absolute/);
    await refused([ok, { name: 'other/.bashrc', body: 'evil' }], 'root', create(), /outside the requested folder/);
    await refused(
      [
        { name: './', type: 'directory' },
        { name: '.bashrc', body: 'evil' },
      ],
      '.',
      create(),
      /outside/,
    );
    await refused(
      [
        { name: '/', type: 'directory' },
        { name: 'etc/x', body: 'evil' },
      ],
      '/',
      create(),
      /outside/,
    );
    await refused(
      [
        { name: '/', type: 'directory' },
        { name: '/../etc/x', body: 'evil' },
      ],
      '/',
      create(),
      /".."/,
    );
    expect(readFileSync(join(base, 'etc', 'x'), 'utf8')).toBe('host etc x\n');
  });

  it('DIR/. into a new folder: the contents land inside it, the parent is untouched (issue 13)', async () => {
    const before = snapshot(home);
    const tar = await tarOf([
      { name: './', type: 'directory', mode: 0o700 },
      { name: './.bashrc', body: 'container bashrc\n' },
      { name: './sub/f', body: 'f' },
    ]);
    await extractToHost(Readable.from([tar]), '.', create('rootcopy'));
    expect(readFileSync(join(home, '.bashrc'), 'utf8')).toBe("the user's own bashrc\n");
    expect(readFileSync(join(home, 'rootcopy', '.bashrc'), 'utf8')).toBe('container bashrc\n');
    expect(readFileSync(join(home, 'rootcopy', 'sub', 'f'), 'utf8')).toBe('f');
    expect(statSync(join(home, 'rootcopy')).mode & 0o777).toBe(0o700);
    const after = snapshot(home);
    for (const key of Object.keys(before)) expect(after[key]).toBe(before[key]);
    expect(readdirSync(home).sort()).toEqual(['.bashrc', 'rootcopy']);
  });

  it('accepts "./" prefixes before the top and keeps modes (minus setuid/setgid) and mtimes', async () => {
    const tar = await tarOf([{ name: './root/x', body: 'x', mode: 0o6755, mtime: new Date(1_400_000_000_000) }]);
    await extractToHost(Readable.from([tar]), 'root', create());
    const st = statSync(join(home, 'copy', 'x'));
    expect(st.mode & 0o7777).toBe(0o755);
    expect(st.mtimeMs).toBe(1_400_000_000_000);
  });
});

describe('confined extraction: links', () => {
  it('never writes through a symlink the archive created (to /, to ..)', async () => {
    for (const target of ['/', '..', '../..', join(base, 'etc')]) {
      await refused(
        [
          { name: 'root/', type: 'directory' },
          { name: 'root/link', type: 'symlink', linkname: target },
          { name: 'root/link/x', body: 'evil' },
        ],
        'root',
        create(),
        /symbolic link/,
      );
    }
    await refused(
      [
        { name: 'root', type: 'symlink', linkname: join(base, 'etc') },
        { name: 'root/x', body: 'evil' },
      ],
      'root',
      create(),
      /symbolic link/,
    );
  });

  it('keeps symlinks (absolute too) as links, never following them', async () => {
    const tar = await tarOf([
      { name: 'root/', type: 'directory' },
      { name: 'root/pw', type: 'symlink', linkname: '/etc/passwd' },
      { name: 'root/up', type: 'symlink', linkname: '../..' },
    ]);
    await extractToHost(Readable.from([tar]), 'root', create());
    expect(readlinkSync(join(home, 'copy', 'pw'))).toBe('/etc/passwd');
    expect(readlinkSync(join(home, 'copy', 'up'))).toBe('../..');
  });

  it('refuses hard links outside the copy, absolute, or to a host file of the same name; the host file is untouched', async () => {
    const bashrc = join(home, '.bashrc');
    const before = lstatSync(bashrc);
    const dir = { name: 'root/', type: 'directory' as const };
    await refused([dir, { name: 'root/h', type: 'link', linkname: '../../outside', mode: 0o777 }], 'root', create(), /outside the requested folder/);
    await refused([dir, { name: 'root/h', type: 'link', linkname: 'root/../../outside', mode: 0o777 }], 'root', create(), /".."/);
    await refused([dir, { name: 'root/h', type: 'link', linkname: '/etc/x', mode: 0o777 }], 'root', create(), /absolute/);
    // The old extractor linked this to home/.bashrc and then chmod/utime'd it.
    await refused(
      [
        { name: './', type: 'directory' },
        { name: './h', type: 'link', linkname: './.bashrc', mode: 0o777, mtime: new Date(0) },
      ],
      '.',
      { target: home, how: 'merge' },
      /not a file earlier in the copy/,
    );
    await refused([dir, { name: 'root/d/', type: 'directory' }, { name: 'root/h', type: 'link', linkname: 'root/d' }], 'root', create(), /not a file earlier/);
    const after = lstatSync(bashrc);
    expect([after.mode, after.mtimeMs, after.nlink, after.ino]).toEqual([before.mode, before.mtimeMs, before.nlink, before.ino]);
    expect(readFileSync(bashrc, 'utf8')).toBe("the user's own bashrc\n");
  });

  it('recreates a hard link between two files of the copy inside the copy', async () => {
    const tar = await tarOf([
      { name: 'root/', type: 'directory' },
      { name: 'root/a', body: 'data' },
      { name: 'root/b', type: 'link', linkname: 'root/a' },
    ]);
    await extractToHost(Readable.from([tar]), 'root', create());
    expect(statSync(join(home, 'copy', 'b')).nlink).toBe(2);
    expect(statSync(join(home, 'copy', 'a')).ino).toBe(statSync(join(home, 'copy', 'b')).ino);
  });
});

describe('confined extraction: odd archives', () => {
  it('duplicate entries: the last wins; a directory replaced by a file and back stays inside', async () => {
    const tar = await tarOf([
      { name: 'root/', type: 'directory' },
      { name: 'root/f', body: 'one' },
      { name: 'root/f', body: 'two' },
      { name: 'root/d/', type: 'directory' },
      { name: 'root/d/x', body: 'x' },
      { name: 'root/d', body: 'now a file' },
      { name: 'root/e', body: 'a file' },
      { name: 'root/e/', type: 'directory' },
      { name: 'root/e/y', body: 'y' },
    ]);
    await extractToHost(Readable.from([tar]), 'root', create());
    expect(readFileSync(join(home, 'copy', 'f'), 'utf8')).toBe('two');
    expect(readFileSync(join(home, 'copy', 'd'), 'utf8')).toBe('now a file');
    expect(readFileSync(join(home, 'copy', 'e', 'y'), 'utf8')).toBe('y');
    expect(readdirSync(base).sort()).toEqual(['etc', 'home', 'outside']);
  });

  it('refuses a file written below a file of the copy', async () => {
    await refused(
      [
        { name: 'root/', type: 'directory' },
        { name: 'root/f', body: 'f' },
        { name: 'root/f/x', body: 'x' },
      ],
      'root',
      create(),
      /below a file/,
    );
  });

  it('skips device nodes and FIFOs with a count, copying the rest', async () => {
    const tar = await tarOf([
      { name: 'root/', type: 'directory' },
      { name: 'root/null', type: 'character-device', devmajor: 1, devminor: 3 },
      { name: 'root/sda', type: 'block-device', devmajor: 8, devminor: 0 },
      { name: 'root/fifo', type: 'fifo' },
      { name: 'root/f', body: 'f' },
    ]);
    const summary = await extractToHost(Readable.from([tar]), 'root', create());
    expect(readdirSync(join(home, 'copy'))).toEqual(['f']);
    expect([...summary.skipped]).toEqual([
      ['device files', 2],
      ['FIFOs', 1],
    ]);
  });

  it('a truncated archive (a huge declared size that ends early) leaves nothing behind', async () => {
    const before = snapshot(base);
    const full = await tarOf([
      { name: 'root/', type: 'directory' },
      { name: 'root/ok', body: 'ok' },
      { name: 'root/big', body: Buffer.alloc(4 << 20, 7) },
    ]);
    const cut = full.subarray(0, 1 << 20);
    await expect(extractToHost(Readable.from([cut]), 'root', create())).rejects.toThrow(/Unexpected end/);
    expect(snapshot(base)).toEqual(before);
  });

  it('cancelling mid-archive removes the partial copy', async () => {
    const before = snapshot(base);
    const full = await tarOf([
      { name: 'root/', type: 'directory' },
      { name: 'root/big', body: Buffer.alloc(4 << 20, 7) },
    ]);
    const input = new PassThrough();
    input.write(full.subarray(0, 2 << 20));
    const abort = new AbortController();
    const done = extractToHost(input, 'root', create(), abort.signal);
    await new Promise((r) => setTimeout(r, 50)); // let some data be written before the cancel
    abort.abort();
    await expect(done).rejects.toThrow(/abort/i);
    expect(snapshot(base)).toEqual(before);
  });

  it('runs of zero blocks become holes: a sparse file stays sparse', async () => {
    const body = Buffer.alloc(8 << 20);
    body.write('start', 0);
    body.write('end', body.length - 3);
    const tar = await tarOf([{ name: 'big.img', body }]);
    await extractToHost(Readable.from([tar]), 'big.img', create('big.img'));
    const st = statSync(join(home, 'big.img'));
    expect(st.size).toBe(8 << 20);
    expect(st.blocks * 512).toBeLessThan(64 * 1024);
    expect(readFileSync(join(home, 'big.img')).equals(body)).toBe(true);
  });
});

describe('placing the copy', () => {
  it('merging into an existing folder never follows a symlink that is already there', async () => {
    mkdirSync(join(home, 'dest'));
    symlinkSync(join(base, 'etc'), join(home, 'dest', 'sub'));
    await refused(
      [
        { name: './', type: 'directory' },
        { name: './sub/x', body: 'evil' },
      ],
      '.',
      { target: join(home, 'dest'), how: 'merge' },
      /already exists as a file/,
    );
    expect(readFileSync(join(base, 'etc', 'x'), 'utf8')).toBe('host etc x\n');
  });

  it('refuses to replace something that appeared at the target meanwhile', async () => {
    const input = new PassThrough();
    const done = extractToHost(input, 'root', create('late'));
    writeFileSync(join(home, 'late'), 'appeared');
    input.end(
      await tarOf([
        { name: 'root/', type: 'directory' },
        { name: 'root/x', body: 'x' },
      ]),
    );
    await expect(done).rejects.toThrow(/appeared while copying/);
    expect(readFileSync(join(home, 'late'), 'utf8')).toBe('appeared');
    expect(readdirSync(home).sort()).toEqual(['.bashrc', 'late']);
  });
});

describe('a hostile engine answering GET /archive', () => {
  it('entries outside the requested folder: the copy is refused with a message, nothing written', async () => {
    const tar = await tarOf([
      { name: 'root/', type: 'directory' },
      { name: 'root/ok', body: 'ok' },
      { name: '../../outside', body: 'evil' },
      { name: '.bashrc', body: 'evil' },
    ]);
    const stat = Buffer.from(JSON.stringify({ name: 'root', size: 4096, mode: 0x80000000 | 0o755, mtime: '2026-01-01T00:00:00Z', linkTarget: '' })).toString(
      'base64',
    );
    const socketPath = join(mkdtempSync(join(tmpdir(), 'dtui-hostile-')), 'engine.sock');
    const server = createServer((req, res) => {
      if (req.method === 'GET' && req.url?.includes('/archive')) {
        res.writeHead(200, { 'Content-Type': 'application/x-tar', 'X-Docker-Container-Path-Stat': stat });
        res.end(tar);
        return;
      }
      res.writeHead(404, { 'Content-Type': 'application/json' });
      res.end('{"message":"not here"}');
    });
    await new Promise<void>((resolve) => server.listen(socketPath, resolve));
    try {
      const before = snapshot(base);
      const err = await copyFromContainer(new Dockerode({ socketPath }), 'c1', '/root', join(home, 'rootcopy'), () => undefined).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(UnsafeEntryError);
      expect((err as Error).message).toMatch(/"\.\.\/\.\.\/outside"/);
      expect(snapshot(base)).toEqual(before);
      expect(existsSync(join(home, 'rootcopy'))).toBe(false);
    } finally {
      server.close();
    }
  });

  it('a top name that is not a plain name is refused before anything is written', async () => {
    const tar = await tarOf([
      { name: '../', type: 'directory' },
      { name: '../x', body: 'evil' },
    ]);
    const stat = Buffer.from(JSON.stringify({ name: '..', mode: 0x80000000 | 0o755 })).toString('base64');
    const socketPath = join(mkdtempSync(join(tmpdir(), 'dtui-hostile-')), 'engine.sock');
    const server = createServer((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'application/x-tar', 'X-Docker-Container-Path-Stat': stat });
      res.end(tar);
    });
    await new Promise<void>((resolve) => server.listen(socketPath, resolve));
    try {
      const before = snapshot(base);
      await expect(copyFromContainer(new Dockerode({ socketPath }), 'c1', '/root', join(home, 'rootcopy'), () => undefined)).rejects.toThrow(CopyError);
      expect(snapshot(base)).toEqual(before);
    } finally {
      server.close();
    }
  });
});
