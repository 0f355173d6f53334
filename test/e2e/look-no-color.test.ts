// NO_COLOR and TERM=dumb in a real terminal: not one colour code is written, no cell on
// screen has a colour, and nothing is lost — the selected row is marked (and reversed
// where the terminal can), and every state is readable as text.
import { afterAll, describe, expect, it } from 'vitest';
import { ENV, testDocker } from '../support/engine.js';
import { filterTo, launchDtui } from '../support/dtui.js';
import { group, removeQuietly, runSleepers, waitState } from '../support/core-e2e.js';
import { spawnTui, type TuiHarness } from '../support/pty-harness.js';

const docker = testDocker();
const created: string[] = [];
afterAll(() => removeQuietly(docker, created));

/** SGR parameters that set a colour: 30–38, 40–48, 90–97, 100–107 (38/48 also 256/RGB). */
function colourCodes(raw: string): string[] {
  const found: string[] = [];
  for (const m of raw.matchAll(/\x1b\[([0-9;:]*)m/g)) {
    const params = m[1]!.split(/[;:]/).map(Number);
    if (params.some((p) => (p >= 30 && p <= 38) || (p >= 40 && p <= 48) || (p >= 90 && p <= 97) || (p >= 100 && p <= 107))) found.push(JSON.stringify(m[0]));
  }
  return found;
}

function colouredCells(tui: TuiHarness, rows: number): string[] {
  const out: string[] = [];
  for (let y = 0; y < rows; y++) {
    tui.cells(y).forEach((c, x) => {
      if (!c.fgDefault || !c.bgDefault) out.push(`${x},${y} ${JSON.stringify(c.char)}`);
    });
  }
  return out;
}

/** The Containers row of `name`, as drawn (with the selection marker column without colour). */
const rowIndex = (tui: TuiHarness, name: string) =>
  tui
    .screen()
    .split('\n')
    .findIndex((l) => new RegExp(`^│ [> ] ${name} `).test(l));

async function twoContainers() {
  const g = group();
  const ids = await runSleepers(docker, g, ['a', 'b']);
  created.push(...ids.values());
  const b = ids.get(`${g}-b`)!;
  await docker.getContainer(b).stop({ t: 0 });
  await waitState(docker, b, 'exited');
  return g;
}

describe('no colour', () => {
  it('NO_COLOR: no colour codes or coloured cells; the selection has a marker and reverse video; states as text', async () => {
    const g = await twoContainers();
    const tui = await launchDtui({ env: { NO_COLOR: '1' } });
    try {
      await filterTo(tui, g);
      const screen = await tui.waitForScreen((s) => new RegExp(`│ > ${g}-[ab] `).test(s) && s.includes(`${g}-a`) && s.includes(`${g}-b`));
      expect(screen).toMatch(new RegExp(`│ [> ] ${g}-a .*running`));
      expect(screen).toMatch(new RegExp(`│ [> ] ${g}-b .*exited`));
      // The selected row (marked >) is drawn in reverse video in the focused pane.
      const selected = screen.split('\n').findIndex((l) => l.startsWith('│ > '));
      expect(
        tui
          .cells(selected)
          .slice(2, 10)
          .every((c) => c.inverse),
      ).toBe(true);
      await tui.press('down');
      await tui.waitForScreen(() => {
        const lines = tui.screen().split('\n');
        return lines.findIndex((l) => l.startsWith('│ > ')) !== selected && lines.some((l) => l.startsWith('│ > '));
      });
      expect(colourCodes(tui.raw())).toEqual([]);
      expect(colouredCells(tui, 45)).toEqual([]);
    } finally {
      await tui.kill();
    }
  });

  it('TERM=dumb: no colour codes either, and the marker alone shows the selection', async () => {
    const g = await twoContainers();
    // node-pty sets TERM from its terminal name: `env` sets it for dtui itself.
    const tui = spawnTui({ command: 'env', args: ['TERM=dumb', 'bin/dtui'], env: { DOCKER_HOST: process.env[ENV.dockerHost] } });
    await tui.waitForText(/\[1\] Containers \(\d+/, { timeout: 15_000 });
    try {
      await filterTo(tui, g);
      await tui.waitForScreen((s) => new RegExp(`│ > ${g}-[ab] `).test(s));
      expect(rowIndex(tui, `${g}-a`)).toBeGreaterThan(0);
      // The active detail tab is bracketed (reverse video is gone too under TERM=dumb).
      expect(tui.screen()).toContain('[Logs l]');
      expect(colourCodes(tui.raw())).toEqual([]);
      expect(colouredCells(tui, 45)).toEqual([]);
    } finally {
      await tui.kill();
    }
  });

  it('with colour (the default), the same screen does use colour: the check above can fail', async () => {
    const g = await twoContainers();
    const tui = await launchDtui();
    try {
      await filterTo(tui, g);
      await tui.waitForText(`${g}-b`);
      expect(colourCodes(tui.raw()).length).toBeGreaterThan(0);
      expect(colouredCells(tui, 45).length).toBeGreaterThan(0);
      expect(tui.screen()).not.toMatch(new RegExp(`│ > ${g}`));
    } finally {
      await tui.kill();
    }
  });
});
