import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { collationLanguage, compareAsciiRoot, compareText, isPrintableAscii, ROOT_ORDER_LANGUAGES } from '../../src/text/compare-text.js';

const sign = (n: number) => Math.sign(n);
/** Names as engines allow them, plus every printable ASCII character, biased to near-ties. */
const ASCII = [...Array(95)].map((_, i) => String.fromCharCode(32 + i));
const asciiName = fc.oneof(
  fc.string({ unit: fc.constantFrom(...ASCII), maxLength: 12 }),
  fc.string({ unit: fc.constantFrom('a', 'A', 'b', 'B', '-', '_', '.', ' ', '1', '9', '0'), maxLength: 8 }),
);

describe('compareText', () => {
  it('orders printable ASCII exactly as ICU collation does, for every language it takes the fast path for', () => {
    for (const language of ROOT_ORDER_LANGUAGES) {
      const icu = new Intl.Collator(/^(c|posix|)$/.test(language) ? 'en-US' : language);
      fc.assert(
        fc.property(asciiName, asciiName, (a, b) => sign(compareAsciiRoot(a, b)) === sign(icu.compare(a, b))),
        { numRuns: 3000 },
      );
    }
  });

  it('sorts as localeCompare did: a list of names, mixed case, punctuation, digits and non-ASCII', () => {
    const names = [
      'web-2',
      'Web-1',
      'web_1',
      'web.1',
      'web1',
      'web',
      'Web',
      'db',
      'DB',
      'a b',
      'a-b',
      'ab',
      'Ab',
      'z9',
      'z10',
      'café',
      'cafe',
      'Cafe',
      'ölbar',
      'zebra',
      '',
      '-x',
      '_x',
    ];
    expect([...names].sort(compareText)).toEqual([...names].sort((a, b) => a.localeCompare(b)));
  });

  it('agrees in sign with localeCompare on any strings (non-ASCII goes to ICU)', () => {
    fc.assert(
      fc.property(
        fc.oneof(asciiName, fc.string({ unit: 'grapheme', maxLength: 6 })),
        fc.oneof(asciiName, fc.string({ unit: 'grapheme', maxLength: 6 })),
        (a, b) => sign(compareText(a, b)) === sign(a.localeCompare(b)),
      ),
      { numRuns: 3000 },
    );
  });

  it('takes the fast path only for printable ASCII', () => {
    expect(isPrintableAscii('bench-run-001 x_y.z')).toBe(true);
    expect(isPrintableAscii('tab\there')).toBe(false);
    expect(isPrintableAscii('café')).toBe(false);
  });

  it('reads the language ICU uses for its default locale: LC_ALL, then LC_MESSAGES, then LANG', () => {
    expect(collationLanguage({ LANG: 'en_US.UTF-8' })).toBe('en');
    expect(collationLanguage({ LANG: 'en_US.UTF-8', LC_MESSAGES: 'da_DK.UTF-8' })).toBe('da');
    expect(collationLanguage({ LANG: 'en_US.UTF-8', LC_ALL: 'cs_CZ.UTF-8' })).toBe('cs');
    expect(collationLanguage({ LANG: 'C.UTF-8' })).toBe('c');
    expect(collationLanguage({})).toBe('');
    expect(ROOT_ORDER_LANGUAGES.has('da')).toBe(false);
  });
});
