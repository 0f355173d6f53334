// The log filter's matcher runs in linear time whatever the pattern, and refuses what RE2
// cannot do with a message instead of an engine-specific error.
import { describe, expect, it } from 'vitest';
import { compileLinear } from '../../src/text/linear-regex.js';

const matcher = (pattern: string, ignoreCase = false) => {
  const m = compileLinear(pattern, ignoreCase);
  if (typeof m === 'string') throw new Error(m);
  return m;
};

describe('linear-time filter patterns', () => {
  // Each of these takes V8's backtracking RegExp seconds to forever on the input beside it.
  const catastrophic: Array<[string, string]> = [
    ['(\\w+\\s?)+$', `${'a'.repeat(46)}!`],
    ['(a+)+b', 'a'.repeat(5000)],
    ['(a|aa)+$', `${'a'.repeat(5000)}c`],
    ['(.*a){12}', 'a'.repeat(5000)],
    ['^(\\d+)*$', `${'1'.repeat(5000)}x`],
  ];
  for (const [pattern, input] of catastrophic) {
    it(`answers ${pattern} on a hostile line at once`, () => {
      const m = matcher(pattern, true);
      // Whatever the answer, it comes back: a 100k-character line is scanned, not backtracked.
      expect(typeof m.test(input)).toBe('boolean');
      expect(typeof m.test(input.repeat(20))).toBe('boolean');
    });
  }

  it('matches like RegExp on ordinary patterns, with and without case', () => {
    const lines = ['status=500 took 12ms', 'STATUS=200', 'worker-12 ok', 'plain text'];
    for (const [p, ic] of [
      ['status=\\d00', true],
      ['^STATUS', false],
      ['worker-(1|2)\\d? ', false],
      ['\\d+ms$', false],
      ['TEXT', true],
      ['TEXT', false],
      ['\\bok\\b', false],
    ] as const) {
      const re = new RegExp(p, ic ? 'i' : '');
      const m = matcher(p, ic);
      for (const l of lines) expect(m.test(l), `${p} on ${l}`).toBe(re.test(l));
    }
  });

  it('refuses backreferences and lookaround with a message naming the construct', () => {
    for (const p of ['(a)\\1', '(?<x>a)\\k<x>']) expect(compileLinear(p, false)).toMatch(/backreferences .* not supported/);
    for (const p of ['a(?=b)', 'a(?!b)', '(?<=a)b', '(?<!a)b']) expect(compileLinear(p, false)).toMatch(/lookahead and lookbehind .* not supported/);
  });

  it('says what is wrong with invalid syntax, in one line', () => {
    for (const p of ['(', '[z-a]', 'a{1001}', 'a**']) {
      const m = compileLinear(p, false);
      expect(typeof m).toBe('string');
      expect(m as string).not.toMatch(/\n|RE2JS|Exception/);
    }
  });
});
