// The help overlay's layout never overlaps or cuts: columns fit side by side in the box,
// every line fits its column, and more than one column only when nothing scrolls.
import { describe, expect, it } from 'vitest';
import { helpSections } from '../../src/keys/help.js';
import { KEYMAP } from '../../src/keys/keymap.js';
import { cellWidth } from '../../src/text/width.js';
import { helpPage, wrapToWidth } from '../../src/ui/help-page.js';

const sections = helpSections(KEYMAP);

describe('help overlay layout', () => {
  for (const [cols, rows] of [
    [80, 24],
    [100, 24],
    [100, 45],
    [160, 45],
    [220, 60],
    [40, 12],
  ] as const) {
    it(`fits a ${cols}×${rows} box without overlap`, () => {
      const page = helpPage(sections, cols, rows);
      const inner = cols - 4;
      const count = page.columns.length;
      expect(count * page.colWidth + 2 * (count - 1)).toBeLessThanOrEqual(inner);
      for (const column of page.columns) for (const line of column) expect(cellWidth(line.text), line.text).toBeLessThanOrEqual(page.colWidth);
      if (count > 1) {
        expect(page.maxScroll).toBe(0);
        for (const column of page.columns) expect(column.length).toBeLessThanOrEqual(page.visible);
      }
      // Every help text is there in full, wrapped at spaces at most.
      const flat = page.columns.flat().map((l) => l.text);
      const joined = flat
        .reduce<string[]>((acc, l) => (/^ {3,}\S/.test(l) && acc.length ? [...acc.slice(0, -1), `${acc.at(-1)} ${l.trim()}`] : [...acc, l]), [])
        .join('\n');
      for (const action of KEYMAP) expect(joined, action.id).toContain(action.help);
    });
  }

  it('uses several columns when the whole list fits in them', () => {
    expect(helpPage(sections, 300, 80).columns.length).toBeGreaterThan(1);
  });

  it('wraps at spaces and cuts words longer than the line', () => {
    expect(wrapToWidth('one two three', 7)).toEqual(['one two', 'three']);
    expect(wrapToWidth('abcdefghij', 4)).toEqual(['abcd', 'efgh', 'ij']);
    expect(wrapToWidth('', 5)).toEqual(['']);
  });
});
