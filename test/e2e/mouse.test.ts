// The mouse through a real pty, as SGR reports (ESC [ < b ; x ; y M/m): a click selects
// a row, a pane and a detail tab, the wheel moves the list and scrolls the log, a click on
// a dialog's key label answers it (the engine agrees), a click in a form focuses a field or
// presses a key of its keys line, and quitting turns reporting off.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runTestContainer, testDocker } from '../support/engine.js';
import { filterTo, launchDtui } from '../support/dtui.js';
import { group, listedNames, removeQuietly, runSleepers, selectedName, stateOf, waitSelected } from '../support/core-e2e.js';
import type { TuiHarness } from '../support/pty-harness.js';
import { inspectNetwork, removeTestNetworks } from './networks-helpers.js';

const docker = testDocker();
const created: string[] = [];
/** The form test's network subnet (other networks tests use other 10.231.x ranges). */
const SUBNET_PREFIX = '10.231.77';
afterAll(() => removeQuietly(docker, created));

/** A left click at a 0-based cell: press and release. */
const click = (tui: TuiHarness, x: number, y: number) => tui.type(`\x1b[<0;${x + 1};${y + 1}M\x1b[<0;${x + 1};${y + 1}m`);
const wheel = (tui: TuiHarness, x: number, y: number, dir: 'up' | 'down') => tui.type(`\x1b[<${dir === 'up' ? 64 : 65};${x + 1};${y + 1}M`);

/** Screen line and column where `text` first appears. */
function find(tui: TuiHarness, text: string | RegExp): { x: number; y: number } {
  const lines = tui.screen().split('\n');
  for (let y = 0; y < lines.length; y++) {
    const m = typeof text === 'string' ? lines[y]!.indexOf(text) : (text.exec(lines[y]!)?.index ?? -1);
    if (m >= 0) return { x: m, y };
  }
  throw new Error(`${String(text)} is not on screen:\n${tui.screen()}`);
}

describe('mouse', () => {
  it('turns on click + SGR reporting, and off again on quit', async () => {
    const tui = await launchDtui();
    expect(tui.modes().mouseTrackingMode).toBe('vt200');
    expect(tui.raw()).toContain('\x1b[?1006h');
    await tui.press('q');
    await tui.exited;
    expect(tui.modes().mouseTrackingMode).toBe('none');
    expect(tui.raw().lastIndexOf('\x1b[?1000l')).toBeGreaterThan(tui.raw().lastIndexOf('\x1b[?1000h'));
  });

  it('look.mouse: false leaves the mouse to the terminal: no reporting is asked for', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'dtui-cfg-')), 'config.yml');
    writeFileSync(file, 'look:\n  mouse: false\n');
    const tui = await launchDtui({ args: ['--config', file] });
    try {
      expect(tui.modes().mouseTrackingMode).toBe('none');
      expect(tui.raw()).not.toContain('\x1b[?1000h');
    } finally {
      await tui.kill();
    }
  });

  it('a click selects a row, a pane and a tab; the wheel moves the selection', async () => {
    const g = group();
    const ids = await runSleepers(docker, g, ['a', 'b', 'c', 'd', 'e', 'f']);
    created.push(...ids.values());
    const tui = await launchDtui();
    try {
      await filterTo(tui, g);
      await tui.waitForScreen(() => listedNames(tui, g).length === 6);
      const names = listedNames(tui, g);
      await waitSelected(tui, names[0]!);

      const third = find(tui, `│ ${names[2]} `);
      await click(tui, third.x + 4, third.y);
      await waitSelected(tui, names[2]!);

      // Three rows per notch, down then up.
      await wheel(tui, third.x + 4, third.y, 'down');
      await waitSelected(tui, names[5]!);
      await wheel(tui, third.x + 4, third.y, 'up');
      await waitSelected(tui, names[2]!);

      // A tab of the detail pane: Top.
      const top = find(tui, 'Top t');
      await click(tui, top.x + 1, top.y);
      await tui.waitForScreen((s) => /PID|Reading processes/.test(s));
      expect(selectedName(tui)).toBe(names[2]);

      // The Images pane: focus moves there (its keys in the hint bar).
      const images = find(tui, 'dtui-test/busybox');
      await click(tui, images.x + 2, images.y);
      await tui.waitForScreen((s) => /\bh history\b/.test(s.split('\n').at(-2) ?? s));
    } finally {
      await tui.kill();
    }
  });

  it('the wheel scrolls the log; a click on "n/Esc cancel" cancels a dialog, on "y confirm" confirms it', async () => {
    const g = group();
    const name = `${g}-log`;
    const id = await runTestContainer(docker, { name, cmd: ['sh', '-c', 'i=0; while [ $i -lt 300 ]; do echo line-$i; i=$((i+1)); done; sleep 3600'] });
    created.push(id);
    const tui = await launchDtui();
    try {
      await filterTo(tui, g);
      await waitSelected(tui, name);
      await tui.waitForText('line-299');
      const log = find(tui, 'line-299');
      await wheel(tui, log.x, log.y, 'up');
      await tui.waitForScreen((s) => s.includes('paused at line') && !s.includes('line-299'));

      await tui.press('1');
      await tui.press('d');
      await tui.waitForText(`Remove container ${name}?`);
      const cancel = find(tui, 'cancel (default No)');
      await click(tui, cancel.x, cancel.y);
      await tui.waitForScreen((s) => !s.includes(`Remove container ${name}?`));
      expect(await stateOf(docker, id)).toBe('running');

      await tui.press('d');
      await tui.waitForText(`Remove container ${name}?`);
      const yes = find(tui, /y confirm/);
      await click(tui, yes.x, yes.y);
      await tui.waitForText(`Removed ${name}`, { timeout: 20_000 });
      expect(await stateOf(docker, id)).toBeUndefined();
    } finally {
      await tui.kill();
    }
  });

  it('in a form a click focuses the field, a second click on a checkbox toggles it, "Enter submit" submits (the engine has it)', async () => {
    const g = group();
    const name = `${g}-net`;
    await removeTestNetworks(docker, [name], SUBNET_PREFIX);
    const tui = await launchDtui();
    try {
      await tui.press('5');
      await tui.waitForText(/\[5\] Networks/);
      await tui.press('c');
      await tui.waitForText('› Name');
      // The Subnet field by a click: what is typed next goes there.
      const subnet = find(tui, '  Subnet');
      await click(tui, subnet.x + 4, subnet.y);
      await tui.waitForText('› Subnet');
      await tui.type(`${SUBNET_PREFIX}.0/24`);
      await tui.waitForText(`${SUBNET_PREFIX}.0/24`);
      const nameField = find(tui, '  Name ');
      await click(tui, nameField.x + 4, nameField.y);
      await tui.waitForText('› Name');
      await tui.type(name);
      await tui.waitForText(name);
      // The first click on a checkbox focuses it, the second toggles it.
      const internal = find(tui, '  Internal (');
      await click(tui, internal.x + 4, internal.y);
      await tui.waitForText('› Internal (');
      expect(tui.screen()).not.toMatch(/› Internal \([^\n]*\[x\]/);
      await click(tui, internal.x + 4, internal.y);
      await tui.waitForScreen((s) => /› Internal \([^\n]*\[x\]/.test(s));
      const submit = find(tui, 'Enter submit');
      await click(tui, submit.x + 1, submit.y);
      await tui.waitForText(`Created network ${name}`, { timeout: 20_000 });
      const info = await inspectNetwork(docker, name);
      expect(info?.Internal).toBe(true);
      expect(info?.IPAM?.Config?.[0]?.Subnet).toBe(`${SUBNET_PREFIX}.0/24`);
    } finally {
      await tui.kill();
      await removeTestNetworks(docker, [name], SUBNET_PREFIX);
    }
  });
});
