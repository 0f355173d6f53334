// The engine's /events stream as parsed events. Newline-delimited JSON whose objects
// may split across chunks; the stream is destroyed on abort so the process can exit.
import type { Docker } from './docker.js';
import { JsonLineParser } from '../streams/ndjson.js';
import type { EngineEvent } from '../models/types.js';
import { isAbort } from '../errors.js';
import { sanitize } from '../../text/sanitize.js';

/** What /events sends; typed loosely on purpose: any field may be missing or of another type. */
interface RawEvent {
  Type?: unknown;
  Action?: unknown;
  status?: unknown;
  id?: unknown;
  time?: unknown;
  Actor?: unknown;
}

const text = (v: unknown): string => (typeof v === 'string' ? sanitize(v) : '');

/** Podman's names for container events that dockerd names otherwise (measured, Podman 4.3.1:
 * a removed container is "remove", dockerd's "destroy"), so every rule keyed on Docker's
 * names also follows Podman. Podman sends no network create/remove and no exec events. */
const PODMAN_CONTAINER_ACTIONS = new Map([['remove', 'destroy']]);

/**
 * One /events object → an EngineEvent. Never throws, whatever the engine (or something
 * posing as it) sends: wrong types become empty values, and every string is sanitized
 * because attributes carry container names and labels chosen by whoever ran them.
 */
export function toEngineEvent(input: unknown): EngineEvent {
  const raw: RawEvent = input && typeof input === 'object' ? input : {};
  const actor = raw.Actor && typeof raw.Actor === 'object' ? (raw.Actor as { ID?: unknown; Attributes?: unknown }) : {};
  // Exec events read "exec_start: sh -c …": the action is the part before the colon.
  const action = text(typeof raw.Action === 'string' ? raw.Action : raw.status)
    .split(':')[0]!
    .trim();
  // No prototype: a "__proto__" attribute key stays an ordinary key.
  const attributes: Record<string, string> = Object.create(null) as Record<string, string>;
  if (actor.Attributes && typeof actor.Attributes === 'object') {
    for (const [key, value] of Object.entries(actor.Attributes as Record<string, unknown>)) {
      if (typeof value === 'string') attributes[sanitize(key)] = sanitize(value);
    }
  }
  const type = text(raw.Type) || 'container';
  return {
    type,
    action: type === 'container' ? (PODMAN_CONTAINER_ACTIONS.get(action) ?? action) : action,
    id: text(actor.ID) || text(raw.id),
    time: typeof raw.time === 'number' && Number.isFinite(raw.time) ? raw.time : 0,
    attributes,
  };
}

/** Reads /events of the given types (the caller's list: this layer knows no resource kinds). */
export async function* readEvents(docker: Docker, signal: AbortSignal, types: readonly string[]): AsyncGenerator<EngineEvent> {
  const stream = await docker.getEvents({
    filters: { type: [...types] },
    abortSignal: signal,
  });
  const parser = new JsonLineParser<unknown>();
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      for (const raw of parser.push(chunk)) yield toEngineEvent(raw);
    }
  } catch (e) {
    if (signal.aborted || isAbort(e)) return;
    throw e;
  } finally {
    stream.destroy();
  }
}
