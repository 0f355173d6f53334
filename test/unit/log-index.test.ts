import { describe, expect, it } from 'vitest';
import { LogRing } from '../../src/state/log-ring.js';
import type { LogLine } from '../../src/engine/models/types.js';
import { allRows, compileFilter, filterIndex, findAll, MatchIndex, searchIndex, viewRows } from '../../src/state/log-index.js';
import { wrapToWidth } from '../../src/text/wrap.js';

const line = (text: string, stream: 'stdout' | 'stderr' = 'stdout'): LogLine => ({ ts: '', stream, text });

describe('MatchIndex', () => {
  it('scans only new lines and forgets dropped ones', () => {
    const buf = new LogRing({ capacity: 5 });
    let tested = 0;
    const index = new MatchIndex('k', (t) => (tested++, t.includes('x')));
    for (const t of ['ax', 'b', 'cx']) buf.push(line(t));
    expect(index.update(buf).count).toBe(2);
    expect(tested).toBe(3);
    index.update(buf);
    expect(tested).toBe(3); // nothing new: no re-scan
    for (const t of ['d', 'ex', 'f', 'gx']) buf.push(line(t)); // drops 'ax', 'b'
    index.update(buf);
    expect(tested).toBe(7);
    expect([0, 1, 2].map((i) => index.seqAt(i))).toEqual([2, 4, 6]);
    expect(index.count).toBe(3);
    expect(index.indexOf(3)).toBe(1);
    expect(index.next(2)).toBe(4);
    expect(index.next(4, true)).toBe(2);
    expect(index.next(6)).toBeUndefined();
  });

  it('starts over for a new buffer', () => {
    const a = new LogRing({ capacity: 5 });
    a.push(line('x'));
    const index = new MatchIndex('k', (t) => t === 'x');
    index.update(a);
    const b = new LogRing({ capacity: 5 });
    b.push(line('y'));
    b.push(line('x'));
    expect(index.update(b).seqAt(0)).toBe(1);
  });

  it('keeps up with 100k lines without re-scanning per call', () => {
    const buf = new LogRing({ capacity: 100_000 });
    for (let i = 0; i < 100_000; i++) buf.push(line(`line ${i} ${i % 7 === 0 ? 'ERROR' : 'ok'}`));
    const first = filterIndex(buf, { pattern: 'error', ignoreCase: true })!;
    expect(first.count).toBe(Math.ceil(100_000 / 7));
    expect(filterIndex(buf, { pattern: 'error', ignoreCase: true })).toBe(first);
    expect(filterIndex(buf, { pattern: 'error', ignoreCase: false })!.count).toBe(0);
  });
});

describe('rows, search and filter', () => {
  it('all rows are the buffer; a filter narrows them', () => {
    const buf = new LogRing({ capacity: 3 });
    for (const t of ['a1', 'b2', 'a3', 'b4']) buf.push(line(t));
    const all = allRows(buf);
    expect(all.count).toBe(3);
    expect(all.seqAt(0)).toBe(1);
    const only = viewRows(buf, { pattern: '^b', ignoreCase: false });
    expect(only.count).toBe(2);
    expect(only.seqAt(1)).toBe(3);
  });

  it('search is smart-case and finds every occurrence', () => {
    const buf = new LogRing({ capacity: 10 });
    for (const t of ['Foo', 'foo', 'bar']) buf.push(line(t));
    expect(searchIndex(buf, 'foo').count).toBe(2);
    expect(searchIndex(buf, 'Foo').count).toBe(1);
    expect(findAll('a foo Foo', 'foo')).toEqual([
      [2, 5],
      [6, 9],
    ]);
    expect(findAll('a foo Foo', 'Foo')).toEqual([[6, 9]]);
  });

  it('explains a bad regular expression', () => {
    expect(typeof compileFilter('(', false)).toBe('string');
    // A matcher (linear-time since issue 13, no longer a RegExp) that matches like one.
    const ok = compileFilter('a+', true);
    expect(typeof ok).toBe('object');
    expect(typeof ok === 'object' && ok.test('xAAx')).toBe(true);
  });

  it('matches what is shown, not control bytes', () => {
    const buf = new LogRing({ capacity: 10 });
    buf.push(line('\x1b[31mred\x1b[0m alert'));
    expect(searchIndex(buf, 'red alert').count).toBe(1);
  });
});

describe('wrapToWidth', () => {
  it('cuts ASCII by width', () => {
    expect(wrapToWidth('abcdefg', 3)).toEqual({ rows: ['abc', 'def', 'g'], offsets: [0, 3, 6] });
    expect(wrapToWidth('', 3).rows).toEqual(['']);
  });

  it('never splits a wide character and carries colour over', () => {
    expect(wrapToWidth('日本語', 3).rows).toEqual(['日', '本', '語']);
    const { rows } = wrapToWidth('\x1b[31mabcdé\x1b[0m', 3);
    expect(rows[0]).toBe('\x1b[31mabc\x1b[0m');
    expect(rows[1]).toBe('\x1b[31mdé\x1b[0m');
  });
});
