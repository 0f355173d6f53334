// `docker save -o` and `docker load -i` over the Engine API: GET /images/{name}/get
// streamed into a file, and a file streamed into POST /images/load, both reporting bytes
// as they move. A failed save leaves no half-written archive behind.
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { openPartial } from './partial-file.js';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Docker } from './docker.js';
import { JsonLineParser } from '../streams/ndjson.js';
import { sanitize } from '../../text/sanitize.js';

export type Progress = (bytes: number, total?: number) => void;

/** Counts bytes flowing through, telling `onBytes` at most every `everyMs`. */
function counter(onBytes: Progress, total?: number, everyMs = 100): Transform {
  let bytes = 0;
  let last = 0;
  return new Transform({
    transform(chunk: Buffer, _enc, done) {
      bytes += chunk.length;
      const now = Date.now();
      if (now - last >= everyMs) {
        last = now;
        onBytes(bytes, total);
      }
      done(null, chunk);
    },
    flush(done) {
      onBytes(bytes, total);
      done();
    },
  });
}

/** Saves `ref` to `path` through a hidden temp file (partial-file.ts): nothing half-written
 * is left on any exit path, and a file that appears at `path` meanwhile is not replaced. */
export async function saveImage(
  docker: Docker,
  ref: string,
  path: string,
  onBytes: Progress,
  signal?: AbortSignal,
  opts: { overwrite?: boolean } = {},
): Promise<number> {
  const out = openPartial(path);
  let bytes = 0;
  try {
    const source = await docker.getImage(ref).get();
    await pipeline(
      source,
      counter((b, t) => onBytes((bytes = b), t)),
      out.stream,
      { signal },
    );
    await out.commit(opts.overwrite);
    return bytes;
  } catch (err) {
    await out.discard();
    throw err;
  }
}

export interface LoadResult {
  /** "Loaded image: repo:tag" / "Loaded image ID: sha256:…" lines, sanitized. */
  loaded: string[];
}

interface LoadMessage {
  stream?: string;
  error?: string;
  errorDetail?: { message?: string };
}

/** Reads the engine's NDJSON answer to a load; an error line in it becomes a thrown Error. */
export function parseLoadAnswer(messages: readonly LoadMessage[]): LoadResult {
  const loaded: string[] = [];
  for (const m of messages) {
    const error = m.errorDetail?.message ?? m.error;
    if (error) throw new Error(sanitize(error.split('\n')[0]!));
    for (const line of (m.stream ?? '').split('\n')) if (line.trim()) loaded.push(sanitize(line.trim()));
  }
  return { loaded };
}

/** Loads the archive at `path` into the engine. */
export async function loadImage(docker: Docker, path: string, onBytes: Progress): Promise<LoadResult> {
  const info = await stat(path);
  if (!info.isFile()) throw new Error(`${path} is not a file`);
  const body = createReadStream(path).pipe(counter(onBytes, info.size));
  const answer = await docker.loadImage(body, { quiet: true });
  const parser = new JsonLineParser<LoadMessage>();
  const messages: LoadMessage[] = [];
  for await (const chunk of answer as AsyncIterable<Buffer>) messages.push(...parser.push(chunk));
  messages.push(...parser.flush());
  return parseLoadAnswer(messages);
}
