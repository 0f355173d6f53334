// What the hint bar offers, of the keys in effect. The detail pane's tab bar already names
// each tab with its key (Logs l, Top t…), so the tab keys are left to it and the line has
// room for the rest (E run cmd, c commit, C cp); the pane's own keys are hinted only on
// the tabs they act on — no Logs keys while it shows an image's Inspect.
import type { KeyAction } from '../../keys/keymap.js';
import type { DetailTab } from '../../state/detail-tabs.js';
import type { UiState } from '../ui-state.js';

/** Keys that open a detail tab: the tab bar shows them. */
const TAB_KEYS: ReadonlySet<string> = new Set([
  'detail.logs',
  'detail.top',
  'detail.stats',
  'detail.inspect',
  'container.logs',
  'container.top',
  'container.stats',
  'container.inspect',
  'image.inspect',
]);

/** The detail pane's keys that act on some tabs only. */
const ON_TABS: Readonly<Record<string, readonly DetailTab[]>> = {
  'detail.search': ['logs', 'inspect'],
  'logs.wrap': ['logs', 'inspect', 'top'],
  'logs.save': ['logs', 'inspect'],
};

/** The keymap with the hints the bar should not offer now removed (the bindings stay: they still shadow other scopes' keys). */
export function hintKeymap(keymap: readonly KeyAction[], s: UiState, tabsOf: (kind: UiState['lastList']) => readonly DetailTab[]): KeyAction[] {
  // The tab the pane shows: one its kind lacks means its summary (an image's), where no tab key acts.
  const tab = tabsOf(s.lastList).includes(s.detailTab) ? s.detailTab : undefined;
  const offered = (a: KeyAction) => {
    if (TAB_KEYS.has(a.id)) return false;
    const on = ON_TABS[a.id];
    return !on || (tab !== undefined && on.includes(tab));
  };
  return keymap.map((a) => (a.hint && !offered(a) ? { ...a, hint: undefined } : a));
}
