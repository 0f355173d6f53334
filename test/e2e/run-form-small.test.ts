// The run form at 60×15: it scrolls inside the space above the status and hint lines
// instead of spilling over them, and every field (the last one too) can be reached.
import { describe, expect, it } from 'vitest';
import { TEST_IMAGE } from '../support/engine.js';
import { launchDtui } from '../support/dtui.js';

/** Index of the last line matching `test` (-1 if none). */
function lastIndex(lines: string[], test: (l: string) => boolean): number {
  for (let i = lines.length - 1; i >= 0; i--) if (test(lines[i]!)) return i;
  return -1;
}

describe('run form on a small terminal', () => {
  it('at 60×15 fits above the status lines and scrolls to its last field', async () => {
    const tui = await launchDtui({ cols: 60, rows: 15 });
    try {
      await tui.press('2');
      await tui.press('/');
      await tui.type(TEST_IMAGE.split(':')[0]!);
      await tui.press('enter');
      await tui.press('n');
      const screen = await tui.waitForText('Run a container');
      const lines = screen.split('\n');
      // The form's bottom border (╚ of the double-line modal) is above the status line,
      // which is the line above the hint bar (the last line drawn).
      const statusAt = (ls: string[]) => lastIndex(ls, (l) => l.trim() !== '') - 1;
      const bottom = lastIndex(lines, (l) => l.includes('╚'));
      expect(bottom).toBeGreaterThan(0);
      expect(bottom).toBeLessThan(statusAt(lines));
      expect(screen).not.toContain('Restart');
      // Tab down to the last field: the form scrolls to it, still above the status lines.
      for (let i = 0; i < 9; i++) await tui.press('tab');
      const end = await tui.waitForText('Restart');
      const endLines = end.split('\n');
      expect(lastIndex(endLines, (l) => l.includes('╚'))).toBeLessThan(statusAt(endLines));
      expect(endLines.findIndex((l) => l.includes('Restart'))).toBeLessThan(lastIndex(endLines, (l) => l.includes('╚')));
      await tui.press('esc');
      await tui.waitForScreen((s) => !s.includes('Run a container'));
    } finally {
      await tui.kill();
    }
  });
});
