import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { groupDigits } from '../../src/text/group-digits.js';

describe('groupDigits', () => {
  it('writes every safe integer as toLocaleString("en-US") does', () => {
    for (const n of [0, 1, -1, 999, 1000, -1000, 999_999, 1_000_000, 1_234_567, Number.MAX_SAFE_INTEGER, Number.MIN_SAFE_INTEGER]) {
      expect(groupDigits(n), String(n)).toBe(n.toLocaleString('en-US'));
    }
    fc.assert(
      fc.property(fc.oneof(fc.integer(), fc.maxSafeInteger()), (n) => groupDigits(n) === n.toLocaleString('en-US')),
      { numRuns: 2000 },
    );
  });

  it('leaves non-integers to toLocaleString', () => {
    expect(groupDigits(1234.5678)).toBe('1,234.568');
    expect(groupDigits(-0.5)).toBe('-0.5');
  });
});
