// Non-TTY attach output (src/text/sanitize-stream.ts): whatever the chunking, only text,
// line breaks and SGR colours reach the terminal.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { StreamSanitizer, unfinishedSequenceStart } from '../../src/text/sanitize-stream.js';
import { sanitizeKeepingSgr } from '../../src/text/sanitize.js';
import { chunk } from '../support/chunking.js';

const HOSTILE = [
  '\x1b]52;c;ZXZpbA==\x07',
  '\x1b]0;owned title\x1b\\',
  '\x1bP$q"p\x1b\\',
  '\x1b[c',
  '\x1b[6n',
  '\x1b[>c',
  '\x1b[2J',
  '\x1b(0',
  '\x1b[?1049h',
  '\x9d52;c;eA==\x9c',
  '\u009b6n',
  '\x1b_apc\x1b\\',
  '\x1b[31mred\x1b[0m',
  'plain line\n',
  'ünïcödé ✓\n',
  '\r\n',
  '\x1b',
  '\x1b]2;',
];

function run(input: Buffer, cuts: number[]): string {
  const s = new StreamSanitizer();
  return chunk(input, cuts)
    .map((c) => s.push(c))
    .join('');
}

describe('StreamSanitizer', () => {
  it('removes OSC 52, titles, DCS and queries at every split point; keeps lines and colours', () => {
    const input = Buffer.from('a\x1b]52;c;ZXZpbA==\x07b\n\x1b]0;t\x1b\\c\x1bP$q"p\x1b\\\x1b[31md\x1b[0m\n', 'utf8');
    for (let cut = 0; cut <= input.length; cut++) {
      expect(run(input, [cut]), `cut at ${cut}`).toBe('ab\nc\x1b[31md\x1b[0m\n');
    }
  });

  it('any mix of hostile output, cut anywhere: no escape other than 7-bit SGR, same as whole', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...HOSTILE), { maxLength: 12 }), fc.array(fc.nat(), { maxLength: 8 }), (parts, cuts) => {
        const text = parts.join('');
        const out = run(Buffer.from(text, 'utf8'), cuts);
        const withoutSgr = out.replace(/\x1b\[[0-9;:]*m/g, '');

        expect(withoutSgr).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/);
        expect(out).toBe(run(Buffer.from(text, 'utf8'), []));
      }),
      { numRuns: 400 },
    );
  });

  it('finds where an unfinished sequence starts', () => {
    expect(unfinishedSequenceStart('ab\x1b]0;ti')).toBe(2);
    expect(unfinishedSequenceStart('ab\x1b]0;ti\x07')).toBe(-1);
    expect(unfinishedSequenceStart('ab\x1b[3')).toBe(2);
    expect(unfinishedSequenceStart('ab\x1b')).toBe(2);
    expect(unfinishedSequenceStart('ab\x1b(')).toBe(2);
    expect(unfinishedSequenceStart(sanitizeKeepingSgr('x'))).toBe(-1);
  });
});
