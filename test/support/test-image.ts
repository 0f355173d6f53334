// Builds the `dtui-test/busybox:latest` image without any registry: a rootfs holding a
// static busybox plus one symlink per applet, imported through the Engine API.
import { execFileSync } from 'node:child_process';
import { chmodSync, copyFileSync, mkdirSync, mkdtempSync, openSync, readSync, closeSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type Docker from 'dockerode';

export const TEST_IMAGE = 'dtui-test/busybox:latest';
const BUSYBOX = '/bin/busybox';
const FIX = 'apt-get install -y busybox-static';

// A dynamically linked busybox (Debian's plain `busybox` package) would fail inside the
// image with a confusing "no such file or directory" from runc, so check up front that
// the ELF has no PT_INTERP program header.
function assertStaticElf(path: string): void {
  const header = Buffer.alloc(64);
  const fd = openSync(path, 'r');
  try {
    readSync(fd, header, 0, 64, 0);
    if (header.readUInt32BE(0) !== 0x7f454c46 || header[4] !== 2) {
      throw new Error(`${path} is not a 64-bit ELF binary; ${FIX}`);
    }
    const phoff = Number(header.readBigUInt64LE(0x20));
    const phentsize = header.readUInt16LE(0x36);
    const phnum = header.readUInt16LE(0x38);
    const table = Buffer.alloc(phentsize * phnum);
    readSync(fd, table, 0, table.length, phoff);
    for (let i = 0; i < phnum; i++) {
      if (table.readUInt32LE(i * phentsize) === 3 /* PT_INTERP */) {
        throw new Error(`${path} is dynamically linked; the test image needs a static one: ${FIX}`);
      }
    }
  } finally {
    closeSync(fd);
  }
}

/** Writes the rootfs tarball into a fresh dir under `workDir` and returns its path. */
export function buildRootfsTar(workDir: string): string {
  try {
    assertStaticElf(BUSYBOX);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new Error(`${BUSYBOX} not found; ${FIX}`, { cause: error });
    throw error;
  }
  const root = join(workDir, 'rootfs');
  rmSync(root, { recursive: true, force: true });
  for (const dir of ['bin', 'etc', 'root', 'tmp']) mkdirSync(join(root, dir), { recursive: true });
  chmodSync(join(root, 'tmp'), 0o1777);
  copyFileSync(BUSYBOX, join(root, 'bin/busybox'));
  chmodSync(join(root, 'bin/busybox'), 0o755);
  const applets = execFileSync(BUSYBOX, ['--list'], { encoding: 'utf8' }).split('\n').filter(Boolean);
  for (const applet of applets) {
    if (applet !== 'busybox') symlinkSync('busybox', join(root, 'bin', applet));
  }
  // GNU tar is Essential on Debian; numeric root ownership keeps the image independent of
  // the build machine's users.
  const tarPath = join(workDir, 'rootfs.tar');
  execFileSync('tar', ['--numeric-owner', '--owner=0', '--group=0', '-C', root, '-cf', tarPath, '.']);
  rmSync(root, { recursive: true, force: true });
  return tarPath;
}

async function imageExists(docker: Docker, name: string): Promise<boolean> {
  try {
    await docker.getImage(name).inspect();
    return true;
  } catch (error) {
    if ((error as { statusCode?: number }).statusCode === 404) return false;
    throw error;
  }
}

/** Imports TEST_IMAGE unless present. Returns true when it had to import. */
export async function ensureTestImage(docker: Docker, workDir?: string): Promise<boolean> {
  if (await imageExists(docker, TEST_IMAGE)) return false;
  const scratch = mkdtempSync(join(workDir ?? tmpdir(), 'img-'));
  try {
    const tarPath = buildRootfsTar(scratch);
    const [repo, tag] = TEST_IMAGE.split(':');
    const progress = await docker.importImage(tarPath, { repo, tag, changes: 'CMD ["sh"]' });
    // The engine reports failures inside the progress stream, not via the HTTP status.
    await new Promise<void>((resolve, reject) => {
      docker.modem.followProgress(progress, (err: Error | null, events: Array<{ error?: string }>) => {
        const failed = err ?? events.find((e) => e.error);
        if (failed) reject(new Error(`importing ${TEST_IMAGE} failed: ${failed instanceof Error ? failed.message : failed.error}`));
        else resolve();
      });
    });
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
  if (!(await imageExists(docker, TEST_IMAGE))) throw new Error(`${TEST_IMAGE} missing after import`);
  return true;
}
