import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { LineSplitter } from '../../src/engine/streams/line-splitter.js';
import { chunk } from '../support/chunking.js';

function splitAll(chunks: (Buffer | string)[], opts?: { maxLineBytes?: number }): string[] {
  const s = new LineSplitter(opts);
  return [...chunks.flatMap((c) => s.push(c)), ...s.flush()];
}

describe('LineSplitter', () => {
  it('splits on \\n and strips \\r before \\n', () => {
    expect(splitAll(['a\nb\r\nc'])).toEqual(['a', 'b', 'c']);
    expect(splitAll(['a\r', '\nb'])).toEqual(['a', 'b']);
    expect(splitAll(['\n\n'])).toEqual(['', '']);
    expect(splitAll([''])).toEqual([]);
    expect(splitAll(['x\n'])).toEqual(['x']);
  });

  it('keeps a lone \\r that is not followed by \\n', () => {
    expect(splitAll(['a\rb\n'])).toEqual(['a\rb']);
    expect(splitAll(['a\r', 'b\n'])).toEqual(['a\rb']);
    expect(splitAll(['tail\r'])).toEqual(['tail\r']);
  });

  it('only emits a line once its newline arrives', () => {
    const s = new LineSplitter();
    expect(s.push('hel')).toEqual([]);
    expect(s.push('lo\nwor')).toEqual(['hello']);
    expect(s.push('ld')).toEqual([]);
    expect(s.flush()).toEqual(['world']);
    expect(s.flush()).toEqual([]);
  });

  it('decodes multi-byte UTF-8 split across chunks', () => {
    const bytes = Buffer.from('héllo 世界 😀\n');
    const out = [...bytes].map((b) => Buffer.from([b]));
    expect(splitAll(out)).toEqual(['héllo 世界 😀']);
  });

  it('turns invalid UTF-8 into U+FFFD', () => {
    expect(splitAll([Buffer.from([0x61, 0xff, 0x62, 0x0a])])).toEqual(['a\ufffdb']);
    // truncated sequence at end of stream
    expect(splitAll([Buffer.from([0x61, 0xe4, 0xb8])])).toEqual(['a\ufffd']);
  });

  it('a string after a dangling partial sequence flushes it as U+FFFD', () => {
    expect(splitAll([Buffer.from([0x61, 0xe4]), 'b\n'])).toEqual(['a\ufffdb']);
  });

  it('string input with a surrogate pair split across pushes stays intact', () => {
    expect(splitAll(['a\ud83d', '\ude00\n'])).toEqual(['a😀']);
  });

  it('truncates an overlong line and reports the cut byte count', () => {
    const s = new LineSplitter({ maxLineBytes: 10 });
    expect(s.push('0123456789ABCDEF')).toEqual([]);
    expect(s.push('more')).toEqual([]);
    expect(s.push('\nnext\n')).toEqual(['0123456789 … [cut 10 bytes]', 'next']);
  });

  it('cuts on a character boundary', () => {
    // "世" is 3 bytes; cap 7 fits two of them (6 bytes) but not the third.
    expect(splitAll(['世界世界\n'], { maxLineBytes: 7 })).toEqual(['世界 … [cut 6 bytes]']);
  });

  it('a line of exactly maxLineBytes (plus CRLF) is not truncated', () => {
    expect(splitAll(['abcde\r\n'], { maxLineBytes: 5 })).toEqual(['abcde']);
  });

  it('keeps memory bounded for a huge line without newline', () => {
    const s = new LineSplitter(); // 64 KiB default
    const mb = Buffer.alloc(1024 * 1024, 0x78);
    for (let i = 0; i < 32; i++) expect(s.push(mb)).toEqual([]);
    const [line = ''] = s.flush();
    expect(line.startsWith('x'.repeat(65536) + ' … [cut ')).toBe(true);
    expect(line.endsWith(`[cut ${32 * 1024 * 1024 - 65536} bytes]`)).toBe(true);
  });

  it('rejects a non-positive cap', () => {
    expect(() => new LineSplitter({ maxLineBytes: 0 })).toThrow(RangeError);
  });

  // Byte soup biased towards newlines, CRs and UTF-8 lead/continuation bytes.
  const bytesArb = fc
    .array(
      fc.oneof(
        fc.constantFrom(0x0a, 0x0d, 0x61, 0x20),
        fc.integer({ min: 0, max: 255 }),
        fc.constantFrom(0xc3, 0xa9, 0xe4, 0xb8, 0x96, 0xf0, 0x9f, 0x98, 0x80, 0xed, 0xa0),
      ),
      { maxLength: 200 },
    )
    .map((a) => Buffer.from(a));

  it('any chunking of the same bytes gives identical lines (property)', () => {
    fc.assert(
      fc.property(bytesArb, fc.array(fc.nat(), { maxLength: 20 }), fc.integer({ min: 1, max: 40 }), (bytes, cuts, cap) => {
        const whole = splitAll([bytes], { maxLineBytes: cap });
        expect(splitAll(chunk(bytes, cuts), { maxLineBytes: cap })).toEqual(whole);
      }),
      { numRuns: 2000 },
    );
  });

  it('joining lines with \\n reproduces CR-free input under the cap (property)', () => {
    const text = fc.string({ unit: fc.oneof(fc.constant('\n'), fc.constant('\n'), fc.constantFrom('a', 'é', '世', '😀', ' ')), maxLength: 150 });
    fc.assert(
      fc.property(text, fc.array(fc.nat(), { maxLength: 20 }), (input, cuts) => {
        const lines = splitAll(chunk(Buffer.from(input), cuts), { maxLineBytes: 1024 });
        const rebuilt = lines.join('\n') + (input.endsWith('\n') ? '\n' : '');
        expect(rebuilt).toBe(input);
      }),
      { numRuns: 1000 },
    );
  });

  it('matches a simple reference model (property)', () => {
    // Reference: decode everything at once, split, strip CR, truncate.
    const ref = (bytes: Buffer, cap: number): string[] => {
      const text = bytes.toString('utf8');
      const parts = text.split('\n');
      const last = parts.pop() as string;
      if (last !== '') parts.push(last);
      return parts.map((raw, i) => {
        const line = i < parts.length - (last !== '' ? 1 : 0) && raw.endsWith('\r') ? raw.slice(0, -1) : raw;
        const b = Buffer.from(line);
        if (b.length <= cap) return line;
        let k = cap;
        while (k > 0 && ((b[k] ?? 0) & 0xc0) === 0x80) k--;
        return `${b.toString('utf8', 0, k)} … [cut ${b.length - k} bytes]`;
      });
    };
    fc.assert(
      fc.property(bytesArb, fc.array(fc.nat(), { maxLength: 20 }), fc.integer({ min: 1, max: 40 }), (bytes, cuts, cap) => {
        expect(splitAll(chunk(bytes, cuts), { maxLineBytes: cap })).toEqual(ref(bytes, cap));
      }),
      { numRuns: 2000 },
    );
  });
});
