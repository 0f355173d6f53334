// The time-ordered merge shared by the Compose and service logs, without streams: a line
// is placed once every writer still writing has passed its time, or once it has waited
// holdMs; a writer quiet for quietMs holds nothing back.
import { describe, expect, it } from 'vitest';
import { noteWrite, TimeOrderedMerge, type Writer } from '../../src/state/time-ordered-merge.js';

const held = (key: string, at: number) => ({ key, at, text: key });

describe('TimeOrderedMerge', () => {
  it('places lines up to the slowest writing stream, in time order, stable within a stamp', () => {
    const merge = new TimeOrderedMerge<{ key: string; at: number; text: string }>({ quietMs: 1000, holdMs: 3000 });
    const a: Writer = { watermark: '', lastAt: 0 };
    const b: Writer = { watermark: '', lastAt: 0 };
    for (const [w, k] of [
      [a, '03'],
      [a, '05'],
      [b, '02'],
      [b, '03'],
    ] as const) {
      noteWrite(w, k, 100);
      merge.push({ ...held(k, 100), text: `${w === a ? 'a' : 'b'}${k}` });
    }
    // b has come to 03: a's 05 waits for it.
    expect(merge.takeReady(200, [a, b]).map((p) => p.text)).toEqual(['b02', 'a03', 'b03']);
    expect(merge.size).toBe(1);
    // b quiet for quietMs: it holds nothing back any more.
    expect(merge.takeReady(1200, [a, b]).map((p) => p.text)).toEqual(['a05']);
  });

  it('places a line held for holdMs even while a writer lags behind it', () => {
    const merge = new TimeOrderedMerge({ quietMs: 10_000, holdMs: 3000 });
    const lagging: Writer = { watermark: '01', lastAt: 0 };
    merge.push(held('09', 0));
    expect(merge.takeReady(2999, [lagging])).toEqual([]);
    noteWrite(lagging, '01', 2999);
    expect(merge.takeReady(3000, [lagging]).map((p) => p.key)).toEqual(['09']);
  });

  it('takeAll() empties the queue in time order', () => {
    const merge = new TimeOrderedMerge({ quietMs: 1, holdMs: 1 });
    for (const k of ['3', '1', '2']) merge.push(held(k, 0));
    expect(merge.takeAll().map((p) => p.key)).toEqual(['1', '2', '3']);
    expect(merge.size).toBe(0);
  });
});
