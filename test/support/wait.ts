// Bounded wait-for-condition polling, shared by the engine lifecycle and tests.
// Kept free of vitest imports so scripts (engine-cli, bench) can use it too.

export interface WaitForOptions {
  /** Give up after this many ms (default 10 000). */
  timeout?: number;
  /** Pause between predicate calls in ms (default 50). */
  interval?: number;
  /** Describes what we waited for; a function is evaluated lazily on timeout so it can include fresh state (logs, screens). */
  message?: string | (() => string);
}

const pause = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Resolves as soon as `predicate` returns true; rejects after `timeout` ms with `message`
 * and the last error the predicate threw (a throwing predicate counts as "not yet").
 * Each predicate call is raced against the deadline so a hung call cannot stretch the timeout.
 */
export async function waitFor(
  predicate: () => Promise<boolean> | boolean,
  { timeout = 10_000, interval = 50, message = 'condition' }: WaitForOptions = {},
): Promise<void> {
  const deadline = Date.now() + timeout;
  let lastError: unknown;
  for (;;) {
    const remaining = deadline - Date.now();
    let timer: NodeJS.Timeout | undefined;
    const expired = new Promise<'expired'>((resolve) => {
      timer = setTimeout(() => resolve('expired'), Math.max(remaining, 0));
    });
    try {
      const ok = await Promise.race([Promise.resolve().then(predicate), expired]);
      if (ok === true) return;
    } catch (error) {
      lastError = error;
    } finally {
      clearTimeout(timer);
    }
    if (Date.now() >= deadline) {
      const what = typeof message === 'function' ? message() : message;
      const cause = lastError instanceof Error ? `\nlast error: ${lastError.message}` : '';
      throw new Error(`waitFor timed out after ${timeout}ms: ${what}${cause}`, { cause: lastError });
    }
    await pause(Math.min(interval, Math.max(deadline - Date.now(), 0)));
  }
}
