// Following a log on an engine that answers a followed log only with its first line:
// Podman (measured, 4.3.1) sends no response headers for `follow=1` until there is a line
// to send (a quiet container's, or `tail=0`'s, never come), so a quiet container would read
// "Loading logs…" forever. Here the lines already there are read without follow (answered
// at once; Podman honours `tail` there, and with follow too), then the log is followed from
// the last stamp. Podman's stamps have whole seconds and `since` is inclusive, so the
// follow starts again at the beginning of the last second read: ReplayCut drops what was
// read, lines of that second the tail left out included (log-replay.ts).
//
// Both reads go through readLogs, so this path says what the normal one says: a driver that
// keeps no logs is a NoLogsError, glued TTY stamps are taken out (logs.ts).
import type { Docker } from './docker.js';
import type { RawLogLine } from '../models/types.js';
import { sinceParam, timestampKey } from '../models/log-stamp.js';
import { readLogs, type LogOptions } from './logs.js';
import { ReplayCut } from './log-replay.js';

export async function* readLogsLateHeaders(docker: Docker, id: string, opts: LogOptions, signal: AbortSignal): AsyncGenerator<RawLogLine[]> {
  // The lines with the newest stamp so far, in order.
  let last: RawLogLine[] = [];
  let lastKey = '';
  // Whole lines only: a line still being written is read whole by the follow below.
  for await (const batch of readLogs(docker, id, { ...opts, follow: false }, signal, true)) {
    if (batch.length) yield batch;
    for (const line of batch) {
      if (!line.ts) continue;
      const key = timestampKey(line.ts);
      if (key < lastKey) continue;
      if (key > lastKey) [last, lastKey] = [[], key];
      last.push(line);
    }
  }
  // Loaded: a log with no lines reads "No log output yet".
  yield [];
  if (opts.follow === false) return;
  const since = last[0] ? sinceParam(last[0].ts) : undefined;
  // Nothing read yet: the whole log from here on is new (it had no whole line a moment ago).
  if (!since) {
    yield* readLogs(docker, id, { tail: 'all', ...(opts.since === undefined ? {} : { since: opts.since }), follow: true }, signal);
    return;
  }
  const cut = ReplayCut.after(last);
  for await (const batch of readLogs(docker, id, { tail: 'all', since, follow: true }, signal)) {
    const fresh = cut.fresh(batch);
    if (fresh.length) yield fresh;
  }
}
