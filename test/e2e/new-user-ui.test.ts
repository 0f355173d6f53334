// What a new user hits (issue 15), on the real engine at 80×24 and 160×45: the header names
// every pane with its key (and a click on one goes there), the detail tabs stay named in a
// narrow pane, the hint bar offers the keys that act where the pane is, the Inspect tab
// wraps and exports long values, Top shows whole commands, and the Containers list toggles
// running-only like `docker ps` / `docker ps -a` and can show ID and COMMAND.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runTestContainer, testDocker } from '../support/engine.js';
import { filterTo, launchDtui } from '../support/dtui.js';
import { group, hintsOf, listedNames, removeQuietly, SLEEPER } from '../support/core-e2e.js';
import type { TuiHarness } from '../support/pty-harness.js';

const docker = testDocker();
const created: string[] = [];
const dir = mkdtempSync(join(tmpdir(), 'dtui-newui-'));
afterAll(async () => {
  await removeQuietly(docker, created);
  rmSync(dir, { recursive: true, force: true });
});

const SIZES = [
  { cols: 80, rows: 24 },
  { cols: 160, rows: 45 },
] as const;

/** A left click at a 0-based cell: press and release. */
const click = (tui: TuiHarness, x: number, y: number) => tui.type(`\x1b[<0;${x + 1};${y + 1}M\x1b[<0;${x + 1};${y + 1}m`);

/** Whether the test engine is a swarm manager (another test file may have made it one). */
async function isManager(): Promise<boolean> {
  const info = (await docker.info()) as { Swarm?: { LocalNodeState?: string; ControlAvailable?: boolean } };
  return info.Swarm?.LocalNodeState === 'active' && info.Swarm.ControlAvailable === true;
}

describe('what a new user hits', () => {
  for (const size of SIZES) {
    it(`the header lists every pane with its key at ${size.cols}×${size.rows}; a click on one goes there`, async () => {
      const tui = await launchDtui(size);
      try {
        const tabs = tui.line(1);
        const swarm = (await isManager()) ? ' {2}7 Services {2}8 Nodes {2}9 Tasks' : '';
        const full = new RegExp(`^ 1 Containers {2}2 Images {2}3 Volumes {2}4 Engine {2}5 Networks {2}6 Projects${swarm} {2}0 Engines`);
        // 80 columns hold every name without swarm panes; with them, the short names.
        if (size.cols >= 160 || !swarm) expect(tabs).toMatch(full);
        else expect(tabs).toMatch(/^ 1 Cont {2}2 Img {2}3 Vol {2}4 Eng {2}5 Net {2}6 Proj/);
        // Every key is there whatever the width.
        for (const key of ['1', '2', '3', '4', '5', '6', '0']) expect(tabs).toMatch(new RegExp(`(?:^| )${key} `));
        // The Volumes tab, clicked: the Volumes pane takes the body.
        const x = tabs.indexOf('3 Vol');
        await click(tui, x + 1, 1);
        await tui.waitForText(/\[3\] Volumes \(\d+/);
        // And 4, pressed: the Engine view.
        await tui.press('4');
        await tui.waitForText(/CPUs \/ memory/);
        expect(tui.line(1)).toMatch(/4 Eng/);
      } finally {
        await tui.kill();
      }
    });
  }

  it('at 80 columns the detail tabs stay named, and the hint bar offers E run cmd; beside an image, no container keys', async () => {
    const g = group();
    const name = `${g}-hint`;
    created.push(await runTestContainer(docker, { name, cmd: SLEEPER }));
    const tui = await launchDtui({ cols: 80, rows: 24 });
    try {
      await filterTo(tui, g);
      // The only row: selected (at 80 columns the detail title has no room for its name).
      await tui.waitForScreen(() => listedNames(tui, g).join() === name);
      await tui.waitForText(/Log l {2}Top t {2}Stat m {2}Insp i/);
      // Once the filter is kept, the list's keys: E among them at 80 columns.
      await tui.waitForScreen((s) => hintsOf(s).includes('E run cmd'));
      expect(hintsOf(tui.screen())).toEqual(expect.arrayContaining(['s stop', 'e shell', 'E run cmd', '? help']));
      // The Images list, then its inspect: the hints are the image's and the Inspect tab's.
      await tui.press('2');
      await tui.waitForText(/\[2\] Images/);
      await tui.press('i');
      const image = await tui.waitForText('"RepoTags": [');
      expect(image).toMatch(/Insp i\s+Image/);
      const hints = hintsOf(image);
      expect(hints).toEqual(expect.arrayContaining(['w wrap', 'o save', 'd remove']));
      // No container key, and no image key the detail pane takes for itself (t is Top here, n next match).
      for (const wrong of ['s stop', 'l logs', 't top', 't tag', 'n run', 'e shell']) expect(hints).not.toContain(wrong);
    } finally {
      await tui.kill();
    }
  });

  it('Inspect at 80 columns: w wraps a long value into view, o exports the whole JSON to a file', async () => {
    const g = group();
    const name = `${g}-insp`;
    const long = `LONG=${'v'.repeat(150)}-INSPECT-END`;
    const id = await runTestContainer(docker, { name, cmd: SLEEPER, env: [long] });
    created.push(id);
    const tui = await launchDtui({ cols: 80, rows: 24 });
    try {
      await filterTo(tui, g);
      // The only row: selected (at 80 columns the detail title has no room for its name).
      await tui.waitForScreen(() => listedNames(tui, g).join() === name);
      await tui.press('i');
      await tui.waitForText('"Id":');
      await tui.press('/');
      await tui.type('LONG=');
      await tui.press('enter');
      await tui.waitForText(/"LONG=v+/);
      expect(tui.screen()).not.toContain('INSPECT-END');
      await tui.press('w');
      await tui.waitForText('INSPECT-END');
      // Back to one line per value.
      await tui.press('w');
      await tui.waitForScreen((s) => !s.includes('INSPECT-END') && s.includes('"LONG=vvv'));

      const path = join(dir, `${name}.json`);
      await tui.press('o');
      await tui.waitForText(`Export the inspect JSON of ${name}`);
      await tui.press('\x15'); // Ctrl+U clears the field
      await tui.type(path);
      await tui.press('enter');
      await tui.waitForText(new RegExp(`Wrote \\d+ lines of ${name}'s inspect JSON`));
      const written = JSON.parse(readFileSync(path, 'utf8')) as { Id: string; Config: { Env: string[] } };
      const engine = await docker.getContainer(id).inspect();
      expect(written.Id).toBe(engine.Id);
      expect(written.Config.Env).toContain(long);
    } finally {
      await tui.kill();
    }
  });

  it("Top at 80 columns keeps CMD, and w shows a process's whole command", async () => {
    const g = group();
    const name = `${g}-top`;
    // sh stays the parent of sleep, so its whole command line is a process's CMD.
    const script = `sleep 3600; echo ${'x'.repeat(90)} CMD-END-MARK`;
    const id = await runTestContainer(docker, { name, cmd: ['sh', '-c', script] });
    created.push(id);
    const tui = await launchDtui({ cols: 80, rows: 24 });
    try {
      const top = await docker.getContainer(id).top();
      expect(JSON.stringify(top)).toContain('CMD-END-MARK');
      await filterTo(tui, g);
      // The only row: selected (at 80 columns the detail title has no room for its name).
      await tui.waitForScreen(() => listedNames(tui, g).join() === name);
      await tui.press('t');
      // PID and CMD stay; TIME too where it fits, the other columns give way.
      const table = await tui.waitForText(/PID\s+(?:TIME\s+)?CMD/);
      expect(table).toMatch(/sh -c sleep/);
      expect(table).not.toContain('CMD-END-MARK');
      await tui.press('w');
      // Wrapped under its PID: the detail pane's rows, joined, hold the whole command.
      const pane = (screen: string) =>
        screen
          .split('\n')
          .map((l) =>
            l
              .slice(l.lastIndexOf('││') + 2)
              .replace(/│\s*$/, '')
              .trim(),
          )
          .join('');
      await tui.waitForScreen((screen) => pane(screen).includes('CMD-END-MARK'));
      await tui.press('w');
      await tui.waitForScreen((s) => /PID\s+(?:TIME\s+)?CMD/.test(s) && !s.includes('CMD-END-MARK'));
    } finally {
      await tui.kill();
    }
  });

  it('A shows running containers only (docker ps), A again all (docker ps -a); ID and COMMAND columns from the config', async () => {
    const g = group();
    const up = `${g}-up`;
    const down = `${g}-down`;
    const upId = await runTestContainer(docker, { name: up, cmd: SLEEPER });
    const downId = await runTestContainer(docker, { name: down, cmd: ['true'] });
    created.push(upId, downId);
    await docker.getContainer(downId).wait();
    const config = join(dir, 'columns.yml');
    writeFileSync(config, 'look:\n  columns:\n    containers: [NAME, ID, STATE, COMMAND]\n');
    const tui = await launchDtui({ args: ['--config', config] });
    try {
      await filterTo(tui, g);
      await tui.waitForScreen(() => listedNames(tui, g).length === 2);
      const both = tui.screen();
      // ID and COMMAND as docker ps shows them.
      expect(both).toMatch(/NAME\s+ID\s+STATE\s+COMMAND/);
      expect(both).toContain(upId.slice(0, 12));
      expect(both).toMatch(/"sh -c 'trap/);
      await tui.press('A');
      await tui.waitForText(/\[1\] Containers · running only \(1\/\d+\)/);
      expect(listedNames(tui, g)).toEqual([up]);
      expect((await docker.getContainer(downId).inspect()).State.Status).toBe('exited');
      await tui.press('A');
      await tui.waitForScreen(() => listedNames(tui, g).length === 2 && !tui.screen().includes('running only'));
    } finally {
      await tui.kill();
    }
  });
});
