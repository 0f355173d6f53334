// Saving a container's log to a file, byte for byte what `docker logs` prints for the
// same options (stdout and stderr interleaved in the engine's order). It re-reads the
// range from the engine instead of writing the view's buffer: the buffer holds
// sanitized, split lines and may have dropped the oldest ones.
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import type { Docker } from './docker.js';
import { FrameDemuxer } from '../streams/demux.js';

export interface RawLogOptions {
  tail: number | 'all';
  /** Unix seconds (as the engine takes it), or undefined for the whole log. */
  since?: string;
  timestamps: boolean;
  /** Saving: replace an existing file (the person answered y to "overwrite?"). */
  overwrite?: boolean;
}

/** The log's bytes, demultiplexed (a TTY container's log is not framed). */
export async function readRawLogs(docker: Docker, id: string, opts: RawLogOptions, signal?: AbortSignal): Promise<Buffer> {
  const container = docker.getContainer(id);
  const info = await container.inspect({ abortSignal: signal });
  const body = await container.logs({
    follow: false,
    stdout: true,
    stderr: true,
    timestamps: opts.timestamps,
    tail: opts.tail === 'all' ? undefined : opts.tail,
    since: opts.since,
    abortSignal: signal,
  });
  if (info.Config?.Tty) return body;
  const demux = new FrameDemuxer({ maxFrameBytes: Number.MAX_SAFE_INTEGER });
  return Buffer.concat(demux.push(body).map((f) => f.payload));
}

/**
 * Writes the log to `path`; resolves to the bytes written. Refuses an existing file unless
 * `overwrite`; the log is read completely first, so a failing read leaves the old file as it was.
 */
export async function saveLogs(docker: Docker, id: string, path: string, opts: RawLogOptions, signal?: AbortSignal): Promise<number> {
  const bytes = await readRawLogs(docker, id, opts, signal);
  const out = createWriteStream(path, { flags: opts.overwrite ? 'w' : 'wx' });
  const opened = once(out, 'open');
  await opened;
  out.end(bytes);
  await once(out, 'finish');
  return bytes.length;
}
