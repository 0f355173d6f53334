// Issue 13: a save never leaves a hidden partial file behind (error, cancel, dtui exiting
// or crashing mid-save) and never replaces a file that appeared at the target meanwhile.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openPartial, partialFilesAlive } from '../../src/engine/api/partial-file.js';

const fresh = () => mkdtempSync(join(tmpdir(), 'dtui-partial-'));

async function write(out: ReturnType<typeof openPartial>, text: string): Promise<void> {
  await new Promise<void>((resolve, reject) => out.stream.end(text, () => resolve()).on('error', reject));
}

describe('partial files', () => {
  it('commit gives the bytes the final name and leaves nothing hidden', async () => {
    const dir = fresh();
    const out = openPartial(join(dir, 'a.tar'));
    await write(out, 'data');
    await out.commit();
    expect(readdirSync(dir)).toEqual(['a.tar']);
    expect(readFileSync(join(dir, 'a.tar'), 'utf8')).toBe('data');
    expect(partialFilesAlive()).toEqual([]);
  });

  it('refuses to replace a file created at the target meanwhile, and cleans up', async () => {
    const dir = fresh();
    const out = openPartial(join(dir, 'a.tar'));
    await write(out, 'ours');
    writeFileSync(join(dir, 'a.tar'), 'theirs');
    await expect(out.commit()).rejects.toMatchObject({ code: 'EEXIST', message: expect.stringContaining('not replaced') });
    expect(readFileSync(join(dir, 'a.tar'), 'utf8')).toBe('theirs');
    expect(readdirSync(dir)).toEqual(['a.tar']);
  });

  it('discard (error or cancel) removes the partial file', async () => {
    const dir = fresh();
    const out = openPartial(join(dir, 'b.log'));
    out.stream.write('half');
    await new Promise((r) => out.stream.once('open', r));
    expect(existsSync(out.temp)).toBe(true);
    await out.discard();
    expect(readdirSync(dir)).toEqual([]);
  });

  for (const how of ['exit', 'throw', 'signal']) {
    it(`a process that ends mid-save (${how}) leaves no partial file`, () => {
      const dir = fresh();
      const run = spawnSync(process.execPath, ['--import', 'tsx', 'test/support/partial-exit-child.ts', join(dir, 'c.tar'), how], {
        encoding: 'utf8',
        timeout: 30_000,
      });
      // The child really had its partial file open before it ended.
      expect(run.stdout).toContain('.c.tar.dtui-partial-');
      expect(readdirSync(dir)).toEqual([]);
    });
  }
});
