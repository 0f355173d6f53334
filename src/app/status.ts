// Writing the status line from actions.
import type { StatusKind } from '../ui/status-bar.js';
import type { AppContextValue } from './app-context.js';

export function setStatus(ctx: AppContextValue, text: string, kind: StatusKind = 'info'): void {
  ctx.ui.update((s) => ({ ...s, status: { text, kind } }));
}

/** Runs an engine call with "doing…" / "done" / error in the status line; never throws. */
export async function withStatus(
  ctx: AppContextValue,
  doing: string,
  done: string,
  run: () => Promise<void>,
  describe: (err: unknown) => string,
): Promise<boolean> {
  if (!ctx.session.isConnected()) {
    setStatus(ctx, `${doing.replace(/\u2026$/, '')}: not possible now — the engine is unreachable (dtui is retrying)`, 'error');
    return false;
  }
  setStatus(ctx, doing, 'progress');
  try {
    await run();
    setStatus(ctx, done, 'success');
    return true;
  } catch (err) {
    setStatus(ctx, describe(err), 'error');
    return false;
  }
}
