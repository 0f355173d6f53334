// Writing the status line from actions. A message is not left to stick across unrelated
// work: the next key that runs an action clears it (controller.ts), and a finished
// outcome fades after a few seconds. Progress ("Stopping web-1…") stays until its action
// replaces it.
import type { StatusKind, StatusMessage } from '../ui/status-bar.js';
import type { AppContextValue } from './app-context.js';

/** How long a message stays when no key is pressed: errors longer, so they can be read. */
export const STATUS_LIFETIME_MS: Record<StatusKind, number | undefined> = {
  info: 8000,
  success: 8000,
  error: 20_000,
  progress: undefined,
};

export function setStatus(ctx: AppContextValue, text: string, kind: StatusKind = 'info'): void {
  const message: StatusMessage = { text, kind };
  ctx.ui.update((s) => ({ ...s, status: message, lastStatus: message }));
  const lifetime = STATUS_LIFETIME_MS[kind];
  // Only this message is cleared: a newer one keeps its own time.
  if (lifetime !== undefined) setTimeout(() => clearStatus(ctx, message), lifetime).unref();
}

/** Clears the status line (only `message` if given: it may have been replaced since). */
export function clearStatus(ctx: AppContextValue, message?: StatusMessage): void {
  ctx.ui.update((s) => (s.status && (!message || s.status === message) ? { ...s, status: undefined } : s));
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
