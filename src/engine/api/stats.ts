// The engine's STREAMING stats for one container: one sample a second over one
// connection (the one-shot form blocks ~2 s per call), until the signal fires.
import { isAbort } from '../errors.js';
import type { RawStats } from '../models/stats.js';
import { JsonLineParser } from '../streams/ndjson.js';
import type { Docker } from './docker.js';

export async function* readStats(docker: Docker, id: string, signal: AbortSignal): AsyncGenerator<RawStats> {
  const stream = await docker.getContainer(id).stats({ stream: true, abortSignal: signal });
  const parser = new JsonLineParser<RawStats>();
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) yield* parser.push(chunk);
  } catch (e) {
    if (signal.aborted || isAbort(e)) return;
    throw e;
  } finally {
    stream.destroy();
  }
}
