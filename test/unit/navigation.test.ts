import { describe, expect, it } from 'vitest';
import { columnWidths, scrollTop } from '../../src/ui/table/scroll-window.js';
import { moveSelection } from '../../src/app/navigation.js';
import { initialUiState, selectedIndex } from '../../src/app/ui-state.js';

describe('scroll window', () => {
  it('keeps the top while the selection stays inside', () => {
    expect(scrollTop(0, 5, 10, 100)).toBe(0);
    expect(scrollTop(0, 10, 10, 100)).toBe(1);
    expect(scrollTop(20, 15, 10, 100)).toBe(15);
    expect(scrollTop(95, 99, 10, 100)).toBe(90);
    expect(scrollTop(3, 2, 10, 5)).toBe(0);
  });

  it('shares free width among flexible columns', () => {
    const w = columnWidths([{ width: 10 }, { grow: 1 }, { grow: 3 }], 50);
    expect(w[0]).toBe(10);
    expect(w.reduce((a, b) => a + b, 0) + 2).toBe(50);
    expect(w[2]).toBeGreaterThan(w[1]!);
  });

  it('leaves out the least important columns that do not fit, never overflowing', () => {
    const specs = [{ minWidth: 16, grow: 3 }, { width: 10 }, { width: 6, priority: 1 }, { width: 22, priority: 2 }, { width: 8, priority: 3 }];
    // 16+10+6+8 and gaps fit in 43; the 22-wide column does not, the narrower last one does.
    expect(columnWidths(specs, 43)).toEqual([16, 10, 6, 0, 8]);
    expect(columnWidths(specs, 30)).toEqual([19, 10, 0, 0, 0]);
    const wide = columnWidths(specs, 80);
    expect(wide.every((w) => w > 0)).toBe(true);
    expect(wide.reduce((a, b) => a + b, 0) + 4).toBe(80);
  });

  it('shows container names in at least 16 cells at 80, 100 and 160 columns (22 at 160)', async () => {
    const { containerColumns } = await import('../../src/resources/containers/columns.js');
    const { layoutFor } = await import('../../src/app/layout.js');
    const cols = containerColumns(new Map(), Date.now());
    const titles = (total: number) => columnWidths(cols, total).flatMap((w, i) => (w > 0 ? [cols[i]!.title] : []));
    for (const term of [80, 100, 160]) {
      const inner = layoutFor(term, 24).leftWidth - 4;
      const w = columnWidths(cols, inner);
      expect(w[0]).toBeGreaterThanOrEqual(16);
      expect(w.reduce((a, b) => a + b, 0) + w.filter((x) => x > 0).length - 1).toBeLessThanOrEqual(inner);
    }
    expect(titles(layoutFor(80, 24).leftWidth - 4)).toEqual(['NAME', 'IMAGE', 'STATE']);
    expect(titles(layoutFor(100, 24).leftWidth - 4)).toEqual(['NAME', 'IMAGE', 'STATE', 'CPU%']);
    expect(titles(layoutFor(160, 45).leftWidth - 4)).toEqual(['NAME', 'IMAGE', 'STATE', 'CPU%', 'MEM', 'STATUS']);
    expect(columnWidths(cols, layoutFor(160, 45).leftWidth - 4)[0]).toBeGreaterThanOrEqual(22);
    // 220 columns show all of docker ps -a but its COMMAND (ID included); a wider terminal shows COMMAND too.
    expect(titles(layoutFor(220, 45).leftWidth - 4)).toEqual(cols.map((c) => c.title).filter((t) => t !== 'COMMAND'));
    expect(titles(layoutFor(260, 45).leftWidth - 4)).toEqual(cols.map((c) => c.title));
    // Every progress state ("restarting…") fits the STATE column uncut.
    const { PENDING_LABEL } = await import('../../src/state/session.js');
    const state = cols.find((c) => c.title === 'STATE')!;
    for (const label of Object.values(PENDING_LABEL)) expect(label.length).toBeLessThanOrEqual(state.width!);
  });
});

describe('selection', () => {
  const keys = ['a', 'b', 'c', 'd'];
  it('follows its row when the list changes', () => {
    const state = moveSelection(initialUiState(), 'containers', keys, 'down', 10);
    expect(state.lists.containers.selectedKey).toBe('b');
    expect(selectedIndex(['x', 'a', 'b'], state.lists.containers)).toBe(2);
    // Gone: the cursor stays where it was, clamped.
    expect(selectedIndex(['x'], state.lists.containers)).toBe(0);
  });

  it('pages and clamps', () => {
    let s = moveSelection(initialUiState(), 'containers', keys, 'pageDown', 3);
    expect(s.lists.containers.selectedKey).toBe('d');
    s = moveSelection(s, 'containers', keys, 'down', 3);
    expect(s.lists.containers.selectedKey).toBe('d');
    s = moveSelection(s, 'containers', keys, 'home', 3);
    expect(s.lists.containers.selectedKey).toBe('a');
  });
});
