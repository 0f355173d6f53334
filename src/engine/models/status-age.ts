// The STATUS column's "Up 3 seconds" / "Exited (0) 5 minutes ago", aged from the engine's
// own timestamps (State.StartedAt / State.FinishedAt), the way the docker CLI's server side
// builds that text. Parsing the status text back into a duration cannot do this: the text
// is lossy ("About a minute" is anything from 60 to 119 s, "2 hours" ±30 minutes), so an
// age re-derived from a newer list answer can be smaller than the one already shown.
import { absoluteTime, ageStatus, humanDuration, minHumanDuration, type DateFormat } from './format.js';
import type { ContainerRow } from './types.js';

/** When the container last started and stopped, in ms since the epoch (engine clock). */
export interface ContainerTimes {
  startedAt?: number;
  finishedAt?: number;
}

/** Go's zero time ("0001-01-01T00:00:00Z") means "never"; anything unparsable is unknown. */
function engineTime(value: unknown): number | undefined {
  if (typeof value !== 'string') return undefined;
  const ms = Date.parse(value);
  return Number.isFinite(ms) && ms > 0 ? ms : undefined;
}

/** State.StartedAt / State.FinishedAt of an inspect answer; never throws on odd input. */
export function containerTimesOf(inspect: unknown): ContainerTimes {
  const state = inspect && typeof inspect === 'object' ? (inspect as { State?: unknown }).State : undefined;
  if (!state || typeof state !== 'object') return {};
  const s = state as { StartedAt?: unknown; FinishedAt?: unknown };
  return { startedAt: engineTime(s.StartedAt), finishedAt: engineTime(s.FinishedAt) };
}

const UP = /^Up (.+?)( \(.+\))?$/;
const EXITED = /^((?:Exited|Restarting) \(-?\d+\)) (.+) ago$/;

/** Which timestamp a status text is counted from, if any. */
export function agedFrom(status: string): 'startedAt' | 'finishedAt' | undefined {
  if (UP.test(status)) return 'startedAt';
  if (EXITED.test(status)) return 'finishedAt';
  return undefined;
}

/**
 * The status text at `now`. With the engine's timestamp the age is exact; until it is
 * known (the first inspect is in flight) the list answer's own text is aged from when it
 * was read — a lower bound of the true age, so switching to the exact one never goes back.
 * `now` is clamped to the read time, so a clock read before the list never ages backwards.
 *
 * `absolute` (the dateFormat setting) puts the engine's time where the age was: "Up since
 * 2026-12-02 13:05 (healthy)", "Exited (0) at 2026-12-02 13:05". The status text alone
 * gives the time only to within its rounding ("2 hours" is ±30 minutes), so until the
 * timestamp is read the age stays (a moment after the row appears; never a made-up time).
 */
export function containerStatus(
  row: Pick<ContainerRow, 'status' | 'statusAt'>,
  times: ContainerTimes | undefined,
  now: number,
  format: DateFormat = 'relative',
): string {
  const up = UP.exec(row.status);
  const exited = up ? null : EXITED.exec(row.status);
  const since = up ? times?.startedAt : exited ? times?.finishedAt : undefined;
  if (since === undefined) return ageStatus(row.status, row.statusAt, Math.max(now, row.statusAt));
  if (format === 'absolute') {
    const at = absoluteTime(since / 1000);
    return up ? `Up since ${at}${up[2] ?? ''}` : `${exited![1]} at ${at}`;
  }
  const age = humanDuration(Math.max(0, now - since));
  return up ? `Up ${age}${up[2] ?? ''}` : `${exited![1]} ${age} ago`;
}

/** Cells the STATUS column takes: "Exited (137) at 2026-12-02 13:05" in full when absolute. */
export function statusWidth(format: DateFormat): number {
  return format === 'absolute' ? 32 : 22;
}

/** The least age a status text can mean, in ms: orders status texts, and tells "counts seconds". */
export function shownAge(status: string): number | undefined {
  const up = UP.exec(status);
  const exited = up ? null : EXITED.exec(status);
  const text = up ? up[1] : exited?.[2];
  return text === undefined ? undefined : minHumanDuration(text);
}
