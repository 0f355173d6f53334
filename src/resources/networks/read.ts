// Reading the networks for an action that may run while the Networks pane is not on
// screen (connect from the Containers pane, prune, create's duplicate check): the list
// is acquired for the read and released after, so it stays "on screen only" otherwise.
import type { EngineSession } from '../../state/session.js';
import type { NetworkRow } from './rows.js';

/** The networks as the engine has them now, or the error message when they cannot be read. */
export async function readNetworks(session: EngineSession): Promise<NetworkRow[] | string> {
  const query = session.list('networks');
  const release = query.acquire();
  try {
    await query.reload();
  } finally {
    release();
  }
  const state = query.store.get();
  return state.error ? `Could not list networks: ${state.error}` : state.rows;
}

/** "a, b, c" or "a, b, c and 4 more": names for one status line. */
export function nameList(names: readonly string[], max = 5): string {
  const shown = names.slice(0, max).join(', ');
  return names.length > max ? `${shown} and ${names.length - max} more` : shown;
}
