// c (commit) and C (copy) against the real engine.
import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runTestContainer, testDocker, uniqueName } from '../support/engine.js';
import { filterTo, launchDtui } from '../support/dtui.js';
import type { TuiHarness } from '../support/pty-harness.js';

describe('commit and copy', () => {
  const docker = testDocker();
  const ids: string[] = [];
  const images: string[] = [];
  let tui: TuiHarness | undefined;
  afterAll(async () => {
    await tui?.kill('SIGKILL').catch(() => undefined);
    await Promise.all(
      ids.map((id) =>
        docker
          .getContainer(id)
          .remove({ force: true })
          .catch(() => undefined),
      ),
    );
    await Promise.all(
      images.map((ref) =>
        docker
          .getImage(ref)
          .remove({ force: true })
          .catch(() => undefined),
      ),
    );
  });

  async function open(name: string): Promise<{ id: string; tui: TuiHarness }> {
    const id = await runTestContainer(docker, { name, cmd: ['sh', '-c', 'sleep 3600'] });
    ids.push(id);
    tui = await launchDtui();
    await filterTo(tui, name);
    await tui.waitForText(/\(1\/\d+\)/);
    return { id, tui };
  }

  it('commits with a message and an author; the image appears in Images', async () => {
    const name = uniqueName('commit');
    const { tui } = await open(name);
    const repo = `dtui-commit-${name.replace(/[^a-z0-9]/g, '')}`.slice(0, 60);
    images.push(`${repo}:snap`);
    await tui.press('c');
    await tui.waitForText(`Commit ${name} to a new image`);
    await tui.type(`${repo}:snap`);
    await tui.press('tab');
    await tui.type('saved by dtui');
    await tui.press('tab');
    await tui.type('Dee Tui <dtui@example.com>');
    await tui.press('enter');
    await tui.waitForText(`Committed ${name} as ${repo}:snap`);
    const info = await docker.getImage(`${repo}:snap`).inspect();
    expect(info.Comment).toBe('saved by dtui');
    expect(info.Author).toBe('Dee Tui <dtui@example.com>');
    // Through the events stream, the Images list shows it without a refresh key.
    await tui.waitForText(repo.slice(0, 30));
    await tui.kill();
  });

  it('rejects an invalid repository:tag in the form', async () => {
    const { tui } = await open(uniqueName('commit-bad'));
    await tui.press('c');
    await tui.waitForText('Commit ');
    await tui.type('Bad Repo');
    await tui.press('enter');
    await tui.waitForText(/Repository:tag: .*space/);
    await tui.press('esc');
    await tui.kill();
  });

  it('copies a random file into the container and back, byte for byte; says what is missing', async () => {
    const name = uniqueName('copy');
    const { id, tui } = await open(name);
    const dir = mkdtempSync(join(tmpdir(), 'dtui-cp-'));
    const original = randomBytes(300_000);
    writeFileSync(join(dir, 'random.bin'), original);

    // host → container: choose the direction with →.
    await tui.press('C');
    await tui.waitForText('Copy files');
    await tui.press('right', 'tab');
    await tui.type(join(dir, 'random.bin'));
    await tui.press('tab');
    await tui.type('/tmp/in-container.bin');
    await tui.press('enter');
    await tui.waitForText('Copied ');
    // The container has it: checksum it inside, independently of dtui.
    const exec = await docker.getContainer(id).exec({ Cmd: ['md5sum', '/tmp/in-container.bin'], AttachStdout: true, AttachStderr: true });
    const out = await new Promise<string>((resolve, reject) => {
      exec.start({}, (err, stream) => {
        if (err || !stream) return reject(err instanceof Error ? err : new Error('exec start failed'));
        let text = '';
        stream.on('data', (b: Buffer) => (text += b.toString('latin1')));
        stream.on('end', () => resolve(text));
      });
    });
    expect(out).toContain(createHash('md5').update(original).digest('hex'));

    // container → host, into an existing directory.
    const back = mkdtempSync(join(tmpdir(), 'dtui-cp-back-'));
    await tui.press('C');
    await tui.waitForText('Copy files');
    await tui.press('tab');
    await tui.type('/tmp/in-container.bin');
    await tui.press('tab');
    await tui.type(back);
    await tui.press('enter');
    await tui.waitForText(`Copied /tmp/in-container.bin → ${back}`);
    expect(readFileSync(join(back, 'in-container.bin')).equals(original)).toBe(true);

    // A missing path on either side: a clear message, the form stays open.
    await tui.press('C');
    await tui.waitForText('Copy files');
    await tui.press('tab');
    await tui.type('/no/such/file');
    await tui.press('tab');
    await tui.type(back);
    await tui.press('enter');
    await tui.waitForText('/no/such/file: no such file or directory in the container');
    await tui.press('esc');
    // Wait for the form to close, so C is read as its own key.
    await tui.waitForScreen((s) => !s.includes('no such file or directory in the container'));
    await tui.press('C');
    await tui.waitForText('Copy files');
    await tui.press('right', 'tab');
    await tui.type(join(dir, 'missing.bin'));
    await tui.press('tab');
    await tui.type('/tmp/');
    await tui.press('enter');
    await tui.waitForText(`${join(dir, 'missing.bin')}: no such file or directory on this machine`);
    await tui.kill();
  });
});
