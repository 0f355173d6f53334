// Emoji ZWJ sequences and skin tones in a log: whole (one 2-cell cluster) in a terminal that
// answers dtui's DECRQM query for mode 2027 (grapheme clustering), as parts in one that
// does not answer. Both terminals here draw emoji sequences the way a grapheme-clustering
// terminal does (test/support/grapheme-terminal.ts: @xterm/headless has no mode 2027), so a
// row measured wrongly by dtui shows as a displaced border.
import { afterAll, describe, expect, it } from 'vitest';
import { runTestContainer, testDocker, uniqueName } from '../support/engine.js';
import { filterTo, launchDtui } from '../support/dtui.js';
import type { TuiHarness } from '../support/pty-harness.js';
import { waitFor } from '../support/wait.js';

const FAMILY = '👨\u200d👩\u200d👧';
const THUMB = '👍\u{1F3FD}';
const FAMILY_PARTS = '👨👩👧';
const CLUSTERING_ON = '\x1b[?2027h';
const CLUSTERING_OFF = '\x1b[?2027l';
const SCRIPT = [
  `printf '%s\\n' 'PLAIN-LINE'`,
  `printf '%s\\n' 'FAM ${FAMILY} TONE ${THUMB} END'`,
  `printf '%s\\n' 'LONG${FAMILY.repeat(100)}'`,
  'sleep 3600',
].join('; ');

/** Terminal columns of the box-drawing borders on screen row n (a wide cell's second half counts). */
function borders(tui: TuiHarness, n: number): number[] {
  return tui
    .cells(n)
    .map((c, x) => (c.char === '│' ? x : -1))
    .filter((x) => x >= 0);
}

function rowOf(tui: TuiHarness, text: string): number {
  return tui
    .screen()
    .split('\n')
    .findIndex((l) => l.includes(text));
}

describe('emoji ZWJ sequences and skin tones', () => {
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

  async function logsIn(tui: TuiHarness): Promise<void> {
    const name = uniqueName('graphemes');
    ids.push(await runTestContainer(docker, { name, cmd: ['sh', '-c', SCRIPT] }));
    await filterTo(tui, name);
    await tui.press('enter');
    await tui.waitForText('END');
    await tui.waitForText('LONG');
  }

  it('are drawn whole, 2 cells, in a terminal that reports mode 2027 (turned on, and off again on quitting)', async () => {
    const tui = await launchDtui({ modeReports: { 2027: 2 }, clusterEmoji: true });
    try {
      await waitFor(() => tui.raw().includes(CLUSTERING_ON), { message: 'dtui to turn mode 2027 on' });
      await logsIn(tui);
      expect(tui.raw()).toContain(`FAM ${FAMILY} TONE ${THUMB} END`);
      const plain = borders(tui, rowOf(tui, 'PLAIN-LINE'));
      expect(plain.length).toBeGreaterThanOrEqual(2);
      // The row with the sequences, and the long one cut at the pane's edge, keep their borders in place.
      expect(borders(tui, rowOf(tui, 'FAM'))).toEqual(plain);
      const long = rowOf(tui, 'LONG');
      expect(borders(tui, long)).toEqual(plain);
      const longRow = tui.line(long);
      expect(longRow).toContain('…');
      expect(longRow.split(FAMILY).length - 1).toBeGreaterThan(20);
      expect(longRow).not.toContain(FAMILY_PARTS);
      await tui.press('q', 'q');
      expect((await tui.exited).exitCode).toBe(0);
      const raw = tui.raw();
      expect(raw.lastIndexOf(CLUSTERING_OFF)).toBeGreaterThan(raw.lastIndexOf(CLUSTERING_ON));
    } finally {
      await tui.kill('SIGKILL');
    }
  });

  it('are drawn as their parts, as before, when the terminal does not answer the query', async () => {
    const tui = await launchDtui({ modeReports: { 2027: null }, clusterEmoji: true });
    try {
      await logsIn(tui);
      const raw = tui.raw();
      expect(raw).toContain('\x1b[?2027$p');
      expect(raw).not.toContain(CLUSTERING_ON);
      expect(raw).not.toContain('\u200d');
      expect(raw).not.toContain('\u{1F3FD}');
      expect(raw).toContain(`FAM ${FAMILY_PARTS} TONE 👍 END`);
      const plain = borders(tui, rowOf(tui, 'PLAIN-LINE'));
      expect(borders(tui, rowOf(tui, 'FAM'))).toEqual(plain);
      expect(borders(tui, rowOf(tui, 'LONG'))).toEqual(plain);
      expect(tui.line(rowOf(tui, 'LONG'))).toContain('…');
      await tui.press('q', 'q');
      expect((await tui.exited).exitCode).toBe(0);
      expect(tui.raw()).not.toContain(CLUSTERING_OFF);
    } finally {
      await tui.kill('SIGKILL');
    }
  });
});
