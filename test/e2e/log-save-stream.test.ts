// Issue 13: saving a log bigger than memory should allow (`o` in the Logs tab) streams it
// to the file: the file equals `docker logs` byte for byte and dtui's peak RSS stays far
// below the log's size (reading it whole would need the log twice over, and a log over
// 512 MiB would not fit a string at all).
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { createReadStream, mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ENV, runTestContainer, testDocker, uniqueName } from '../support/engine.js';

// 400k lines of ~400 bytes: a log bigger than the whole process, in ~1 min here.
const LINES = 400_000;
const LINE = 'x'.repeat(400);

async function sha256(stream: NodeJS.ReadableStream): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of stream) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

describe('saving a huge log', () => {
  const docker = testDocker();
  const ids: string[] = [];
  afterAll(async () => {
    await Promise.all(
      ids.map((id) =>
        docker
          .getContainer(id)
          .remove({ force: true })
          .catch(() => undefined),
      ),
    );
  });

  it('streams it to the file: same bytes as docker logs, peak RSS rises by a fraction of the log size', async () => {
    const name = uniqueName('biglog');
    const id = await runTestContainer(docker, { name, cmd: ['sh', '-c', `seq 1 ${LINES} | sed 's/$/ ${LINE}/'`] });
    ids.push(id);
    await docker.getContainer(id).wait();
    // The Logs tab's `o` (logs-view.test.ts) calls this same saveLogs; here it runs in a
    // process of its own so its peak RSS is the save's alone, not the viewer's 100k lines.
    const file = join(mkdtempSync(join(tmpdir(), 'dtui-bigsave-')), 'big.log');
    const child = spawn(process.execPath, ['--import', 'tsx', 'test/support/save-log-child.ts', process.env[ENV.dockerHost]!, id, file], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    expect(await new Promise((r) => child.on('exit', r))).toBe(0);
    const [bytes, growth] = out.trim().split(' ').map(Number) as [number, number];

    const size = statSync(file).size;
    expect(bytes).toBe(size);
    expect(size).toBe(LINES * (LINE.length + 2) + [...Array(LINES)].reduce((n: number, _, i) => n + String(i + 1).length, 0));
    const cli = spawn('docker', ['-H', process.env[ENV.dockerHost]!, 'logs', id], { stdio: ['ignore', 'pipe', 'inherit'] });
    expect(await sha256(createReadStream(file))).toBe(await sha256(cli.stdout));
    // Read whole, the log alone would raise the peak by its size (twice, with the demux copy).
    expect(growth, `peak RSS rose ${(growth / 2 ** 20).toFixed(0)} MiB saving a ${(size / 2 ** 20).toFixed(0)} MiB log`).toBeLessThan(size / 4);
  }, 300_000);
});
