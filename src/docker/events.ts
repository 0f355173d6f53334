// The engine's /events stream as parsed events. Newline-delimited JSON whose objects
// may split across chunks; the stream is destroyed on abort so the process can exit.
import type Dockerode from 'dockerode';
import { JsonLineParser } from './streams/ndjson.js';
import type { EngineEvent } from './types.js';
import { isAbort } from './errors.js';

interface RawEvent {
  Type?: string;
  Action?: string;
  status?: string;
  id?: string;
  time?: number;
  Actor?: { ID?: string; Attributes?: Record<string, string> };
}

export function toEngineEvent(raw: RawEvent): EngineEvent {
  // Exec events read "exec_start: sh -c …": the action is the part before the colon.
  const action = (raw.Action ?? raw.status ?? '').split(':')[0]!.trim();
  return {
    type: raw.Type ?? 'container',
    action,
    id: raw.Actor?.ID ?? raw.id ?? '',
    time: raw.time ?? 0,
    attributes: raw.Actor?.Attributes ?? {},
  };
}

export async function* readEvents(docker: Dockerode, signal: AbortSignal): AsyncGenerator<EngineEvent> {
  const stream = (await docker.getEvents({
    filters: { type: ['container', 'image', 'volume', 'daemon'] },
    abortSignal: signal,
  } as never)) as unknown as NodeJS.ReadableStream;
  const parser = new JsonLineParser<RawEvent>();
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      for (const raw of parser.push(chunk)) yield toEngineEvent(raw);
    }
  } catch (e) {
    if (signal.aborted || isAbort(e)) return;
    throw e;
  } finally {
    (stream as unknown as { destroy?: () => void }).destroy?.();
  }
}
