// y / f / n in a confirm dialog. A dialog acts only on the engine session it was opened
// on, and only while that is still the app's session: after an engine switch a pending
// "Remove container X?" must not send X's id to the new engine.
import type { AppContextValue } from '../app-context.js';
import { setStatus } from '../status.js';
import type { Dialog } from '../ui-state.js';

export function dialogKeys(ctx: AppContextValue) {
  /** Closes the dialog; runs `pick(dialog)` with its session if that is still current. */
  const close = (pick?: (d: Dialog) => Dialog['onConfirm'] | undefined) => {
    const dialog = ctx.ui.get().dialog;
    if (!dialog) return;
    const run = pick?.(dialog);
    if (pick && !run) return; // f on a dialog that offers no force: stays open
    ctx.ui.update((s) => ({ ...s, dialog: undefined }));
    if (!run) return;
    if (dialog.origin.session !== ctx.session) {
      return setStatus(ctx, `${dialog.title.replace(/\s*y\/N$/, '')} — not done: it was asked on another engine`, 'error');
    }
    run(dialog.origin.session);
  };
  return {
    'dialog.yes': () => close((d) => d.onConfirm),
    'dialog.force': () => close((d) => d.onForce),
    'dialog.no': () => close(),
  };
}
