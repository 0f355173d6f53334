// A list call the engine may never answer: a slow or wedged engine must not leave a pane at
// "Loading…" forever. Each call gets a deadline; when it passes, the pane says so and the
// session keeps retrying in the background with a growing pause (1 s, 2 s, 4 s … 30 s).
import { delay } from './store.js';

export const LIST_TIMEOUT_MS = 10_000;

export class ListTimeoutError extends Error {
  constructor(what: string, timeoutMs: number) {
    super(`the engine did not answer the ${what} list in ${Math.round(timeoutMs / 1000)} s — retrying`);
  }
}

/** Runs `load` with a deadline; a missed deadline becomes a ListTimeoutError naming `what`. */
export async function withDeadline<T>(what: string, timeoutMs: number, signal: AbortSignal, load: (signal: AbortSignal) => Promise<T>): Promise<T> {
  const deadline = AbortSignal.timeout(timeoutMs);
  try {
    return await load(AbortSignal.any([signal, deadline]));
  } catch (err) {
    if (deadline.aborted && !signal.aborted) throw new ListTimeoutError(what, timeoutMs);
    throw err;
  }
}

/** Re-runs a failed load after a pause that doubles up to `maxMs`; a success resets it. */
export class Retry {
  private pauseMs: number;
  private waiting = false;

  constructor(
    private readonly signal: AbortSignal,
    private readonly again: () => void,
    private readonly firstMs = 1000,
    private readonly maxMs = 30_000,
  ) {
    this.pauseMs = firstMs;
  }

  succeeded(): void {
    this.pauseMs = this.firstMs;
  }

  failed(): void {
    if (this.waiting || this.signal.aborted) return;
    this.waiting = true;
    const pause = this.pauseMs;
    this.pauseMs = Math.min(this.maxMs, this.pauseMs * 2);
    void delay(pause, this.signal).then(
      () => {
        this.waiting = false;
        if (!this.signal.aborted) this.again();
      },
      () => undefined,
    );
  }
}
