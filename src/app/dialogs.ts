// Opening a confirm dialog from an action. The dialog records the session it was opened
// on (see Origin in ui-state.ts); dispatch/dialog-keys.ts confirms only on that session.
import type { EngineSession } from '../state/session.js';
import type { AppContextValue } from './app-context.js';
import type { Dialog } from './ui-state.js';
import { keyLabel, keyLabels } from '../keys/labels.js';

/** A dialog's default last line; each ' · ' part starts with its key (a click on it presses that key). */
export const confirmFooter = (): string =>
  `${keyLabel('dialog.yes')} confirm · ${keyLabels('dialog.no').split('/').slice(0, 1).concat(keyLabel('back')).join('/')} cancel (default No)`;

export type DialogRequest = Omit<Dialog, 'origin'>;

/** Asks before `target` (an id) is changed; y runs onConfirm(session), f onForce(session). */
export function openDialog(ctx: AppContextValue, target: string | undefined, dialog: DialogRequest): void {
  const session: EngineSession = ctx.session;
  ctx.ui.update((s) => ({ ...s, dialog: { ...dialog, origin: { session, target } } }));
}
