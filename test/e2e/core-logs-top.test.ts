// The detail pane against the real engine: Logs shows the last 1000 lines then follows
// live (scrolling up pauses, End resumes), Top shows `docker top` and refreshes itself.
import type Docker from 'dockerode';
import { afterAll, describe, expect, it } from 'vitest';
import { onPodman } from '../support/podman.js';
import { PODMAN_TOP_ARGS } from '../../src/engine/models/top.js';
import { runTestContainer, testDocker } from '../support/engine.js';
import { filterTo, launchDtui } from '../support/dtui.js';
import type { TuiHarness } from '../support/pty-harness.js';
import { group, hintedPane, removeQuietly, waitSelected } from '../support/core-e2e.js';

const docker = testDocker();
const created: string[] = [];
afterAll(() => removeQuietly(docker, created));

/** Runs `cmd` inside the container and waits for it to finish. */
async function execIn(docker: Docker, id: string, cmd: string[], detach = false): Promise<void> {
  const exec = await docker.getContainer(id).exec({ Cmd: cmd, AttachStdout: !detach, AttachStderr: !detach });
  const stream = await exec.start({ Detach: detach });
  if (detach) return;
  await new Promise<void>((resolve) => {
    stream.on('end', resolve);
    stream.resume();
  });
}

/** Log lines shown in the detail pane (right half of the screen), top to bottom, after the
 * one-cell gutter that marks stderr. */
function logLines(tui: TuiHarness): string[] {
  return tui
    .screen()
    .split('\n')
    .map((l) => /│ [ ▌](line \d+)\s*│$/.exec(l)?.[1])
    .filter((l): l is string => !!l);
}
const lastShown = (tui: TuiHarness) => logLines(tui).at(-1);

describe('logs', () => {
  it('shows the last 1000 of 1500 lines, then follows; scrolling up pauses and End resumes', async () => {
    const g = group();
    const name = `${g}-log`;
    // 0..1499 at once, then one line per 0.2 s once the test says go.
    const script =
      'i=0; while [ $i -lt 1500 ]; do echo "line $i"; i=$((i+1)); done; ' +
      'while [ ! -f /tmp/go ]; do sleep 0.1; done; while true; do echo "line $i"; i=$((i+1)); sleep 0.2; done';
    const id = await runTestContainer(docker, { name, cmd: ['sh', '-c', script] });
    created.push(id);
    const tui = await launchDtui();
    try {
      await filterTo(tui, g);
      await waitSelected(tui, name);
      await tui.press('enter');
      await tui.waitForScreen(() => lastShown(tui) === 'line 1499' && /following · 1,000 lines/.test(tui.screen()));
      // Home: the first line held is 500 — exactly the last 1000.
      await tui.press('home');
      await tui.waitForScreen(() => logLines(tui)[0] === 'line 500' && /paused at line 1 · End\S* to follow/.test(tui.screen()));
      await tui.press('end');
      await tui.waitForScreen(() => lastShown(tui) === 'line 1499' && tui.screen().includes('following ·'));

      await execIn(docker, id, ['touch', '/tmp/go']);
      // At least: an engine may hand over several new lines in one read (Podman does), so the
      // frame showing exactly 'line 1502' last can be skipped.
      await tui.waitForScreen(() => Number(lastShown(tui)?.slice(5)) >= 1502);
      // Scroll up: the view stays put while lines keep arriving.
      await tui.press('up');
      const paused = await tui.waitForText(/paused at line/);
      const held = lastShown(tui);
      const total = Number(/· ([\d,]+) lines/.exec(paused)![1]!.replace(/,/g, ''));
      await tui.waitForScreen((s) => Number(/· ([\d,]+) lines/.exec(s)?.[1]?.replace(/,/g, '')) >= total + 3);
      expect(lastShown(tui)).toBe(held);
      // End: following again, at the newest line.
      await tui.press('end');
      await tui.waitForScreen(() => tui.screen().includes('following ·') && Number(lastShown(tui)!.slice(5)) > Number(held!.slice(5)) + 2);
    } finally {
      await tui.kill();
    }
  });

  it('Shift+Tab reaches the detail pane, where PgUp/PgDn and k/j scroll the log', async () => {
    const g = group();
    const name = `${g}-pg`;
    const id = await runTestContainer(docker, { name, cmd: ['sh', '-c', 'i=0; while [ $i -lt 300 ]; do echo "line $i"; i=$((i+1)); done; sleep 3600'] });
    created.push(id);
    const tui = await launchDtui();
    try {
      await filterTo(tui, g);
      await waitSelected(tui, name);
      await tui.press('shift-tab');
      await tui.waitForScreen(() => lastShown(tui) === 'line 299' && hintedPane(tui.screen()) === 'detail');
      const height = logLines(tui).length;
      await tui.press('pgup');
      await tui.waitForScreen(() => lastShown(tui) === `line ${299 - height}`);
      await tui.press('k');
      await tui.waitForScreen(() => lastShown(tui) === `line ${298 - height}`);
      await tui.press('j', 'pgdn');
      await tui.waitForScreen(() => lastShown(tui) === 'line 299' && tui.screen().includes('following ·'));
      // Nothing above was dropped: the engine holds exactly what we showed.
      const log = (await docker.getContainer(id).logs({ stdout: true, tail: 1 })).toString();
      expect(log).toContain('line 299');
    } finally {
      await tui.kill();
    }
  });
});

describe('top', () => {
  it('t shows the processes like docker top and refreshes them while shown', async () => {
    const g = group();
    const name = `${g}-top`;
    const id = await runTestContainer(docker, { name, cmd: ['sh', '-c', "trap 'exit 0' TERM; sleep 3600 & wait"] });
    created.push(id);
    const tui = await launchDtui();
    try {
      await filterTo(tui, g);
      await waitSelected(tui, name);
      await tui.press('t');
      // Podman's top takes its own ps descriptors (dtui asks with those: models/top.ts).
      const podman = onPodman();
      const engineTop = (await docker.getContainer(id).top(podman ? { ps_args: PODMAN_TOP_ARGS } : undefined)) as { Processes: string[][]; Titles: string[] };
      const pids = engineTop.Processes.map((p) => p[engineTop.Titles.indexOf('PID')]!);
      const titles = podman ? /USER\s+PID\s+PPID/ : /UID\s+PID\s+PPID/;
      await tui.waitForScreen((s) => titles.test(s) && pids.every((pid) => s.includes(` ${pid} `)));
      expect(tui.screen()).toContain('sleep 3600');
      // A new process appears without any key: the tab re-reads top every 2 s.
      await execIn(docker, id, ['sleep', '4242'], true);
      await tui.waitForText('sleep 4242', { timeout: 8000 });
      // l goes back to the Logs tab.
      await tui.press('l');
      await tui.waitForScreen((s) => !s.includes('sleep 4242') && /No log output yet|following/.test(s));
    } finally {
      await tui.kill();
    }
  });
});
