import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { RingBuffer } from '../../src/docker/streams/ring-buffer.js';

describe('RingBuffer', () => {
  it('rejects invalid capacities', () => {
    for (const bad of [0, -1, 1.5, NaN, Infinity]) {
      expect(() => new RingBuffer(bad)).toThrow(RangeError);
    }
  });

  it('keeps the newest items and counts evictions', () => {
    const rb = new RingBuffer<number>(3);
    expect(rb.capacity).toBe(3);
    expect(rb.length).toBe(0);
    expect(rb.get(0)).toBeUndefined();
    for (let i = 1; i <= 5; i++) rb.push(i);
    expect(rb.toArray()).toEqual([3, 4, 5]);
    expect(rb.get(0)).toBe(3);
    expect(rb.get(2)).toBe(5);
    expect(rb.get(3)).toBeUndefined();
    expect(rb.get(-1)).toBeUndefined();
    expect(rb.get(0.5)).toBeUndefined();
    expect(rb.dropped).toBe(2);
    expect(rb.totalPushed).toBe(5);
  });

  it('pushMany larger than capacity keeps only the tail', () => {
    const rb = new RingBuffer<number>(4);
    rb.push(100);
    rb.pushMany([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(rb.toArray()).toEqual([7, 8, 9, 10]);
    expect(rb.dropped).toBe(7);
    expect(rb.totalPushed).toBe(11);
  });

  it('slice follows Array.prototype.slice semantics', () => {
    const rb = new RingBuffer<string>(5);
    rb.pushMany(['a', 'b', 'c', 'd', 'e', 'f', 'g']);
    expect(rb.slice(0)).toEqual(['c', 'd', 'e', 'f', 'g']);
    expect(rb.slice(1, 3)).toEqual(['d', 'e']);
    expect(rb.slice(-2)).toEqual(['f', 'g']);
    expect(rb.slice(-100, 100)).toEqual(['c', 'd', 'e', 'f', 'g']);
    expect(rb.slice(3, 1)).toEqual([]);
  });

  it('clear resets contents and counters', () => {
    const rb = new RingBuffer<number>(2);
    rb.pushMany([1, 2, 3]);
    rb.clear();
    expect(rb.length).toBe(0);
    expect(rb.dropped).toBe(0);
    expect(rb.totalPushed).toBe(0);
    expect(rb.get(0)).toBeUndefined();
    rb.push(9);
    expect(rb.toArray()).toEqual([9]);
  });

  it('push is O(1): a million pushes into a small buffer complete', () => {
    const rb = new RingBuffer<number>(1000);
    for (let i = 0; i < 1_000_000; i++) rb.push(i);
    expect(rb.get(0)).toBe(999_000);
    expect(rb.dropped).toBe(999_000);
  });

  type Op = { kind: 'push'; item: number } | { kind: 'many'; items: number[] } | { kind: 'clear' };
  const opArb: fc.Arbitrary<Op> = fc.oneof(
    { weight: 6, arbitrary: fc.integer().map((item) => ({ kind: 'push' as const, item })) },
    { weight: 3, arbitrary: fc.array(fc.integer(), { maxLength: 20 }).map((items) => ({ kind: 'many' as const, items })) },
    { weight: 1, arbitrary: fc.constant({ kind: 'clear' as const }) },
  );

  it('matches a plain array model (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 12 }),
        fc.array(opArb, { maxLength: 60 }),
        fc.integer({ min: -20, max: 20 }),
        fc.option(fc.integer({ min: -20, max: 20 }), { nil: undefined }),
        (capacity, ops, sliceStart, sliceEnd) => {
          const rb = new RingBuffer<number>(capacity);
          let model: number[] = []; // everything pushed since the last clear
          for (const op of ops) {
            if (op.kind === 'push') {
              rb.push(op.item);
              model.push(op.item);
            } else if (op.kind === 'many') {
              rb.pushMany(op.items);
              model.push(...op.items);
            } else {
              rb.clear();
              model = [];
            }
            const retained = model.slice(-capacity);
            expect(rb.length).toBe(retained.length);
            expect(rb.totalPushed).toBe(model.length);
            expect(rb.dropped).toBe(model.length - retained.length);
            expect(rb.toArray()).toEqual(retained);
          }
          const retained = model.slice(-capacity);
          for (let i = -1; i <= capacity; i++) expect(rb.get(i)).toBe(retained[i]);
          expect(rb.slice(sliceStart, sliceEnd)).toEqual(retained.slice(sliceStart, sliceEnd));
        },
      ),
      { numRuns: 500 },
    );
  });
});
