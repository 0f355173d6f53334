// Saving a container's log to a file, byte for byte what `docker logs` prints for the
// same options (stdout and stderr interleaved in the engine's order). It re-reads the
// range from the engine instead of writing the view's buffer: the buffer holds
// sanitized, split lines and may have dropped the oldest ones. The body is streamed
// (dockerode would buffer a non-follow log whole: a 600 MB log is bigger than a string
// may be) through the demultiplexer into a partial file, so memory stays flat.
import { lstat } from 'node:fs/promises';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Docker } from './docker.js';
import { FrameDemuxer } from '../streams/demux.js';
import { openPartial } from './partial-file.js';

export interface RawLogOptions {
  tail: number | 'all';
  /** Unix seconds (as the engine takes it), or undefined for the whole log. */
  since?: string;
  timestamps: boolean;
  /** Saving: replace an existing file (the person answered y to "overwrite?"). */
  overwrite?: boolean;
}

/** The engine's log body as a stream (follow: false still ends when the log does). */
async function logStream(docker: Docker, id: string, opts: RawLogOptions, signal?: AbortSignal): Promise<Readable> {
  const options: Record<string, unknown> = { follow: false, stdout: true, stderr: true, timestamps: opts.timestamps };
  if (opts.tail !== 'all') options.tail = opts.tail;
  if (opts.since !== undefined) options.since = opts.since;
  return new Promise((resolve, reject) => {
    docker.modem.dial(
      {
        path: `/containers/${encodeURIComponent(id)}/logs?`,
        method: 'GET',
        isStream: true,
        abortSignal: signal,
        statusCodes: { 200: true, 400: 'bad parameter', 404: 'no such container', 500: 'server error' },
        options,
      },
      (err: unknown, data: unknown) => (err ? reject(err instanceof Error ? err : new Error('the engine refused the log request')) : resolve(data as Readable)),
    );
  });
}

/** Takes the payloads out of the engine's stdout/stderr frames (none for a TTY container). */
function demuxer(): Transform {
  const demux = new FrameDemuxer({ maxFrameBytes: 1 << 20 });
  return new Transform({
    transform(chunk: Buffer, _enc, done) {
      for (const f of demux.push(chunk)) this.push(f.payload);
      done();
    },
  });
}

/**
 * Writes the log to `path`; resolves to the bytes written. Refuses an existing file unless
 * `overwrite`; the log is read completely first, so a failing read leaves the old file as it was.
 */
export async function saveLogs(docker: Docker, id: string, path: string, opts: RawLogOptions, signal?: AbortSignal): Promise<number> {
  const existing = await lstat(path).catch(() => undefined);
  if (existing && !opts.overwrite) throw Object.assign(new Error(`${path} exists`), { code: 'EEXIST' });
  const info = await docker.getContainer(id).inspect({ abortSignal: signal });
  const out = openPartial(path);
  let bytes = 0;
  const count = new Transform({
    transform(chunk: Buffer, _enc, done) {
      bytes += chunk.length;
      done(null, chunk);
    },
  });
  try {
    const body = await logStream(docker, id, opts, signal);
    const stages: Array<NodeJS.ReadableStream | NodeJS.WritableStream> = info.Config?.Tty ? [body, count] : [body, demuxer(), count];
    await (signal ? pipeline([...stages, out.stream] as never, { signal } as never) : pipeline([...stages, out.stream] as never));
    await out.commit(opts.overwrite);
    return bytes;
  } catch (err) {
    await out.discard();
    throw err;
  }
}
