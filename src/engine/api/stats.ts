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

/**
 * One sample, no stream. With `one-shot` (API ≥ 1.41) the engine answers from one
 * reading at once, without precpu_stats (the caller pairs it with its previous sample
 * for CPU %); older engines ignore nothing but lack the flag, so they wait for a second
 * reading (~1–2 s) and include precpu_stats themselves.
 */
export async function readStatsOnce(docker: Docker, id: string, oneShot: boolean, signal?: AbortSignal): Promise<RawStats> {
  const opts: Record<string, unknown> = { stream: false, abortSignal: signal };
  if (oneShot) opts['one-shot'] = true;
  // dockerode's types know no `one-shot`; docker-modem passes every option as a query parameter.
  const answer: RawStats = await docker.getContainer(id).stats(opts as { stream: false });
  return answer;
}
