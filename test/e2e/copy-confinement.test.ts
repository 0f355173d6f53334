// C (docker cp) against the real engine through bin/dtui: where the copy lands follows the
// docker CLI (compared with the docker CLI's `docker cp` on the same engine), nothing outside the
// destination changes, special files are skipped with a note, and Esc leaves no partial copy.
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pack } from 'tar-stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENV, runTestContainer, testDocker, uniqueName, waitFor } from '../support/engine.js';
import { filterTo, launchDtui } from '../support/dtui.js';
import type { TuiHarness } from '../support/pty-harness.js';

const SETUP = [
  'echo container-bashrc > /root/.bashrc',
  'mkdir -p /root/sub',
  'echo deep > /root/sub/f',
  'ln -s /etc/passwd /root/pw',
  'ln /root/.bashrc /root/hl',
  'mkdir /data',
  'echo f > /data/f',
  'mkfifo /data/ff',
  'touch /tmp/ready',
  'sleep 3600',
].join('; ');

/** Runs `cmd` in the container and returns its stdout (independently of dtui). */
async function execIn(id: string, cmd: string[]): Promise<string> {
  const exec = await testDocker().getContainer(id).exec({ Cmd: cmd, AttachStdout: true, AttachStderr: true });
  return new Promise<string>((resolve, reject) => {
    exec.start({}, (err, stream) => {
      if (err || !stream) return reject(err instanceof Error ? err : new Error('exec start failed'));
      const chunks: Buffer[] = [];
      stream.on('data', (b: Buffer) => chunks.push(b));
      stream.on('end', () => {
        // Non-TTY exec output is framed: 8-byte header (stream, 0, 0, 0, size) then the bytes.
        const all = Buffer.concat(chunks);
        let text = '';
        for (let at = 0; at + 8 <= all.length; at += 8 + all.readUInt32BE(at + 4)) {
          if (all[at] === 1) text += all.subarray(at + 8, at + 8 + all.readUInt32BE(at + 4)).toString('utf8');
        }
        resolve(text);
      });
    });
  });
}

/** The docker CLI's own outcome, for comparing semantics. */
function dockerCp(from: string, to: string): void {
  execFileSync('docker', ['-H', process.env[ENV.dockerHost]!, 'cp', from, to], { stdio: 'ignore' });
}

/** Relative paths of regular files and symlinks under `root`, sorted. */
function listing(root: string): string[] {
  const out: string[] = [];
  const walk = (dir: string, rel: string) => {
    for (const name of readdirSync(dir)) {
      const st = lstatSync(join(dir, name));
      if (st.isDirectory()) walk(join(dir, name), `${rel}${name}/`);
      else if (st.isFile() || st.isSymbolicLink()) out.push(`${rel}${name}`);
    }
  };
  walk(root, '');
  return out.sort();
}

const md5 = (path: string) => createHash('md5').update(readFileSync(path)).digest('hex');

describe('copy confinement (docker cp semantics)', () => {
  const docker = testDocker();
  let id = '';
  let name = '';
  let tui: TuiHarness;
  let work = '';

  beforeAll(async () => {
    name = uniqueName('cpconf');
    id = await runTestContainer(docker, { name, cmd: ['sh', '-c', SETUP] });
    await waitFor(async () => (await execIn(id, ['ls', '/tmp/ready'])).includes('/tmp/ready'), { timeout: 30_000, message: 'container set up' });
    // A character device inside the container: the engine extracts it (as root) from a tar.
    const dev = pack();
    dev.entry({ name: 'null-dev', type: 'character-device', devmajor: 1, devminor: 3, mode: 0o666 });
    dev.finalize();
    await docker.getContainer(id).putArchive(dev as never, { path: '/data' });
    work = mkdtempSync(join(tmpdir(), 'dtui-cpconf-'));
    tui = await launchDtui();
    await filterTo(tui, name);
    await tui.waitForText(/\(1\/\d+\)/);
  }, 60_000);

  afterAll(async () => {
    await tui?.kill('SIGKILL').catch(() => undefined);
    if (id)
      await docker
        .getContainer(id)
        .remove({ force: true })
        .catch(() => undefined);
    if (work) rmSync(work, { recursive: true, force: true });
  });

  async function copyOut(src: string, dest: string, expect: string | RegExp = 'Copied '): Promise<string> {
    await tui.waitForScreen((s) => !s.includes('Copy files'));
    await tui.press('C');
    await tui.waitForText('Copy files');
    await tui.press('tab');
    await tui.type(src);
    await tui.press('tab');
    await tui.type(dest);
    await tui.press('enter');
    const screen = await tui.waitForText(expect, { timeout: 20_000 });
    if (screen.includes('Copy files')) await tui.press('esc');
    return screen;
  }

  it("/root/. into a new folder: the contents go inside it, the user's own .bashrc beside it is untouched", async () => {
    const home = join(work, 'home');
    mkdirSync(home);
    writeFileSync(join(home, '.bashrc'), 'my own bashrc\n');
    const before = lstatSync(join(home, '.bashrc'));
    await copyOut('/root/.', join(home, 'rootcopy'), `Copied /root/. → ${join(home, 'rootcopy')}`);
    expect(readFileSync(join(home, '.bashrc'), 'utf8')).toBe('my own bashrc\n');
    expect(lstatSync(join(home, '.bashrc')).mtimeMs).toBe(before.mtimeMs);
    expect(readFileSync(join(home, 'rootcopy', '.bashrc'), 'utf8')).toBe('container-bashrc\n');
    // The container's hard link is recreated inside the copy, never to the user's .bashrc.
    expect(lstatSync(join(home, 'rootcopy', 'hl')).ino).toBe(lstatSync(join(home, 'rootcopy', '.bashrc')).ino);
    expect(lstatSync(join(home, '.bashrc')).nlink).toBe(1);
    expect(readdirSync(home).sort()).toEqual(['.bashrc', 'rootcopy']);
    dockerCp(`${id}:/root/.`, join(work, 'cli-rootcopy'));
    expect(listing(join(home, 'rootcopy'))).toEqual(listing(join(work, 'cli-rootcopy')));
  });

  it("/ into a new folder: the container's root, like docker cp", async () => {
    const dest = join(work, 'wholeroot');
    await copyOut('/', dest, `Copied / → ${dest}`);
    expect(readFileSync(join(dest, 'root', '.bashrc'), 'utf8')).toBe('container-bashrc\n');
    expect(lstatSync(join(dest, 'root', 'hl')).nlink).toBe(2);
    expect(md5(join(dest, 'etc', 'hostname'))).toBe((await execIn(id, ['md5sum', '/etc/hostname'])).split(' ')[0]);
    dockerCp(`${id}:/`, join(work, 'cli-wholeroot'));
    expect(listing(dest)).toEqual(listing(join(work, 'cli-wholeroot')));
    expect(readdirSync(work).filter((n) => n.includes('dtui-partial'))).toEqual([]);
  }, 120_000);

  it('a folder into an existing folder lands under its own name', async () => {
    const dest = join(work, 'existing');
    mkdirSync(dest);
    await copyOut('/root', dest, `Copied /root → ${dest}`);
    expect(readFileSync(join(dest, 'root', 'sub', 'f'), 'utf8')).toBe('deep\n');
    mkdirSync(join(work, 'cli-existing'));
    dockerCp(`${id}:/root`, join(work, 'cli-existing'));
    expect(listing(dest)).toEqual(listing(join(work, 'cli-existing')));
  });

  it('a folder onto an existing file is refused with a clear message; the file is untouched', async () => {
    const file = join(work, 'afile');
    writeFileSync(file, 'keep me');
    await copyOut('/root', file, `cannot copy a directory onto the file ${file}`);
    expect(readFileSync(file, 'utf8')).toBe('keep me');
  });

  it('a symlink to /etc/passwd arrives as a symlink; the host /etc/passwd is untouched', async () => {
    const before = md5('/etc/passwd');
    const dest = join(work, 'pw');
    await copyOut('/root/pw', dest, `Copied /root/pw → ${dest}`);
    expect(lstatSync(dest).isSymbolicLink()).toBe(true);
    expect(readlinkSync(dest)).toBe('/etc/passwd');
    expect(md5('/etc/passwd')).toBe(before);
  });

  it('a FIFO and a device node in the container are skipped with a note; the rest is copied', async () => {
    const dest = join(work, 'data');
    await copyOut('/data', dest, /Copied \/data → .*skipped 1 device file, 1 FIFO/);
    expect(readdirSync(dest)).toEqual(['f']);
  });

  it('host → container: a FIFO in the source folder is skipped with a note, never read', async () => {
    const src = join(work, 'upload');
    mkdirSync(src);
    writeFileSync(join(src, 'file.txt'), 'uploaded\n');
    execFileSync('mkfifo', [join(src, 'pipe')]);
    await tui.waitForScreen((s) => !s.includes('Copy files'));
    await tui.press('C');
    await tui.waitForText('Copy files');
    await tui.press('right', 'tab');
    await tui.type(src);
    await tui.press('tab');
    await tui.type('/tmp/up');
    await tui.press('enter');
    await tui.waitForText(/Copied .*upload → \/tmp\/up .*skipped 1 FIFO/, { timeout: 30_000 });
    expect((await execIn(id, ['ls', '-A', '/tmp/up'])).trim()).toBe('file.txt');
    expect(await execIn(id, ['cat', '/tmp/up/file.txt'])).toBe('uploaded\n');
  });

  it('Esc during a large copy cancels it and leaves no partial result', async () => {
    const dest = join(work, 'bigcopy');
    // 2 GiB that costs no disk: the engine still streams every byte, so the copy runs long enough for Esc.
    await execIn(id, ['sh', '-c', 'mkdir -p /big && truncate -s 2G /big/blob']);
    await tui.waitForScreen((s) => !s.includes('Copy files'));
    await tui.press('C');
    await tui.waitForText('Copy files');
    await tui.press('tab');
    await tui.type('/big');
    await tui.press('tab');
    await tui.type(dest);
    await tui.press('enter');
    // Progress with a byte count means the archive is streaming into the temporary folder.
    await tui.waitForText(/Copying \/big → .*: [\d.]+ ?[kKMG]i?B/, { timeout: 30_000 });
    await tui.press('esc');
    await tui.waitForText('Copy cancelled; nothing was copied', { timeout: 30_000 });
    expect(existsSync(dest)).toBe(false);
    expect(readdirSync(work).filter((n) => n.includes('dtui-partial') || n.startsWith('.'))).toEqual([]);
    await tui.press('esc');
  }, 60_000);

  it('dtui ended by SIGTERM during a copy leaves no temporary folder behind', async () => {
    const dest = join(work, 'bigcopy-term');
    await execIn(id, ['sh', '-c', 'mkdir -p /big && truncate -s 2G /big/blob']);
    await tui.waitForScreen((s) => !s.includes('Copy files'));
    await tui.press('C');
    await tui.waitForText('Copy files');
    await tui.press('tab');
    await tui.type('/big');
    await tui.press('tab');
    await tui.type(dest);
    await tui.press('enter');
    await tui.waitForText(/Copying \/big → .*bigcopy-term: [\d.]+ ?[kKMG]i?B/, { timeout: 30_000 });
    expect(readdirSync(work).filter((n) => n.includes('dtui-partial'))).toHaveLength(1);
    await tui.kill('SIGTERM');
    expect(existsSync(dest)).toBe(false);
    expect(readdirSync(work).filter((n) => n.includes('dtui-partial'))).toEqual([]);
  }, 60_000);
});
