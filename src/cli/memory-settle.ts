// Gives memory back once a burst is over (a log flood, the first frames of a long list).
//
// Under a burst V8 grows its young generation to 16 MB semi-spaces (33.6 MB committed) and
// never shrinks it while dtui sits idle: it shrinks only at a collection that sees a low
// allocation rate, and an idle dtui allocates too little to cause one. After a 1M-line
// flood RSS stayed at ~137 MB (1.8× a fresh dtui) for the whole minute measured, and an
// idle dtui on 200 containers sat at ~81 or ~95–103 MB depending on whether its first
// frames had grown it (docs/PERFORMANCE.md, "Issue 14, memory round three").
//
// So: every CHECK_MS, read the young generation's size; once it has grown past GROWN_BYTES
// and allocation has been quiet for QUIET_CHECKS checks in a row, ask V8 for one full
// collection. Seeing the low rate, V8 shrinks the young generation to 1 MB and compacts
// the old one (−30 to −40 MB); a new burst grows it again as before. Capping the young
// generation instead (--max-semi-space-size=1, --semi-space-growth-factor=1) gave the
// same RSS but cost the flood's key → frame p95 and ingestion; this costs nothing while
// busy (it acts only after ≥ 10 s of quiet) and one incremental collection per burst.
import { getHeapSpaceStatistics } from 'node:v8';
import { measureMemory } from 'node:vm';

const CHECK_MS = 5000;
/** The young generation starts at 1 MB semi-spaces; above this a burst has grown it. */
const GROWN_BYTES = 4 * 1024 * 1024;
/** V8 shrinks only below ~1 MB/s of allocation; ask well under that. */
const QUIET_BYTES_PER_CHECK = (512 * 1024 * CHECK_MS) / 1000;
const QUIET_CHECKS = 2;
/** At most one request per this long, should V8 decline to shrink (still allocating). */
const MIN_GAP_MS = 30_000;

export interface YoungGeneration {
  /** Bytes committed to the young generation. */
  committed: number;
  /** Bytes in use in it (grows with allocation, drops at a collection). */
  used: number;
}

export interface SettleState {
  last: YoungGeneration;
  quietChecks: number;
  lastRequestAt: number;
}

export function initialSettleState(now: YoungGeneration): SettleState {
  return { last: now, quietChecks: 0, lastRequestAt: -Infinity };
}

/** One check: the next state, and whether to ask for a collection now. */
export function settleStep(state: SettleState, now: YoungGeneration, atMs: number): { state: SettleState; collect: boolean } {
  const grew = now.used - state.last.used;
  // A drop means a collection ran since the last check: not quiet.
  const quietChecks = grew >= 0 && grew < QUIET_BYTES_PER_CHECK ? state.quietChecks + 1 : 0;
  const collect = now.committed > GROWN_BYTES && quietChecks >= QUIET_CHECKS && atMs - state.lastRequestAt >= MIN_GAP_MS;
  return {
    state: { last: now, quietChecks: collect ? 0 : quietChecks, lastRequestAt: collect ? atMs : state.lastRequestAt },
    collect,
  };
}

function youngGeneration(): YoungGeneration {
  const space = getHeapSpaceStatistics().find((s) => s.space_name === 'new_space');
  return { committed: space?.space_size ?? 0, used: space?.space_used_size ?? 0 };
}

/**
 * vm.measureMemory is the public API that starts a full collection without --expose-gc
 * ('eager': now, as incremental marking; the measurement itself is thrown away). Node prints
 * an ExperimentalWarning the first time, which would land in the middle of the frame; it is
 * emitted on the next tick, so the warning listeners are off until after that tick.
 */
function requestCollection(): void {
  const listeners = process.listeners('warning');
  process.removeAllListeners('warning');
  measureMemory({ execution: 'eager' }).catch(() => undefined);
  process.nextTick(() => {
    for (const listener of listeners) process.on('warning', listener);
  });
}

/** Starts the checks (an unref'd timer); returns the stopper. */
export function startMemorySettle(): () => void {
  let state = initialSettleState(youngGeneration());
  const timer = setInterval(() => {
    const step = settleStep(state, youngGeneration(), performance.now());
    state = step.state;
    if (step.collect) requestCollection();
  }, CHECK_MS);
  timer.unref();
  return () => clearInterval(timer);
}
