// The bundle counts strings made only of these characters by their length (a fast path
// added to string-width at build time, scripts/ink-output-speed.mjs). That is only right if
// string-width itself, unpatched, gives every such string a width equal to its length.
import fc from 'fast-check';
import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
// @ts-expect-error -- a build script without type declarations
import { ONE_CELL_CHARS } from '../../scripts/ink-output-speed.mjs';

function expand(charClass: string): string[] {
  const source = new RegExp(`[${charClass}]`).source.slice(1, -1);
  const chars: string[] = [];
  const units = JSON.parse(`"${source.replace(/\\u/g, '\\u')}"`) as string;
  for (let i = 0; i < units.length; i++) {
    if (units[i + 1] === '-' && i + 2 < units.length) {
      for (let cp = units.charCodeAt(i); cp <= units.charCodeAt(i + 2); cp++) chars.push(String.fromCharCode(cp));
      i += 2;
    } else {
      chars.push(units[i]!);
    }
  }
  return chars;
}

describe('string-width fast path', () => {
  const chars = expand(ONE_CELL_CHARS as string);

  it('covers printable ASCII and the symbols dtui draws', () => {
    expect(chars).toContain('a');
    expect(chars).toContain('…');
    expect(chars).toContain('│');
    expect(chars).toContain('▌');
    expect(chars).not.toContain('\t');
    expect(chars.length).toBeGreaterThan(95 + 160);
  });

  it('gives each of those characters one cell, alone and between others, in string-width itself', () => {
    for (const c of chars) {
      expect(stringWidth(c), `U+${c.charCodeAt(0).toString(16)}`).toBe(1);
      expect(stringWidth(`a${c}b`), `U+${c.charCodeAt(0).toString(16)}`).toBe(3);
    }
  });

  it('any string of them is as wide as it is long (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...chars), { maxLength: 40 }), (parts) => {
        const s = parts.join('');
        expect(stringWidth(s)).toBe(s.length);
      }),
      { numRuns: 2000 },
    );
  });
});
