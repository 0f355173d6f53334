import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { JsonLineParser } from '../../src/engine/streams/ndjson.js';
import { chunk } from '../support/chunking.js';

function parseAll<T = unknown>(chunks: (Buffer | string)[]): { values: T[]; malformed: number } {
  const p = new JsonLineParser<T>();
  const values = [...chunks.flatMap((c) => p.push(c)), ...p.flush()];
  return { values, malformed: p.malformed };
}

describe('JsonLineParser', () => {
  it('parses several objects per chunk and objects split across chunks', () => {
    const p = new JsonLineParser<{ id: number }>();
    expect(p.push('{"id":1}\n{"id":2}\n{"i')).toEqual([{ id: 1 }, { id: 2 }]);
    expect(p.push('d":3}')).toEqual([]);
    expect(p.push('\n')).toEqual([{ id: 3 }]);
    expect(p.flush()).toEqual([]);
    expect(p.malformed).toBe(0);
  });

  it('accepts CRLF separators and a final line without newline', () => {
    expect(parseAll(['{"a":1}\r\n{"b":2}'])).toEqual({ values: [{ a: 1 }, { b: 2 }], malformed: 0 });
  });

  it('ignores blank lines', () => {
    expect(parseAll(['\n  \n{"a":1}\n\r\n\t\n'])).toEqual({ values: [{ a: 1 }], malformed: 0 });
  });

  it('counts and skips malformed lines without throwing', () => {
    const r = parseAll(['{"a":1}\n{not json}\n{"b":\n{"c":3}\n{"a":1}{"a":2}\n']);
    expect(r.values).toEqual([{ a: 1 }, { c: 3 }]);
    expect(r.malformed).toBe(3);
  });

  it('handles multi-byte UTF-8 split inside a string value', () => {
    const bytes = Buffer.from('{"status":"Pulling fs layer 世界 😀"}\n');
    expect(parseAll([...bytes].map((b) => Buffer.from([b]))).values).toEqual([{ status: 'Pulling fs layer 世界 😀' }]);
  });

  it('does not pollute prototypes with __proto__ keys', () => {
    const [v] = parseAll<Record<string, unknown>>(['{"__proto__":{"polluted":true}}\n']).values;
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype.hasOwnProperty.call(v, '__proto__')).toBe(true);
  });

  it('counts an overlong line as malformed instead of buffering it', () => {
    const p = new JsonLineParser({ maxLineBytes: 32 });
    expect(p.push(`{"a":"${'x'.repeat(1000)}"}\n{"ok":true}\n`)).toEqual([{ ok: true }]);
    expect(p.malformed).toBe(1);
  });

  it('parses a realistic engine event', () => {
    const ev = {
      status: 'start',
      id: 'abc',
      from: 'nginx',
      Type: 'container',
      Action: 'start',
      Actor: { ID: 'abc', Attributes: { image: 'nginx', name: 'web' } },
      scope: 'local',
      time: 1700000000,
      timeNano: 1700000000000000000,
    };
    expect(parseAll([JSON.stringify(ev) + '\n']).values).toEqual([ev]);
  });

  it('any chunking yields the same values (property)', () => {
    const lineArb = fc.oneof(
      { weight: 5, arbitrary: fc.jsonValue().map((v) => JSON.stringify(v)) },
      { weight: 1, arbitrary: fc.constantFrom('', '   ', '{broken', 'nul', '}') },
    );
    fc.assert(
      fc.property(
        fc.array(lineArb, { maxLength: 15 }),
        fc.constantFrom('\n', '\r\n'),
        fc.boolean(),
        fc.array(fc.nat(), { maxLength: 25 }),
        (lines, sep, trailing, cuts) => {
          const input = Buffer.from(lines.join(sep) + (trailing ? sep : ''));
          const whole = parseAll([input]);
          const pieces = parseAll(chunk(input, cuts));
          expect(pieces).toEqual(whole);
          const expected = lines
            .filter((l) => l.trim() !== '')
            .flatMap((l) => {
              try {
                return [JSON.parse(l) as unknown];
              } catch {
                return [];
              }
            });
          expect(pieces.values).toEqual(expected);
          expect(pieces.malformed).toBe(lines.filter((l) => l.trim() !== '').length - expected.length);
        },
      ),
      { numRuns: 1000 },
    );
  });
});
