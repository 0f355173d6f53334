// What the views drew where, for the parts a mouse click needs and the layout alone
// cannot tell: the first row each list shows (its scroll position lives in the table)
// the detail pane's tab labels (which tabs fit depends on the container's name) and the
// header's pane tabs (which names fit depends on the width).
// Views write it after each frame; src/app/dispatch/mouse.ts reads it on a click.

export interface TabZone {
  id: string;
  /** Cells from the pane's inner left edge: [from, to). */
  from: number;
  to: number;
}

export class ScreenMap {
  private readonly tops = new Map<string, number>();
  private tabs: readonly TabZone[] = [];
  private paneTabs: readonly TabZone[] = [];

  setListTop(kind: string, top: number): void {
    this.tops.set(kind, top);
  }

  listTop(kind: string): number {
    return this.tops.get(kind) ?? 0;
  }

  setDetailTabs(tabs: readonly TabZone[]): void {
    this.tabs = tabs;
  }

  detailTabAt(x: number): string | undefined {
    return this.tabs.find((t) => x >= t.from && x < t.to)?.id;
  }

  /** The header's pane tabs; ids are their `pane.*` actions, cells from the screen's left edge. */
  setPaneTabs(tabs: readonly TabZone[]): void {
    this.paneTabs = tabs;
  }

  paneTabAt(x: number): string | undefined {
    return this.paneTabs.find((t) => x >= t.from && x < t.to)?.id;
  }
}
