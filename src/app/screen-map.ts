// What the views drew where, for the parts a mouse click needs and the layout alone
// cannot tell: the first row each list shows (its scroll position lives in the table)
// and the detail pane's tab labels (which tabs fit depends on the container's name).
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
}
