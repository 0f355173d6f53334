// Following a log on an engine that answers a followed log only with its first line:
// Podman (measured, 4.3.1) sends no response headers for `follow=1` until there is a line
// to send (a quiet container's, or `tail=0`'s, never come), so a quiet container would read
// "Loading logs…" forever. Here the lines already there are read without follow (answered
// at once; cut to the tail here, linesSoFar), then the log is followed from the last stamp. Podman's stamps have whole seconds and `since` is inclusive, so the
// follow starts again at the beginning of the last second read: ReplayCut drops what was
// read, lines of that second the tail left out included (log-replay.ts).
//
// The reads go through readLogsOf, so this path says what the normal one says: a driver that
// keeps no logs is a NoLogsError, glued TTY stamps are taken out (logs.ts).
import type { Docker } from './docker.js';
import type { RawLogLine } from '../models/types.js';
import { sinceParam, timestampKey } from '../models/log-stamp.js';
import { logTarget, readLogsOf, type LogOptions, type LogTarget } from './logs.js';
import { ReplayCut } from './log-replay.js';

/**
 * The lines already in the log, whole, the last `tail` of them. Podman 4.3.1's `tail`
 * misassembles lines written in pieces (measured: a TTY container's `echo count-1;
 * printf "waiting-1 "; sleep 1; echo` reads back with `tail` as "count-1\rwaiting-1 " and
 * "\r", which a terminal draws as "waiting-1" and a blank line; a non-TTY `echo a;
 * printf part1; sleep 1; printf part2; echo end` as "apart2part1" and "end"), while a read
 * by `since` gives the lines as written. So the answer to `tail` only says from which
 * second to read; the lines are read from there and cut to the tail here.
 */
async function linesSoFar(target: LogTarget, opts: LogOptions, signal: AbortSignal): Promise<{ read: RawLogLine[]; shown: RawLogLine[] }> {
  // A running container's unended last line may still grow: whole lines only, and the
  // follow after this reads that line whole. A stopped container's is final and counts in
  // the tail, as Docker's tail counts it (else the view held tail + 1 lines); the follow
  // replays it and ReplayCut drops it.
  const read = async (o: LogOptions): Promise<RawLogLine[]> => {
    const lines: RawLogLine[] = [];
    for await (const batch of readLogsOf(target, { ...o, follow: false }, signal, target.running)) lines.push(...batch);
    return lines;
  };
  const tail = opts.tail;
  if (tail === 'all') {
    const all = await read(opts);
    return { read: all, shown: all };
  }
  const oldest = (await read(opts)).reduce<string | undefined>((min, l) => (l.ts && (!min || timestampKey(l.ts) < timestampKey(min)) ? l.ts : min), undefined);
  const from = oldest ? sinceParam(oldest) : undefined;
  if (!from) return { read: [], shown: [] };
  const since = opts.since !== undefined && Number(opts.since) > Number(from) ? opts.since : from;
  const lines = await read({ tail: 'all', since });
  return { read: lines, shown: tail === 0 ? [] : lines.slice(-tail) };
}

export async function* readLogsLateHeaders(docker: Docker, id: string, opts: LogOptions, signal: AbortSignal): AsyncGenerator<RawLogLine[]> {
  // One inspect for the three reads (tty, driver, running).
  const target = await logTarget(docker, id, signal);
  const { read, shown } = await linesSoFar(target, opts, signal);
  if (shown.length) yield shown;
  // The lines read with the newest stamp, in order (shown or not: the follow repeats them).
  let last: RawLogLine[] = [];
  let lastKey = '';
  for (const line of read) {
    if (!line.ts) continue;
    const key = timestampKey(line.ts);
    if (key < lastKey) continue;
    if (key > lastKey) [last, lastKey] = [[], key];
    last.push(line);
  }
  // Loaded: a log with no lines reads "No log output yet".
  yield [];
  if (opts.follow === false) return;
  const since = last[0] ? sinceParam(last[0].ts) : undefined;
  // Nothing read yet: the whole log from here on is new (it had no whole line a moment ago).
  if (!since) {
    yield* readLogsOf(target, { tail: 'all', ...(opts.since === undefined ? {} : { since: opts.since }), follow: true }, signal);
    return;
  }
  const cut = ReplayCut.after(last);
  for await (const batch of readLogsOf(target, { tail: 'all', since, follow: true }, signal)) {
    const fresh = cut.fresh(batch);
    if (fresh.length) yield fresh;
  }
}
