// What a container writes to the terminal during a session must not act on dtui after
// it: the terminal's answers to its queries are not keys, the modes it leaves on are
// reset, and a paste is text. Through bin/dtui in a pty whose headless xterm answers
// queries as a terminal does (the harness wires xterm's replies back to the pty).
import { afterAll, describe, expect, it } from 'vitest';
import { TEST_IMAGE, TEST_LABELS, runTestContainer, testDocker } from '../support/engine.js';
import { filterTo, launchDtui } from '../support/dtui.js';
import { group } from '../support/core-e2e.js';
import type { TuiHarness } from '../support/pty-harness.js';

const HELP_TITLE = 'Keys — Esc or ? to close';
// DA1, CPR, DA2, DECRQSS, DSR, DECRQM, XTVERSION, OSC 11 and the kitty keyboard query,
// for printf; $ " \ written in octal so the text survives both quoting styles of sh.
const QUERIES = String.raw`\033[c\033[6n\033[>c\033P\044q\042p\033\134\033[5n\033[?2026\044p\033[>0q\033]11;?\007\033[?u`;
// Modes a careless program leaves behind: line-drawing charset, insert mode, auto-wrap
// off, a scroll region, cursor hidden, mouse reports, reverse video, origin mode.
const MODES = String.raw`\033(0\033[4h\033[?7l\033[5;10r\033[?25l\033[?1000h\033[?5h\033[?6h\033[?1h\033=`;

interface EngineState {
  running: boolean;
  paused: boolean;
  startedAt: string;
  restarts: number;
}

describe('terminal replies, modes and pastes around sessions', () => {
  const docker = testDocker();
  const prefix = `tr-${group()}`;
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

  const state = async (id: string): Promise<EngineState> => {
    const info = await docker.getContainer(id).inspect();
    return { running: info.State.Running, paused: info.State.Paused, startedAt: info.State.StartedAt, restarts: info.RestartCount };
  };

  /** Runs `script` through E (sh -c) in the container and waits until dtui is back. */
  const runInSession = async (tui: TuiHarness, name: string, script: string) => {
    await tui.press('E');
    await tui.waitForText('Command');
    await tui.type(`sh -c '${script}'`);
    await tui.press('enter');
    // E keeps the output on screen until a key (issue 15): one key returns to dtui.
    await tui.waitForText('press any key to return');
    await tui.press('enter');
    const done = new RegExp(`exec sh -c .* in ${name} exited with code 0`);
    return tui.waitForScreen((s) => done.test(s) && !s.includes('press any key'));
  };

  it("the terminal's answers to a session's queries are not keys: nothing stops, no help opens", async () => {
    const name = `${prefix}-q`;
    const id = await runTestContainer(docker, { name, cmd: ['sleep', '3600'] });
    ids.push(id);
    const before = await state(id);
    // The answers come as from a terminal at the end of an ssh link: after the session
    // ended and dtui has the keyboard again, past the short guard after a session.
    const tui = await launchDtui({ replyDelayMs: 400 });
    try {
      await filterTo(tui, name);
      await tui.waitForText(new RegExp(`(?:Logs l|Top t|Stats m|Inspect i)\\s+${name} running`));
      // Printed right before the process exits: the answers reach stdin after dtui has the
      // keyboard back. Twice, once from an exec'ed shell (e) and once from E.
      await tui.press('e');
      await tui.waitForText('/ #');
      await tui.type(`printf '${QUERIES}'; exit\r`);
      let back = await tui.waitForText(`exec sh in ${name} exited with code 0`);
      back = await runInSession(tui, name, `printf "${QUERIES}"`);
      expect(back).not.toContain(HELP_TITLE);
      // Wait until the delayed answers were written to the pty; the next key is sent only
      // once dtui has read them. Had any answer byte been a key, "?" (in DA1's answer)
      // would have opened help and this "?" would close it.
      await tui.waitForPendingReplies();
      await tui.press('?');
      await tui.waitForText(HELP_TITLE);
      await tui.press('esc');
      back = await tui.waitForScreen((s) => !s.includes(HELP_TITLE));
      expect(back).toContain(`/${name}`);
      expect(back).toMatch(new RegExp(`exited with code 0`));
      expect(await state(id)).toEqual(before);
    } finally {
      await tui.kill('SIGKILL');
    }
  });

  it('a paste is text: "text\\rs" lands in the filter and stops nothing; a paste with no field is ignored', async () => {
    const name = `${prefix}-p`;
    const id = await runTestContainer(docker, { name, cmd: ['sleep', '3600'] });
    ids.push(id);
    const before = await state(id);
    const tui = await launchDtui();
    try {
      await filterTo(tui, name);
      await tui.waitForText(new RegExp(`(?:Logs l|Top t|Stats m|Inspect i)\\s+${name} running`));
      // No text field in focus: the paste goes nowhere (s would stop the container).
      await tui.type('\x1b[200~s\rs?\x1b[201~');
      await tui.press('/');
      await tui.waitForText(`/${name}`);
      await tui.type('\x1b[200~-x\rs\x1b[201~');
      const screen = await tui.waitForText(`/${name}-x s`);
      expect(screen).not.toContain(HELP_TITLE);
      expect(await state(id)).toEqual(before);
    } finally {
      await tui.kill('SIGKILL');
    }
  });

  it('modes a session left on are reset: dtui draws normally, and after q the terminal is in its default state', async () => {
    const name = `${prefix}-m`;
    const id = await runTestContainer(docker, { name, cmd: ['sleep', '3600'] });
    ids.push(id);
    const tui = await launchDtui();
    try {
      await filterTo(tui, name);
      await tui.waitForText(new RegExp(`(?:Logs l|Top t|Stats m|Inspect i)\\s+${name} running`));
      await runInSession(tui, name, `echo session-line-1; echo session-line-2; printf "${MODES}"`);
      const screen = await tui.waitForText(`/${name}`);
      // With G0 left on DEC line drawing, lowercase letters would be drawn as glyphs.
      expect(screen).toContain('Containers');
      expect(screen).toMatch(/[╭│]/);
      expect(tui.line(0)).toMatch(/^dtui /);
      const modes = tui.modes();
      expect(modes.insertMode).toBe(false);
      expect(modes.wraparoundMode).toBe(true);
      expect(modes.originMode).toBe(false);
      expect(modes.mouseTrackingMode).toBe('none');
      expect(modes.applicationCursorKeysMode).toBe(false);
      expect(modes.bracketedPasteMode).toBe(true); // dtui's own
      await tui.press('q');
      expect((await tui.exited).exitCode).toBe(0);
      await tui.flush();
      const after = tui.modes();
      expect(after).toMatchObject({
        insertMode: false,
        wraparoundMode: true,
        originMode: false,
        mouseTrackingMode: 'none',
        applicationCursorKeysMode: false,
        applicationKeypadMode: false,
        bracketedPasteMode: false,
        sendFocusMode: false,
      });
      // The cursor is below the session's output, where the shell's prompt belongs.
      const lines = tui.screen().split('\n');
      const last = lines.findIndex((l) => l.includes('session-line-2'));
      expect(last).toBeGreaterThanOrEqual(0);
      expect(tui.cursor().y).toBeGreaterThan(last);
      // Raw output: the reset comes after the session's last mode change.
      const raw = tui.raw();
      expect(raw.lastIndexOf('\x1b[!p')).toBeGreaterThan(raw.lastIndexOf('\x1b(0'));
      expect(raw.lastIndexOf('\x1b(B')).toBeGreaterThan(raw.lastIndexOf('\x1b(0'));
    } finally {
      await tui.kill('SIGKILL');
    }
  });

  it('attach to a container without a TTY: its OSC 52 clipboard writes and titles never reach the terminal', async () => {
    const name = `${prefix}-a`;
    const container = await docker.createContainer({
      name,
      Image: TEST_IMAGE,
      Cmd: [
        'sh',
        '-c',
        String.raw`i=0; while true; do i=$((i+1)); printf "\033]52;c;ZXZpbA==\007\033]0;owned-title\007\033P\$q\"p\033\\\\\033[31mred-%s\033[0m\n" $i; sleep 0.2; done`,
      ],
      Tty: false,
      OpenStdin: true,
      Labels: TEST_LABELS,
    });
    ids.push(container.id);
    await container.start();
    const tui = await launchDtui();
    try {
      await filterTo(tui, name);
      await tui.waitForText(new RegExp(`(?:Logs l|Top t|Stats m|Inspect i)\\s+${name} running`));
      const offset = tui.raw().length;
      await tui.press('a');
      await tui.waitForText(`attached to ${name}`);
      await tui.waitForText(/^red-\d+\s*$/m);
      await tui.press('ctrl-p', 'ctrl-q');
      await tui.waitForText('detached, the container keeps running');
      const raw = tui.raw().slice(offset);
      expect(raw).toMatch(/\x1b\[31mred-\d+\x1b\[0m/); // colours kept, as in the Logs tab
      expect(raw).not.toContain('\x1b]52');
      expect(raw).not.toContain('owned-title');
      expect(raw).not.toContain('\x1bP$q');
    } finally {
      await tui.kill('SIGKILL');
    }
  });
});
