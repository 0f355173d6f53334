// Every way out of dtui gives the terminal back as it was: q, Ctrl+C, SIGTERM, SIGHUP, an
// uncaught exception; Ctrl+Z suspends (terminal restored) and fg resumes with a full
// redraw; the terminal closing ends dtui. Checked on the raw pty output and with the
// shell's own `stty -g` before and after.
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { launchDtui } from '../support/dtui.js';
import { alive, procState, runDtuiInShell, type ShellRun } from '../support/shell-run.js';
import { waitFor } from '../support/wait.js';

const CRASH_PRELOAD = fileURLToPath(new URL('../support/crash-on-ctrl-x.mjs', import.meta.url));
const READY = /\[1\] Containers \(\d+/;
const ENTER_ALT = '\x1b[?1049h';
/**
 * What leaving must switch off; each must come after the last time dtui entered. The shell's
 * terminal reports grapheme clustering (mode 2027) known but off, so dtui turns it on
 * (grapheme-probe.ts) and must turn it off again too.
 */
const LEAVE_PARTS = ['\x1b[?1049l', '\x1b[?25h', '\x1b[?2004l', '\x1b[?1000l', '\x1b[?1006l', '\x1b[?2027l'];
const CLUSTERING_ON = '\x1b[?2027h';

function expectRestoredOutput(raw: string, afterIndex = raw.lastIndexOf(ENTER_ALT)): void {
  expect(afterIndex).toBeGreaterThanOrEqual(0);
  for (const part of LEAVE_PARTS) expect(raw.indexOf(part, afterIndex), JSON.stringify(part)).toBeGreaterThan(afterIndex);
}

async function finished(run: ShellRun): Promise<void> {
  await run.tui.waitForText('SHELL-DONE', { timeout: 15_000 });
}

async function startReady(env?: Record<string, string>): Promise<ShellRun> {
  const run = await runDtuiInShell({ env, modeReports: { 2027: 2 } });
  await run.tui.waitForText(READY, { timeout: 15_000 });
  await run.tui.waitForRawMode();
  await waitFor(() => run.tui.raw().includes(CLUSTERING_ON), { message: 'dtui to turn grapheme clustering on' });
  return run;
}

describe('the terminal is always restored', () => {
  const cases: Array<{ how: string; env?: Record<string, string>; act: (run: ShellRun) => Promise<void> | void; code: string }> = [
    { how: 'q', act: (run) => run.tui.press('q'), code: '0' },
    { how: 'Ctrl+C', act: (run) => run.tui.press('ctrl-c'), code: '0' },
    { how: 'SIGTERM', act: (run) => void process.kill(run.dtuiPid, 'SIGTERM'), code: '0' },
    { how: 'SIGHUP', act: (run) => void process.kill(run.dtuiPid, 'SIGHUP'), code: '0' },
    // The preload makes reading Ctrl+X throw inside Ink's input path.
    { how: 'an uncaught exception', env: { NODE_OPTIONS: `--import ${CRASH_PRELOAD}` }, act: (run) => run.tui.press('\x18'), code: '1' },
  ];

  for (const c of cases) {
    it(`on ${c.how}: raw mode off, cursor shown, alternate screen, mouse and paste modes left`, async () => {
      const run = await startReady(c.env);
      try {
        expect(procState(run.dtuiPid)).not.toBe('');
        await c.act(run);
        await finished(run);
        expect(run.read('code')).toBe(c.code);
        expect(run.read('after')).toBe(run.read('before'));
        expectRestoredOutput(run.tui.raw());
        if (c.code === '1') expect(run.tui.raw()).toContain('DTUI_TEST_CRASH');
      } finally {
        await run.dispose();
      }
    });
  }

  it('Ctrl+Z suspends with the terminal restored, and fg brings dtui back fully redrawn', async () => {
    const run = await startReady();
    try {
      await run.tui.press('ctrl-z');
      await run.tui.waitForText('SHELL-SEES-SUSPEND');
      expect(procState(run.dtuiPid)).toBe('T');
      // The shell got a cooked terminal back, and the pty output shows the way out.
      expect(run.read('suspended')).toBe(run.read('before'));
      expectRestoredOutput(run.tui.raw());
      const beforeResume = run.tui.raw().length;

      await run.tui.type('go\r'); // the shell reads this line, then runs `fg` (SIGCONT)
      const screen = await run.tui.waitForText(READY);
      expect(screen).not.toContain('SHELL-SEES-SUSPEND');
      expect(run.tui.raw().indexOf(ENTER_ALT, beforeResume)).toBeGreaterThanOrEqual(beforeResume);
      // Grapheme clustering is on again for dtui's screen.
      expect(run.tui.raw().indexOf(CLUSTERING_ON, beforeResume)).toBeGreaterThanOrEqual(beforeResume);
      await run.tui.waitForRawMode();
      // Still answers keys after the resume.
      await run.tui.press('?');
      await run.tui.waitForText('Everywhere');
      await run.tui.press('esc', 'q');
      await finished(run);
      expect(run.read('code')).toBe('0');
      expect(run.read('after')).toBe(run.read('before'));
    } finally {
      await run.dispose();
    }
  });

  it('Ctrl+Z without job control (the stop signal is dropped) comes straight back instead of hanging', async () => {
    // launchDtui's parent is in another session: dtui's process group is orphaned.
    const tui = await launchDtui();
    try {
      const before = tui.raw().length;
      await tui.press('ctrl-z');
      await tui.waitForScreen(() => tui.raw().indexOf(ENTER_ALT, before) > before);
      await tui.waitForText(READY);
      await tui.waitForRawMode();
      await tui.press('?');
      await tui.waitForText('Everywhere');
      await tui.press('esc', 'q');
      expect((await tui.exited).exitCode).toBe(0);
    } finally {
      await tui.kill('SIGKILL');
    }
  });

  it('ends when its terminal closes (the pty hangs up) instead of running on', async () => {
    const tui = await launchDtui();
    expect(alive(tui.pid)).toBe(true);
    tui.hangup();
    await waitFor(() => !alive(tui.pid), { timeout: 10_000, message: 'dtui to exit after its terminal closed' });
  });
});
