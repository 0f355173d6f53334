// Which keymap scopes are in effect, most specific first: a form, a dialog or the filter
// prompt take every key; a list pane adds its own kind's keys before the shared ones.
import type { Scope } from '../../keys/keymap.js';
import type { UiState } from '../ui-state.js';

export function activeScopes(s: UiState): Scope[] {
  if (s.form) return ['form'];
  if (s.dialog) return ['dialog'];
  if (s.transfer) return ['transfer'];
  if (s.search) return ['search'];
  if (s.overlay) return ['overlay'];
  if (s.help) return ['help'];
  if (s.focus === 'engine') return ['engine', 'global'];
  if (s.focus === 'engines') {
    if (!s.engines.fleet) return ['engines', 'global'];
    // A fleet row's detail pane: its own keys first, then the row's (s, r, e… on its engine).
    if (s.engines.detail) return ['detail', 'fleet', 'global'];
    return s.engines.fleetList.editingFilter ? ['filter'] : ['fleet', 'engines', 'list', 'global'];
  }
  if (s.focus !== 'detail' && s.lists[s.focus].editingFilter) return ['filter'];
  // The detail pane shows the selected row of the list it belongs to: that list's keys
  // (s, r, d, e, a… for a container) act on what is shown, after the pane's own keys.
  if (s.focus === 'detail') return ['detail', s.lastList, 'global'];
  return [s.focus, 'list', 'global'];
}
