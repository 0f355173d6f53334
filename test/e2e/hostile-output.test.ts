// A container that prints everything a terminal could be attacked with, and whose
// command line and labels carry escape sequences too. Nothing of it may reach the pty,
// and nothing outside the log area may change.
import { afterAll, describe, expect, it } from 'vitest';
import { layoutFor } from '../../src/app/layout.js';
import { filterTo, launchDtui } from '../support/dtui.js';
import { runTestContainer, testDocker, uniqueName } from '../support/engine.js';

// Each printf line: visible letters around one attack, so the line still shows up.
const ATTACKS = [
  "printf 'a\\033]52;c;UFdORUQ=\\007b\\n'", // OSC 52: write the clipboard
  "printf 'c\\033]0;PWNED-TITLE\\007d\\n'", // OSC 0: window title
  "printf 'e\\033[2Jf\\033[?1049lg\\n'", // clear screen, leave the alternate screen
  "printf 'h\\033[97;97Hi\\033[73Aj\\033[999Ck\\n'", // cursor moves
  "printf 'l\\033Pq#0;2;0;0;0\\033\\\\m\\n'", // DCS (sixel)
  "printf 'n\\233 31mo\\302\\23332mp\\n'", // 8-bit CSI, raw and UTF-8-encoded
  "printf 'q\\033[200~PASTE\\033[201~r\\n'", // bracketed-paste markers
  "head -c 40000 /dev/zero | tr '\\000' '\\007'; printf 'BELS-DONE\\n'", // a BEL flood (over 16 KiB: the engine splits it in stamped parts)
  "head -c 1048576 /dev/zero | tr '\\000' 'x'; printf '\\n'", // a 1 MB line
  "printf 's\\377\\376\\300t\\n'", // invalid UTF-8
  "printf 'u\\342\\200\\213v\\342\\200\\256w\\n'", // zero-width space, right-to-left override
];

// Raw ESC bytes in the command itself (shown by Top) and in a label.
const HOSTILE_ARG = '\x1b]0;CMD-TITLE\x07\x1b[2J\x1b[?1049l\x9b2J\u202e';
const SCRIPT = [
  `: '${HOSTILE_ARG}'`,
  "printf 'WAITING\\n'",
  'while [ ! -f /tmp/go ]; do sleep 0.1; done',
  ...ATTACKS,
  "printf 'HOSTILE-END\\n'",
  'while :; do sleep 3600; done', // keeps sh (and its hostile command line) alive for Top
].join('\n');

/** Sequences that must never appear in what dtui writes. */
const FORBIDDEN: Array<[string, string]> = [
  ['OSC 52', '\x1b]52'],
  ['OSC 0', '\x1b]0;'],
  ['clipboard payload', 'UFdORUQ='],
  ['title text', 'PWNED-TITLE'],
  ['DCS', '\x1bP'],
  ['8-bit CSI', '\u009b'],
  ['8-bit DCS', '\u0090'],
  ['paste start', '\x1b[200~'],
  ['paste end', '\x1b[201~'],
  ['BEL', '\x07'],
  ['cursor to 97;97', '\x1b[97;97H'],
  ['cursor up 73', '\x1b[73A'],
  ['cursor right 999', '\x1b[999C'],
  ['zero-width space', '\u200b'],
  ['right-to-left override', '\u202e'],
];

const count = (s: string, sub: string) => s.split(sub).length - 1;

/**
 * The left panes and the header, with what changes by itself masked: ages ("3 seconds
 * ago"), the live CPU% and MEM cells, the list totals and the Images rows (other test
 * files create containers and tag images in parallel). An Images row is kept as its two
 * borders only, so a hostile byte that moved the cursor there still shows as a broken frame.
 */
function outside(screen: string, leftWidth: number): string {
  const lines = screen.split('\n');
  const left = lines.slice(1, -3).map((l) => l.slice(0, leftWidth));
  const imagesTop = left.findIndex((l) => l.includes('[2] Images'));
  const imagesEnd = left.findIndex((l, i) => i > imagesTop && l.startsWith('╰'));
  const framed = left.map((l, i) => (i > imagesTop + 1 && i < imagesEnd && /^│.*│$/.test(l) ? '│ │' : l));
  return (
    [lines[0], ...framed]
      .join('\n')
      .replace(/(\d+|Less than a|About an?) (second|minute|hour)s?( ago)?/g, 'T')
      .replace(/\((\d+)\/\d+\)/g, '($1/N)')
      .replace(/\[2\] Images \(\d+\)/, '[2] Images (N)')
      .replace(/\b\d+(\.\d+)?%/g, '')
      // CPU % reads '…' until its second sample: a standalone '…' is that placeholder, not a truncation.
      .replace(/ …(?= )/g, '')
      .replace(/\b\d+(\.\d+)?\s?[kKMGT]?i?B\b/g, '')
      .replace(/ +/g, ' ')
  );
}

describe('hostile container output', () => {
  const docker = testDocker();
  const name = uniqueName('hostile');
  let id = '';
  afterAll(async () => {
    if (id)
      await docker
        .getContainer(id)
        .remove({ force: true })
        .catch(() => undefined);
  });

  it('never reaches the terminal, and the screen outside the log area stays the same', async () => {
    id = await runTestContainer(docker, {
      name,
      cmd: ['sh', '-c', SCRIPT],
      labels: { evil: HOSTILE_ARG, [`k\x1b[2J`]: 'v' },
    });
    const tui = await launchDtui();
    try {
      await filterTo(tui, name);
      await tui.press('enter'); // logs of the only match
      await tui.waitForText('WAITING');
      const { leftWidth } = layoutFor(160, 45);
      const before = outside(await tui.waitForText('following'), leftWidth);
      const rawBefore = tui.raw();
      const clearsBefore = count(rawBefore, '\x1b[2J');

      const exec = await docker.getContainer(id).exec({ Cmd: ['touch', '/tmp/go'] });
      await exec.start({ Detach: true });
      const screen = await tui.waitForText('HOSTILE-END', { timeout: 20_000 });

      // What is left of each attack line is its plain letters.
      for (const visible of ['ab', 'cd', 'efg', 'hijk', 'lm', 'qPASTEr', 'BELS-DONE', 'uvw']) expect(screen).toContain(visible);
      expect(screen).toMatch(/xxxxxxxxxx/);
      expect(outside(screen, leftWidth)).toBe(before);

      // Top shows `sh -c '<hostile>'`: the command line is sanitized too.
      await tui.press('t');
      await tui.waitForText(/sh -c/);
      await tui.press('l');
      await tui.waitForText('HOSTILE-END');

      const raw = tui.raw();
      for (const [what, seq] of FORBIDDEN) expect(raw.includes(seq), `${what} reached the terminal`).toBe(false);
      expect(raw.includes('\x1b[?1049l'), 'left the alternate screen while running').toBe(false);
      expect(count(raw, '\x1b[2J'), 'cleared the screen').toBe(clearsBefore);
      // dtui is still alive and answering keys (q leaves the log pane, the second q quits).
      await tui.press('q', 'q');
      expect((await tui.exited).exitCode).toBe(0);
    } finally {
      await tui.kill('SIGKILL');
    }
  });
});
