// Following a log on an engine that answers a followed log only with its first line:
// Podman (measured, 4.3.1) sends no response headers for `follow=1` until the container
// prints, so a quiet container would read "Loading logs…" forever. Here the lines already
// there are read without follow (answered at once), then the log is followed from the last
// stamp. Podman's stamps have whole seconds, and `since` is inclusive, so the lines of the
// last second come again: those already seen are dropped once each, by stream and text.
import type { Docker } from './docker.js';
import type { RawLogLine } from '../models/types.js';
import { readLogs, type LogOptions } from './logs.js';

/** "seconds.nanoseconds", the form `since` takes, of an RFC3339 stamp. */
function sinceOf(ts: string): string | undefined {
  const ms = Date.parse(ts);
  if (Number.isNaN(ms)) return undefined;
  const nanos = (/\.(\d+)/.exec(ts)?.[1] ?? '').padEnd(9, '0').slice(0, 9);
  return `${Math.floor(ms / 1000)}.${nanos}`;
}

const lineId = (l: RawLogLine) => `${l.stream} ${l.text}`;

export async function* readLogsLateHeaders(docker: Docker, id: string, opts: LogOptions, signal: AbortSignal): AsyncGenerator<RawLogLine[]> {
  let last: RawLogLine[] = [];
  for await (const batch of readLogs(docker, id, { ...opts, follow: false }, signal)) {
    if (batch.length) yield batch;
    for (const line of batch) {
      if (!line.ts) continue;
      if (last[0]?.ts !== line.ts) last = [];
      last.push(line);
    }
  }
  // Loaded: a log with no lines reads "No log output yet".
  yield [];
  if (opts.follow === false) return;
  const lastTs = last[0]?.ts;
  const since = lastTs ? sinceOf(lastTs) : undefined;
  // Nothing seen yet: the whole log from here on is new (it was empty a moment ago).
  if (!lastTs || !since) {
    yield* readLogs(docker, id, { tail: 'all', follow: true }, signal);
    return;
  }
  const lastMs = Date.parse(lastTs);
  const seen = new Map<string, number>();
  for (const l of last) seen.set(lineId(l), (seen.get(lineId(l)) ?? 0) + 1);
  for await (const batch of readLogs(docker, id, { tail: 'all', since, follow: true }, signal)) {
    const fresh = batch.filter((l) => {
      const ms = Date.parse(l.ts);
      if (Number.isNaN(ms) || ms > lastMs) return true;
      if (ms < lastMs) return false;
      const left = seen.get(lineId(l)) ?? 0;
      if (left === 0) return true;
      seen.set(lineId(l), left - 1);
      return false;
    });
    if (fresh.length) yield fresh;
  }
}
