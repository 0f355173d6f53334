import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { LogRing } from '../../src/state/log-ring.js';
import type { RawLogLine } from '../../src/engine/models/types.js';
import type { LogLine } from '../../src/engine/models/types.js';

const line = (text: string, ts = '', stream: LogLine['stream'] = 'stdout'): LogLine => ({ ts, stream, text });
const rawLength = (l: LogLine) => (l.ts ? l.ts.length + 1 : 0) + l.text.length;

describe('LogRing', () => {
  it('rejects invalid sizes', () => {
    for (const bad of [0, -1, 1.5, NaN, Infinity]) expect(() => new LogRing({ capacity: bad })).toThrow(RangeError);
    expect(() => new LogRing({ maxChars: 0 })).toThrow(RangeError);
  });

  it('keeps the newest lines, counts evictions and gives back timestamp, stream and text', () => {
    const ring = new LogRing({ capacity: 3 });
    for (let i = 1; i <= 5; i++) ring.push(line(`line ${i}`, `2026-11-28T02:00:0${i}.5Z`, i % 2 ? 'stdout' : 'stderr'));
    expect(ring.slice(0).map((l) => l.text)).toEqual(['line 3', 'line 4', 'line 5']);
    expect(ring.get(1)).toEqual({ ts: '2026-11-28T02:00:04.5Z', stream: 'stderr', text: 'line 4' });
    expect(ring.textAt(2)).toBe('line 5');
    for (const out of [3, -1, 0.5]) {
      expect(ring.get(out)).toBeUndefined();
      expect(ring.textAt(out)).toBeUndefined();
    }
    expect(ring.dropped).toBe(2);
    expect(ring.totalPushed).toBe(5);
  });

  it('stores an engine line as its raw string', () => {
    const ring = new LogRing();
    const raw = '2026-11-28T02:00:00.123456789Z hello world';
    const engineLine: RawLogLine = { ts: raw.slice(0, 30), stream: 'stdout', text: raw.slice(31), raw, textStart: 31 };
    ring.push(engineLine);
    ring.push({ ts: '', stream: 'stderr', text: 'no stamp', raw: 'no stamp', textStart: 0 });
    expect(ring.get(0)).toEqual({ ts: '2026-11-28T02:00:00.123456789Z', stream: 'stdout', text: 'hello world' });
    expect(ring.get(1)).toEqual({ ts: '', stream: 'stderr', text: 'no stamp' });
    expect(ring.chars).toBe(raw.length + 'no stamp'.length);
  });

  it('evicts by characters too: one huge line does not keep 100 000 others company', () => {
    const ring = new LogRing({ capacity: 100_000, maxChars: 1000 });
    for (let i = 0; i < 50; i++) ring.push(line('x'.repeat(10)));
    ring.push(line('y'.repeat(900)));
    expect(ring.chars).toBeLessThanOrEqual(1000);
    expect(ring.length).toBe(11);
    expect(ring.dropped).toBe(40);
    // A line longer than the budget is still kept, alone.
    ring.push(line('z'.repeat(5000)));
    expect(ring.length).toBe(1);
    expect(ring.textAt(0)).toBe('z'.repeat(5000));
  });

  it('clear resets contents and counters', () => {
    const ring = new LogRing({ capacity: 2 });
    for (const t of ['a', 'b', 'c']) ring.push(line(t));
    ring.clear();
    expect([ring.length, ring.dropped, ring.totalPushed, ring.chars]).toEqual([0, 0, 0, 0]);
    ring.push(line('d'));
    expect(ring.slice(0)).toEqual([line('d')]);
  });

  it('push is O(1): a million pushes into a small ring complete', () => {
    const ring = new LogRing({ capacity: 1000 });
    for (let i = 0; i < 1_000_000; i++) ring.push(line(String(i)));
    expect(ring.textAt(0)).toBe('999000');
    expect(ring.dropped).toBe(999_000);
  });

  type Op = { kind: 'push'; line: LogLine } | { kind: 'clear' };
  const lineArb = fc.record({
    ts: fc.oneof(fc.constant(''), fc.string({ minLength: 1, maxLength: 8 })),
    stream: fc.constantFrom('stdout' as const, 'stderr' as const),
    text: fc.string({ maxLength: 12 }),
  });
  const opArb: fc.Arbitrary<Op> = fc.oneof(
    { weight: 9, arbitrary: lineArb.map((l) => ({ kind: 'push' as const, line: l })) },
    { weight: 1, arbitrary: fc.constant({ kind: 'clear' as const }) },
  );

  it('matches a plain array model (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 60 }), fc.array(opArb, { maxLength: 80 }), (capacity, maxChars, ops) => {
        const ring = new LogRing({ capacity, maxChars });
        let kept: LogLine[] = [];
        let pushed = 0;
        for (const op of ops) {
          if (op.kind === 'clear') {
            ring.clear();
            kept = [];
            pushed = 0;
            continue;
          }
          ring.push(op.line);
          pushed++;
          kept.push(op.line);
          // Newest first: keep what fits in the count and the budget (the newest always stays).
          let chars = 0;
          let from = kept.length;
          while (from > 0 && kept.length - from < capacity && (from === kept.length || chars + rawLength(kept[from - 1]!) <= maxChars)) {
            chars += rawLength(kept[--from]!);
          }
          kept = kept.slice(from);
          expect(ring.slice(0)).toEqual(kept);
          expect(ring.length).toBe(kept.length);
          expect(ring.totalPushed).toBe(pushed);
          expect(ring.dropped).toBe(pushed - kept.length);
          expect(ring.chars).toBe(chars);
        }
      }),
      { numRuns: 500 },
    );
  });
});
