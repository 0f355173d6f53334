// Issue 13: a credential helper that never answers and leaves a child holding its pipes
// (`sleep … &`) must not hang a registry search: after the helper timeout the status line
// says so, the search goes on anonymously, and no process of the helper's group is left.
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { launchDtui } from '../support/dtui.js';
import { startRegistry, type TestRegistry } from '../support/registry.js';
import { waitFor } from '../support/wait.js';

/** Processes whose command line is exactly `sleep <arg>`. */
function sleepers(arg: string): number[] {
  return readdirSync('/proc')
    .filter((e) => /^\d+$/.test(e))
    .filter((e) => {
      try {
        return readFileSync(`/proc/${e}/cmdline`, 'utf8') === `sleep\0${arg}\0`;
      } catch {
        return false;
      }
    })
    .map(Number);
}

describe('a hanging credential helper', () => {
  let registry: TestRegistry;
  beforeAll(async () => {
    registry = await startRegistry();
  });
  afterAll(async () => {
    await registry?.stop();
  });

  it("times out, says so, the search still answers, and the helper's group is gone", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dtui-credhang-'));
    const bin = join(dir, 'bin');
    mkdirSync(bin);
    const marker = String(4000 + (process.pid % 1000));
    writeFileSync(join(bin, 'docker-credential-hang'), `#!/bin/sh\nsleep ${marker} &\nsleep ${Number(marker) + 1}\n`);
    chmodSync(join(bin, 'docker-credential-hang'), 0o755);
    writeFileSync(join(dir, 'config.json'), JSON.stringify({ credsStore: 'hang' }));
    const tui = await launchDtui({ env: { DOCKER_CONFIG: dir, PATH: `${bin}:${process.env.PATH}` } });
    try {
      await tui.press('2');
      await tui.press('F');
      await tui.waitForText('Search registries');
      await tui.type(registry.host);
      await tui.press('enter');
      await waitFor(() => sleepers(marker).length > 0, { timeout: 5000, message: 'the helper to start' });
      // The helper timeout is 15 s; the search's own is 20 s.
      await tui.waitForText(/docker-credential-hang did not answer within 15 s/, { timeout: 19_000 });
      await tui.waitForText(
        new RegExp(`(no|\\d+) results? from ${registry.host.replace(/\./g, '\\.')}|${registry.host.replace(/\./g, '\\.')}: no repositor`, 'i'),
        { timeout: 10_000 },
      );
      await waitFor(() => sleepers(marker).length === 0 && sleepers(String(Number(marker) + 1)).length === 0, {
        timeout: 5000,
        message: 'the helper group to be killed',
      });
    } finally {
      await tui.kill('SIGKILL');
    }
  }, 60_000);
});
