import { describe, expect, it } from 'vitest';
import { alignColumns, historyBlocks, historyLayers, historyText, wrapText } from '../../src/engine/models/history.js';

const NOW = Date.parse('2026-01-10T00:00:00Z');
const raw = [
  { Id: 'sha256:aaa', Created: NOW / 1000 - 120, CreatedBy: '/bin/sh -c echo\thi\n\x1b[31mred', Size: 1234, Comment: 'built', Tags: ['x:1'] },
  { Id: '<missing>', Created: NOW / 1000 - 7200, CreatedBy: '', Size: 0, Comment: '' },
];

describe('image history', () => {
  it('sanitizes and flattens what the engine says', () => {
    const [a, b] = historyLayers(raw);
    expect(a!.createdBy).toBe('/bin/sh -c echo hi red');
    expect(b!.id).toBe('<missing>');
  });

  it('prints the docker history --no-trunc table like the CLI (tabwriter minwidth 20, padding 3)', () => {
    const lines = historyText(historyLayers(raw), NOW);
    expect(lines[0]).toMatch(/^IMAGE {15}CREATED {13}CREATED BY {15}SIZE {16}COMMENT$/);
    expect(lines[1]).toBe(`sha256:aaa${' '.repeat(10)}2 minutes ago${' '.repeat(7)}/bin/sh -c echo hi red   1.21KiB${' '.repeat(13)}built`);
    expect(lines[2]).toBe(`<missing>${' '.repeat(11)}2 hours ago${' '.repeat(9 + 25)}0B`);
  });

  it('aligns by cell width, not string length', () => {
    expect(
      alignColumns([
        ['日本', 'x'],
        ['ab', 'y'],
      ]),
    ).toEqual(['日本   x', 'ab     y']);
  });

  it('wraps long commands without losing a character', () => {
    const text = 'a'.repeat(25);
    expect(wrapText(text, 10)).toEqual(['a'.repeat(10), 'a'.repeat(10), 'a'.repeat(5)]);
    expect(wrapText('', 10)).toEqual(['']);
    const blocks = historyBlocks(historyLayers([{ ...raw[0]!, CreatedBy: 'c'.repeat(50) }]), NOW, 24);
    expect(
      blocks
        .filter((l) => l.startsWith('    '))
        .join('')
        .replace(/ /g, ''),
    ).toBe('c'.repeat(50));
  });

  it('uses short layer ids when the full ones would push age and size off a narrow screen', () => {
    const layers = historyLayers([{ ...raw[0]!, Id: `sha256:${'a'.repeat(64)}`, Comment: '' }]);
    const narrow = historyBlocks(layers, NOW, 76);
    expect(narrow[1]).toMatch(new RegExp(`^${'a'.repeat(12)}\\s+\\S`));
    expect(narrow[1]!.length).toBeLessThanOrEqual(76);
    expect(historyBlocks(layers, NOW, 156)[1]).toContain(`sha256:${'a'.repeat(64)}`);
  });
});
