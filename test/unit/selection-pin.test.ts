import { describe, expect, it } from 'vitest';
import { keptMarks, pinnedList } from '../../src/app/selection-pin.js';
import { selectedIndex, type ListUi } from '../../src/app/ui-state.js';

const list = (patch: Partial<ListUi>): ListUi => ({ cursor: 0, filter: '', editingFilter: false, ...patch });

describe('pinnedList', () => {
  it('pins an unpinned selection to the row under the cursor', () => {
    expect(pinnedList(['a', 'b'], list({ cursor: 1 }))).toMatchObject({ cursor: 1, selectedKey: 'b' });
  });
  it('moves the cursor with the selected row when rows are inserted above', () => {
    const pinned = pinnedList(['n', 'a', 'b'], list({ cursor: 0, selectedKey: 'a' }));
    expect(pinned).toMatchObject({ cursor: 1, selectedKey: 'a' });
    expect(selectedIndex(['n', 'a', 'b'], pinned)).toBe(1);
  });
  it('takes the neighbour at the same position when the selected row is gone, clamped to the end', () => {
    expect(pinnedList(['a', 'c'], list({ cursor: 1, selectedKey: 'b' }))).toMatchObject({ cursor: 1, selectedKey: 'c' });
    expect(pinnedList(['a'], list({ cursor: 2, selectedKey: 'c' }))).toMatchObject({ cursor: 0, selectedKey: 'a' });
  });
  it('returns the same object when nothing changes, and leaves an empty list alone', () => {
    const l = list({ cursor: 1, selectedKey: 'b' });
    expect(pinnedList(['a', 'b'], l)).toBe(l);
    const empty = list({ cursor: 3 });
    expect(pinnedList([], empty)).toBe(empty);
  });
});

describe('keptMarks', () => {
  it('drops the marks of rows no longer listed, keeps the rest (filtered out or not)', () => {
    const marked = list({ marks: new Set(['a', 'gone', 'b']) });
    expect([...(keptMarks(new Set(['a', 'b', 'c']), marked).marks ?? [])]).toEqual(['a', 'b']);
  });
  it('the same object when nothing is gone; no set at all when every mark is', () => {
    const marked = list({ marks: new Set(['a']) });
    expect(keptMarks(new Set(['a', 'b']), marked)).toBe(marked);
    expect(keptMarks(new Set(['b']), marked).marks).toBeUndefined();
    const none = list({});
    expect(keptMarks(new Set(), none)).toBe(none);
  });
});
