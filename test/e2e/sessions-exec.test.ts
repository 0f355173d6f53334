// e and E: an interactive exec through the Engine API, and back to the same place.
import { afterAll, describe, expect, it } from 'vitest';
import { onPodman } from '../support/podman.js';
import { runTestContainer, testDocker, waitFor } from '../support/engine.js';
import { filterTo, launchDtui } from '../support/dtui.js';
import { expectContainerSize, expectTerminalRestored, markTerminal } from './session-helpers.js';
import { group } from '../support/core-e2e.js';

describe('exec sessions', () => {
  const docker = testDocker();
  const prefix = `ex-${group()}`; // short: the detail pane's title must show the name in full
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

  it('e opens sh, runs a command, and exit returns to the same filtered selection', async () => {
    const names = [`${prefix}-a`, `${prefix}-b`];
    for (const name of names) ids.push(await runTestContainer(docker, { name, cmd: ['sleep', '3600'] }));
    // dtui lists newest first (then by name): the last row is the one that is not selected at first.
    const created = await Promise.all(names.map(async (n) => ({ n, t: Math.floor(Date.parse((await docker.getContainer(n).inspect()).Created) / 1000) })));
    const second = created.sort((x, y) => y.t - x.t || x.n.localeCompare(y.n))[1]!.n;
    const tui = await launchDtui();
    try {
      await filterTo(tui, prefix);
      await tui.waitForText('Containers (2/');
      // Select the last match: the detail pane's title names the selected container.
      await tui.press('G');
      await tui.waitForText(new RegExp(`(?:Logs l|Top t|Stats m|Inspect i)\\s+${second} running`));
      const mark = await markTerminal(tui);
      await tui.press('e');
      await tui.waitForText('/ #');
      await tui.type('echo $((6*7))\r');
      await tui.waitForText(/^42$/m);
      await tui.type('exit\r');
      const back = await tui.waitForText(`exec sh in ${second} exited with code 0`);
      expect(back).toMatch(new RegExp(`(?:Logs l|Top t|Stats m|Inspect i)\\s+${second} running`));
      expect(back).toContain(`/${prefix}`);
      await expectTerminalRestored(tui, mark, '42');
      // The app still takes keys after the remount.
      await tui.press('q');
      expect((await tui.exited).exitCode).toBe(0);
    } finally {
      await tui.kill('SIGKILL');
    }
  });

  it('E runs a typed command with quotes and shows its exit code', async () => {
    const name = `${prefix}-c`;
    ids.push(await runTestContainer(docker, { name, cmd: ['sleep', '3600'] }));
    const tui = await launchDtui();
    try {
      await filterTo(tui, name);
      await tui.waitForText(new RegExp(`(?:Logs l|Top t|Stats m|Inspect i)\\s+${name} running`));
      const mark = await markTerminal(tui);
      await tui.press('E');
      await tui.waitForText('Command');
      await tui.type(`sh -c 'echo "in  quotes"; exit 3'`);
      await tui.press('enter');
      const back = await tui.waitForText(`exited with code 3`);
      expect(back).toContain(`in ${name}`);
      // E keeps the output on screen until a key (issue 15): one key returns to dtui.
      await tui.press('enter');
      await tui.waitForScreen((s) => s.includes('exited with code 3') && !s.includes('press any key'));
      await expectTerminalRestored(tui, mark, 'in  quotes');
    } finally {
      await tui.kill('SIGKILL');
    }
  });

  it('a resize during the session reaches the container, and Ctrl+C reaches its process', async () => {
    const name = `${prefix}-size`;
    ids.push(await runTestContainer(docker, { name, cmd: ['sleep', '3600'] }));
    const tui = await launchDtui();
    try {
      await filterTo(tui, name);
      await tui.waitForText(new RegExp(`(?:Logs l|Top t|Stats m|Inspect i)\\s+${name} running`));
      await tui.press('e');
      await tui.waitForText('/ #');
      await tui.type('stty size\r');
      await tui.waitForText(/^45 160\s*$/m);
      tui.resize(100, 30);
      await expectContainerSize(tui, 30, 100);
      // Ctrl+C interrupts the container's foreground process, and dtui stays in the session.
      await tui.type('sleep 100\r');
      const container = docker.getContainer(ids.at(-1)!);
      await waitFor(async () => JSON.stringify(await container.top()).includes('sleep 100'), { message: 'sleep 100 to run in the exec' });
      await tui.press('ctrl-c');
      await tui.type('echo after-$((1+1))\r');
      await tui.waitForText(/^after-2\s*$/m);
      await tui.press('ctrl-d');
      await tui.waitForText(`exec sh in ${name} exited with code 0`);
    } finally {
      await tui.kill('SIGKILL');
    }
  });

  it('a container killed during the session brings dtui back with a status line', async () => {
    const name = `${prefix}-killed`;
    const id = await runTestContainer(docker, { name, cmd: ['sleep', '3600'] });
    ids.push(id);
    const tui = await launchDtui();
    try {
      await filterTo(tui, name);
      await tui.waitForText(new RegExp(`(?:Logs l|Top t|Stats m|Inspect i)\\s+${name} running`));
      const mark = await markTerminal(tui);
      await tui.press('e');
      await tui.waitForText('/ #');
      await tui.type('echo before-kill\r');
      await tui.waitForText(/^before-kill\s*$/m);
      await docker.getContainer(id).kill();
      await tui.waitForText(new RegExp(`exec sh in ${name} (exited with code \\d+|ended)`));
      await expectTerminalRestored(tui, mark, 'before-kill');
      await tui.press('?');
      await tui.waitForText('Keys — Esc or ? to close');
    } finally {
      await tui.kill('SIGKILL');
    }
  });

  it('Ctrl+P Ctrl+Q detaches from an e shell: the shell keeps running, and the status line says how to find it', async () => {
    const name = `${prefix}-detach`;
    const id = await runTestContainer(docker, { name, cmd: ['sleep', '3600'] });
    ids.push(id);
    const tui = await launchDtui();
    try {
      await filterTo(tui, name);
      await tui.waitForText(new RegExp(`(?:Logs l|Top t|Stats m|Inspect i)\\s+${name} running`));
      await tui.press('e');
      await tui.waitForText('/ #');
      // A marker process of the shell: it must outlive the detach with the shell itself.
      await tui.type('sleep 4242 &\r');
      const container = docker.getContainer(id);
      await waitFor(async () => JSON.stringify(await container.top()).includes('sleep 4242'), { message: 'sleep 4242 to run in the exec' });
      await tui.press('ctrl-p', 'ctrl-q');
      const back = await tui.waitForText(`exec sh in ${name}: detached`);
      expect(back).not.toMatch(/exited with code/);
      expect(back).toMatch(/sh keeps running \(an exec cannot be re-attached/);
      // The engine still runs the shell and its child: nothing was killed by the detach.
      // Each process's command: the last column (Podman's top gives a row as one string: its command follows the numbers).
      const processes = async () =>
        ((await container.top()).Processes as string[][]).map((p) => (p.length === 1 ? (p[0] ?? '').replace(/^\s*(?:\d+\s+)+/, '') : (p.at(-1) ?? '')));
      expect(await processes()).toContain('sleep 4242');
      expect((await processes()).filter((cmd: string) => /^(\/bin\/)?sh$/.test(cmd)).length).toBe(1);
      const execs = (await container.inspect()).ExecIDs ?? [];
      const running = await Promise.all(execs.map(async (e) => (await docker.getExec(e).inspect()).Running));
      expect(running).toContain(true);
    } finally {
      await tui.kill('SIGKILL');
    }
  });

  it('SIGTERM during a session ends dtui cleanly', async () => {
    const name = `${prefix}-term`;
    ids.push(await runTestContainer(docker, { name, cmd: ['sleep', '3600'] }));
    const tui = await launchDtui();
    try {
      await filterTo(tui, name);
      await tui.waitForText(new RegExp(`(?:Logs l|Top t|Stats m|Inspect i)\\s+${name} running`));
      await tui.press('e');
      await tui.waitForText('/ #');
      const exit = await tui.kill('SIGTERM');
      expect(exit.exitCode).toBe(0);
      // No dtui screen was drawn again over the session.
      const raw = tui.raw();
      expect(raw.lastIndexOf('\x1b[?1049h')).toBeLessThan(raw.lastIndexOf('\x1b[?1049l'));
    } finally {
      await tui.kill('SIGKILL');
    }
  });

  it('exec in a stopped container is a status message, and dtui keeps running', async () => {
    const name = `${prefix}-stopped`;
    ids.push(await runTestContainer(docker, { name, cmd: ['true'] }));
    await docker.getContainer(ids.at(-1)!).wait();
    const tui = await launchDtui();
    try {
      await filterTo(tui, name);
      await tui.waitForText(new RegExp(`(?:Logs l|Top t|Stats m|Inspect i)\\s+${name} exited`));
      await tui.press('e');
      // Podman refuses with 500 and its own reason where dockerd answers 409.
      await tui.waitForText(onPodman() ? /Cannot exec .*500: can only create exec sessions on running containers/ : /Cannot exec in .*409/);
      // Still alive and answering keys.
      await tui.press('?');
      await tui.waitForText('Keys — Esc or ? to close');
    } finally {
      await tui.kill('SIGKILL');
    }
  });
});
