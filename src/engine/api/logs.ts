// A container's log as batches of lines. Checks Config.Tty instead of guessing the
// format: a TTY container streams raw bytes, any other one 8-byte-framed stdout/stderr.
// Timestamps are always requested: they let a reconnect resume exactly after the
// last line seen, and the view can show or hide them.
import type { Readable } from 'node:stream';
import type { Docker } from './docker.js';
import type { LogShapes } from './log-shapes.js';
import { FrameDemuxer } from '../streams/demux.js';
import { LineSplitter } from '../streams/line-splitter.js';
import type { RawLogLine } from '../models/types.js';
import { stampsShapedLike, timestampKey } from '../models/log-stamp.js';
import { engineErrorMessage, isAbort, NoLogsError } from '../errors.js';

export interface LogOptions {
  /** Lines from the end to start with; 'all' for the whole log. */
  tail: number | 'all';
  /** RFC3339 time or unix seconds: only lines after it. */
  since?: string;
  follow?: boolean;
}

const PARTIAL_STAMP = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?(?:Z|[+-]\d\d:\d\d) /;

/**
 * A TTY log has no frames to tell where the engine's messages begin. A message that did
 * not end its line (the text a container printed without a newline before it stopped or
 * restarted, or a piece of a line over 16 KiB; on Podman any write without a newline) is
 * followed by the next message's stamp in the middle of the line:
 * `partial2026-12-02T13:11:13.684555366Z tick` from dockerd, `waiting-1 2026-12-02T16:05:48Z `
 * from Podman 4.3.1 (measured: it stamps every write, in whole seconds). Such a stamp is
 * taken out when it has the shape of the line's own stamp (the engine's), is not at the
 * start of the text (a message is never empty) and is no older than the line's own, as a
 * later message's must be. (A container that prints stamps of exactly that shape itself,
 * after other text, would lose those from the view too; the saved log keeps the engine's bytes.)
 */
function withoutGluedStamps(line: RawLogLine): RawLogLine {
  const shape = line.ts ? stampsShapedLike(line.ts) : undefined;
  if (!shape || !line.text.includes(`${shape.zone} `)) return line;
  const own = timestampKey(line.ts);
  const text = line.text.replace(shape.pattern, (stamp: string, at: number) => (at > 0 && timestampKey(stamp.slice(0, -1)) >= own ? '' : stamp));
  return text === line.text ? line : { ...line, text, raw: `${line.ts} ${text}` };
}

function toLine(raw: string, stream: 'stdout' | 'stderr'): RawLogLine {
  // "2026-11-27T23:27:27.123456789Z text": the engine adds the stamp and one space.
  // The raw line goes along so the scrollback can keep one string per line (log-ring.ts).
  const space = raw.indexOf(' ');
  if (space > 0 && raw.charCodeAt(4) === 45 /* - */ && space <= 40) {
    return { ts: raw.slice(0, space), stream, text: raw.slice(space + 1), raw, textStart: space + 1 };
  }
  return { ts: '', stream, text: raw, raw, textStart: 0 };
}

/** A container's log; `shapes` spares the inspect of a container whose log was read before. */
export async function* readLogs(docker: Docker, id: string, opts: LogOptions, signal: AbortSignal, shapes?: LogShapes): AsyncGenerator<RawLogLine[]> {
  yield* readLogsOf(await shapedTarget(docker, id, signal, shapes), opts, signal);
}

/** A target from the container's remembered shape, else from an inspect (then remembered). */
async function shapedTarget(docker: Docker, id: string, signal: AbortSignal, shapes: LogShapes | undefined): Promise<LogTarget> {
  const known = shapes?.get(id);
  // `running` is read only by the Podman path, which inspects each time (logs-late-headers.ts).
  if (known) return { container: docker.getContainer(id), ...known, running: true };
  const target = await logTarget(docker, id, signal);
  shapes?.remember(id, { tty: target.tty, driver: target.driver });
  return target;
}

/** What reading a container's log depends on, from one inspect: a caller that reads twice asks once. */
export interface LogTarget {
  container: ReturnType<Docker['getContainer']>;
  tty: boolean;
  driver: string;
  running: boolean;
}

export async function logTarget(docker: Docker, id: string, signal: AbortSignal): Promise<LogTarget> {
  const container = docker.getContainer(id);
  const info = await container.inspect({ abortSignal: signal });
  return {
    container,
    tty: Boolean(info.Config?.Tty),
    driver: String(info.HostConfig?.LogConfig?.Type ?? ''),
    running: info.State?.Running !== false,
  };
}

/**
 * readLogs for a target already inspected. `wholeLines: true` leaves out a last line the log
 * has not ended yet (read without follow): for a caller that follows the log next, which
 * reads that line whole.
 */
export async function* readLogsOf(target: LogTarget, opts: LogOptions, signal: AbortSignal, wholeLines = false): AsyncGenerator<RawLogLine[]> {
  const { container, tty, driver } = target;
  // `--log-driver none` keeps nothing; dockerd would answer 501 "configured logging driver
  // does not support reading", which says less than the view can.
  if (driver === 'none') throw new NoLogsError(driver);
  // Absent parameters are left out, not sent empty: docker-modem writes an undefined value
  // as `since=`, which dockerd ignores and Podman refuses (400 "failed to parse query
  // parameter 'since'", measured with Podman 4.3.1).
  const query = {
    stdout: true,
    stderr: true,
    timestamps: true,
    ...(opts.tail === 'all' ? {} : { tail: opts.tail }),
    ...(opts.since === undefined ? {} : { since: opts.since }),
    abortSignal: signal,
  };
  let stream: Readable | Buffer;
  try {
    stream = opts.follow === false ? await container.logs({ ...query, follow: false }) : await container.logs({ ...query, follow: true });
  } catch (err) {
    // Another driver that cannot be read back: syslog, gelf… with dockerd's dual logging off
    // (501 "configured logging driver does not support reading"); Podman's passthrough
    // (measured, 4.3.1: 500 "this container is using the 'passthrough' log driver, cannot
    // read logs: this container is not logging output").
    if (/does not support reading|cannot read logs/i.test(engineErrorMessage(err))) throw new NoLogsError(driver || 'in use');
    throw err;
  }
  yield* logLines(stream, tty, signal, wholeLines);
}

/**
 * A log answer (a stream while following, else one Buffer) as batches of lines: the
 * containers' logs and a swarm service's merged log (/services/{id}/logs) share it.
 */
export async function* logLines(stream: Readable | Buffer, tty: boolean, signal: AbortSignal, wholeLines = false): AsyncGenerator<RawLogLine[]> {
  const out = new LineSplitter();
  const err = new LineSplitter();
  const demux = tty ? undefined : new FrameDemuxer();

  // The engine stores a line longer than 16 KiB as several partial entries and, with
  // timestamps on, stamps each one (one frame each): only a line's first stamp is real,
  // the others would show up inside the text.
  const midLine = { stdout: false, stderr: false };
  const convert = (chunk: Buffer): RawLogLine[] => {
    if (!demux) return out.push(chunk).map((l) => withoutGluedStamps(toLine(l, 'stdout')));
    const lines: RawLogLine[] = [];
    for (const frame of demux.push(chunk)) {
      const isErr = frame.stream === 'stderr';
      const which = isErr ? 'stderr' : 'stdout';
      let payload = frame.payload;
      if (midLine[which]) {
        const stamp = PARTIAL_STAMP.exec(payload.subarray(0, 48).toString('latin1'));
        if (stamp) payload = payload.subarray(stamp[0].length);
      }
      if (payload.length) midLine[which] = payload[payload.length - 1] !== 0x0a;
      for (const l of (isErr ? err : out).push(payload)) lines.push(toLine(l, which));
    }
    return lines;
  };
  const rest = (): RawLogLine[] => [...out.flush().map((l) => withoutGluedStamps(toLine(l, 'stdout'))), ...err.flush().map((l) => toLine(l, 'stderr'))];

  // The stream is open: an empty batch tells the follower it is live, so a container
  // that has printed nothing reads "No log output yet" rather than "Loading logs…" forever.
  if (!Buffer.isBuffer(stream)) yield [];

  // follow: false answers with one Buffer instead of a stream.
  if (Buffer.isBuffer(stream)) {
    const lines = wholeLines ? convert(stream) : [...convert(stream), ...rest()];
    if (lines.length) yield lines;
    return;
  }
  // An empty batch says "the stream is open": a log with no lines yet is live, not loading.
  yield [];
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      const lines = convert(chunk);
      if (lines.length) yield lines;
    }
    const tail = rest();
    if (tail.length) yield tail;
  } catch (e) {
    if (signal.aborted || isAbort(e)) return;
    throw e;
  } finally {
    stream.destroy();
  }
}
