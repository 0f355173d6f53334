// The STATUS column counts forward, live, from the engine's own start/finish times:
// "Up 1 second" → "Up 2 seconds" → …, then "Exited (…) N seconds ago" advancing — never
// backwards, never frozen (issue 15: ages counted down and stuck after a re-list).
import { afterAll, describe, expect, it } from 'vitest';
import { runTestContainer, testDocker } from '../support/engine.js';
import { filterTo, launchDtui } from '../support/dtui.js';
import { SLEEPER, group, removeQuietly } from '../support/core-e2e.js';
import { shownAge } from '../../src/engine/models/status-age.js';
import type { TuiHarness } from '../support/pty-harness.js';

const docker = testDocker();
const created: string[] = [];
afterAll(() => removeQuietly(docker, created));

/**
 * The STATUS cell of `name`'s row ("Up 3 seconds", "Exited (0) 2 seconds ago"); the column
 * may cut " ago" off with "…", so it is put back for reading the age.
 */
function statusOf(screen: string, name: string): string | undefined {
  const line = screen.split('\n').find((l) => l.startsWith(`│ ${name} `));
  const m = line ? /(Up (?:Less than a second|\d+ seconds?|About a minute))|(Exited \(\d+\) (?:Less than a second|\d+ seconds?))/.exec(line) : null;
  return m ? (m[1] ?? `${m[2]} ago`) : undefined;
}

/**
 * Every status the row shows while the screen is polled, until `done` says enough;
 * the list of distinct readings, in the order seen.
 */
async function watchStatus(tui: TuiHarness, name: string, done: (status: string) => boolean): Promise<string[]> {
  const seen: string[] = [];
  await tui.waitForScreen(
    (screen) => {
      const status = statusOf(screen, name);
      if (status !== undefined && seen.at(-1) !== status) seen.push(status);
      return status !== undefined && done(status);
    },
    { timeout: 20_000 },
  );
  return seen;
}

function expectNonDecreasing(readings: string[]): void {
  const ages = readings.map((r) => shownAge(r)!);
  for (let i = 1; i < ages.length; i++) expect(ages[i], `${readings[i - 1]} → ${readings[i]}`).toBeGreaterThanOrEqual(ages[i - 1]!);
}

describe('relative times in the Containers list', () => {
  it('"Up N seconds" advances and never goes back; after a stop "Exited (…) N seconds ago" advances', async () => {
    const g = group();
    const name = `${g}-age`;
    const id = await runTestContainer(docker, { name, cmd: SLEEPER });
    created.push(id);
    const tui = await launchDtui();
    try {
      await filterTo(tui, g);
      const startedAt = Date.parse((await docker.getContainer(id).inspect()).State.StartedAt);
      // Three more seconds of uptime than the first reading: the row must get there by itself.
      const first = await watchStatus(tui, name, () => true);
      const target = shownAge(first[0]!)! + 3000;
      // Another container's events re-list while the row counts: a fresh list answer must
      // not take the age back (the reported bug).
      const relist = runTestContainer(docker, { name: `${g}-other`, cmd: SLEEPER, start: false }).then((other) => created.push(other));
      const up = await watchStatus(tui, name, (s) => s.startsWith('Up') && shownAge(s)! >= target);
      await relist;
      expectNonDecreasing([...first, ...up]);
      expect(new Set(up).size).toBeGreaterThanOrEqual(3);
      // The reading is the engine's uptime, not a guess: within a second of StartedAt.
      expect(Math.abs(shownAge(up.at(-1)!)! - (Date.now() - startedAt))).toBeLessThan(2500);

      await docker.getContainer(id).stop({ t: 5 });
      const exited = await watchStatus(tui, name, (s) => s.startsWith('Exited') && shownAge(s)! >= 3000);
      const afterStop = exited.filter((s) => s.startsWith('Exited'));
      expect(afterStop[0]).toMatch(/^Exited \(0\) (Less than a second|\d+ seconds?) ago$/);
      expectNonDecreasing(afterStop);
      expect(new Set(afterStop).size).toBeGreaterThanOrEqual(3);
      expect((await docker.getContainer(id).inspect()).State.Status).toBe('exited');
    } finally {
      await tui.kill();
    }
  });
});
