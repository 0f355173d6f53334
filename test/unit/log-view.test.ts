import { describe, expect, it } from 'vitest';
import { LogRing } from '../../src/state/log-ring.js';
import type { LogLine } from '../../src/engine/models/types.js';
import { initialLogView, initialUiState } from '../../src/app/ui-state.js';
import { allRows, viewRows } from '../../src/state/log-index.js';
import { displayText, shortTimestamp } from '../../src/views/detail/log-line.js';
import { revealSeq, scrollRows, toggleFollow } from '../../src/app/log-scroll.js';
import { logPosition } from '../../src/views/detail/logs-view.js';

const line = (text: string): LogLine => ({ ts: '2026-11-27T23:27:27.123456789Z', stream: 'stdout', text });

function buffer(n: number, capacity = 1000): LogRing {
  const b = new LogRing({ capacity: capacity });
  for (let i = 0; i < n; i++) b.push(line(i % 2 ? `odd ${i}` : `even ${i}`));
  return b;
}

describe('log line text', () => {
  it('keeps SGR colours only when colour is on, and strips every other control', () => {
    const l = line('\x1b[31mred\x1b[0m \x1b]0;title\x07done');
    expect(displayText(l, { colour: true, search: '' }).text).toBe('\x1b[31mred\x1b[0m done');
    expect(displayText(l, { colour: false, search: '' }).text).toBe('red done');
    // A line with a match is drawn plain, with the match positions.
    expect(displayText(l, { colour: true, search: 'done' })).toEqual({ text: 'red done', hits: [[4, 8]] });
  });

  it('shortens timestamps to milliseconds', () => {
    expect(shortTimestamp('2026-11-27T23:27:27.123456789Z')).toBe('2026-11-27 23:27:27.123');
    expect(shortTimestamp('2026-11-27T23:27:27Z')).toBe('2026-11-27 23:27:27.000');
  });
});

describe('log scrolling over rows', () => {
  it('scrolls a filtered view by matches and follows again at the end', () => {
    const b = buffer(100);
    const rows = viewRows(b, { pattern: '^odd', ignoreCase: false });
    expect(rows.count).toBe(50);
    let s = scrollRows(initialUiState(), rows, 'up', 10);
    expect(s.logScroll.topSeq).toBe(rows.seqAt(39));
    s = scrollRows(s, rows, 'home', 10);
    expect(s.logScroll.topSeq).toBe(1);
    s = scrollRows(s, rows, 'end', 10);
    expect(s.logScroll.topSeq).toBeNull();
  });

  it('f pauses where the view is and resumes following', () => {
    const rows = allRows(buffer(30));
    const paused = toggleFollow(initialUiState(), rows, 10);
    expect(paused.logScroll.topSeq).toBe(20);
    expect(toggleFollow(paused, rows, 10).logScroll.topSeq).toBeNull();
  });

  it('reveals a line a little below the top', () => {
    const rows = allRows(buffer(100));
    expect(revealSeq(initialUiState(), rows, 42, 10).logScroll.topSeq).toBe(40);
  });
});

describe('log status line', () => {
  it('names position, search, filter, size, drops and modes', () => {
    const b = buffer(120, 100);
    const view = { ...initialLogView(), search: 'odd', searchAt: 21, filter: { pattern: 'odd', ignoreCase: true }, timestamps: true, wrap: true };
    const rows = viewRows(b, view.filter);
    const text = logPosition({ containerId: 'c', lines: b, version: 1, state: 'live' }, null, view, rows, 0);
    expect(text).toBe('following · "odd" 1/50 matches · & /odd/i 50 shown · 120 lines (20 dropped) · tail 1,000 · T · wrap');
  });
});
