// The list's CPU%/MEM columns are sampled (one-shot stats every few seconds), and the
// Stats tab of the selected container is live (one stream, a sample a second).
import { afterAll, describe, expect, it } from 'vitest';
import { runTestContainer, testDocker, uniqueName } from '../support/engine.js';
import { filterTo, launchDtui } from '../support/dtui.js';
import type { TuiHarness } from '../support/pty-harness.js';

describe('sampled CPU/MEM columns and the live Stats tab', () => {
  const docker = testDocker();
  const ids: string[] = [];
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
  });

  it("fills in a running container's CPU% and MEM cells on the list, then shows live values in the Stats tab", async () => {
    const name = uniqueName('sampled-busy');
    ids.push(await runTestContainer(docker, { name, cmd: ['sh', '-c', 'while :; do :; done'] }));
    const running = await docker.getContainer(ids[0]!).inspect();
    expect(running.State.Running).toBe(true);
    tui = await launchDtui();
    await filterTo(tui, name);
    // The row: NAME … STATE running, CPU% a number (two samples of our own), MEM a size.
    // The NAME column cuts long names short: the row is known by the name's start.
    const rowOf = (s: string) => s.split('\n').find((l) => l.includes(name.slice(0, 20)) && /running\s+\S+%/.test(l)) ?? '';
    const cpuCell = (s: string) => Number(/running\s+(\d+\.\d)%/.exec(rowOf(s))?.[1] ?? -1);
    const listed = await tui.waitForScreen((s) => cpuCell(s) >= 1 && /\d+\.\d%\s+\d+(\.\d+)?(?:[KMG]i)?B\b/.test(rowOf(s)), { timeout: 20_000 });
    expect(rowOf(listed)).toMatch(/running\s+\d+\.\d%\s+\d+(\.\d+)?(?:[KMG]i)?B/);
    // The Stats tab of the selected container follows the engine live (its own stream).
    await tui.press('m');
    const bars = (s: string) => /[▁▂▃▄▅▆▇█]+/.exec(s.split('\n').find((l) => /[▁▂▃▄▅▆▇█]{2,}/.test(l)) ?? '')?.[0].length ?? 0;
    const first = await tui.waitForScreen((s) => /CPU\s+\d+\.\d+%/.test(s) && bars(s) >= 2, { timeout: 15_000 });
    // More samples arrive while the tab stays open: the sparkline grows (one bar a second).
    await tui.waitForScreen((s) => bars(s) >= bars(first) + 2, { timeout: 15_000 });
    await tui.kill();
  });

  it('keeps CPU% and MEM when another pane was in front a moment: back on the list, never "…"', async () => {
    const name = uniqueName('sampled-back');
    ids.push(await runTestContainer(docker, { name, cmd: ['sh', '-c', 'while :; do :; done'] }));
    tui = await launchDtui();
    await filterTo(tui, name);
    // The list's row, not the title line (which names the container too, and says running).
    const rowOf = (s: string) => s.split('\n').find((l) => l.includes(name.slice(0, 20)) && !l.includes('[1] Containers')) ?? '';
    const cpuCell = (s: string) => /running\s+(\S+%|…)/.exec(rowOf(s))?.[1];
    await tui.waitForScreen((s) => /^\d+\.\d%$/.test(cpuCell(s) ?? ''), { timeout: 20_000 });
    // Projects takes the list's place; then back to Containers.
    await tui.press('6');
    await tui.waitForText('[6] Projects');
    await tui.press('1');
    // Every frame from the list's return until its next read: the cells it had, never the
    // '…' of a row whose CPU % waits for a second sample.
    const seen: string[] = [];
    await tui.waitForScreen(
      (s) => {
        if (!s.includes('[1] Containers')) return false;
        const cell = cpuCell(s);
        if (cell) seen.push(cell);
        return seen.length >= 3;
      },
      { timeout: 15_000 },
    );
    expect(seen.filter((c) => c === '…')).toEqual([]);
    await tui.kill();
  });

  it('says on the Engine pane how fresh the columns are', async () => {
    tui = await launchDtui();
    await tui.press('4');
    await tui.waitForText(/Container stats\s+CPU\/MEM every 5 s/);
    await tui.kill();
  });
});
