// settings.dateFormat: absolute end to end: bin/dtui started with a config file, against
// the real engine. Every time on screen — Containers STATUS and CREATED, the image summary
// and the image's history — is the engine's own timestamp as local date and time, and no
// age is left ("Up 5 minutes", "… ago").
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { TEST_IMAGE, runTestContainer, testDocker } from '../support/engine.js';
import { filterTo, launchDtui } from '../support/dtui.js';
import { group, removeQuietly, SLEEPER, waitState } from '../support/core-e2e.js';

const docker = testDocker();
const created: string[] = [];
const dir = mkdtempSync(join(tmpdir(), 'dtui-dates-e2e-'));
afterAll(() => removeQuietly(docker, created));

/** The local date and time to the minute, as dateFormat absolute writes it. */
function local(ms: number): string {
  const d = new Date(ms);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())} ${two(d.getHours())}:${two(d.getMinutes())}`;
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** An age as the engine or dtui writes one. */
const AGE = /\bago\b|Up (\d+|About|Less)/;

describe('dateFormat: absolute', () => {
  it('Containers STATUS and CREATED, the image summary and history show the engine times as local date and time', async () => {
    const g = group();
    const up = await runTestContainer(docker, { name: `${g}-up`, cmd: SLEEPER });
    created.push(up);
    const done = await runTestContainer(docker, { name: `${g}-done`, cmd: ['sh', '-c', 'exit 0'] });
    created.push(done);
    await waitState(docker, done, 'exited');
    const upInfo = await docker.getContainer(up).inspect();
    const doneInfo = await docker.getContainer(done).inspect();

    const path = join(dir, 'dates.yml');
    writeFileSync(path, 'settings:\n  dateFormat: absolute\n');
    const tui = await launchDtui({ args: ['--config', path], cols: 220, rows: 40 });
    try {
      await filterTo(tui, g);
      // STATUS from State.StartedAt / State.FinishedAt, CREATED from Created: each row's own.
      const row = (name: string, status: string, createdAt: string) =>
        new RegExp(`${escape(name)}\\s.*${escape(status)}\\s.*${escape(local(Date.parse(createdAt)))}`);
      const list = await tui.waitForScreen(
        (s) =>
          row(`${g}-up`, `Up since ${local(Date.parse(upInfo.State.StartedAt))}`, upInfo.Created).test(s) &&
          row(`${g}-done`, `Exited (0) at ${local(Date.parse(doneInfo.State.FinishedAt))}`, doneInfo.Created).test(s),
        { timeout: 15_000 },
      );
      const rows = list.split('\n').filter((l) => l.includes(g) && !l.includes(`/${g}`));
      expect(rows).toHaveLength(2);
      for (const l of rows) expect(l).not.toMatch(AGE);

      // Images: the summary beside the list, then the history overlay (h).
      const image = await docker.getImage(TEST_IMAGE).inspect();
      const history = (await docker.getImage(TEST_IMAGE).history()) as Array<{ Created: number }>;
      await tui.press('2', '/');
      await tui.type(TEST_IMAGE.split(':')[0]!);
      await tui.press('enter');
      const summary = await tui.waitForText(`Created ${local(Date.parse(image.Created))}`);
      expect(summary).toMatch(new RegExp(`${escape(TEST_IMAGE)}\\s.*${escape(local(Date.parse(image.Created)))}`));
      expect(summary).not.toMatch(AGE);
      await tui.press('h');
      const overlay = await tui.waitForText(/History of .* layer/);
      for (const layer of history) expect(overlay).toContain(local(layer.Created * 1000));
      expect(overlay).not.toMatch(AGE);
    } finally {
      await tui.kill();
    }
  }, 60_000);
});
