// Engine errors → one short line for the status bar. dockerode rejects with an Error
// carrying statusCode and the engine's JSON body; its message repeats the whole body.
import { sanitize } from '../text/sanitize.js';

/** A container whose logging driver keeps nothing to read back (`--log-driver none`). */
export class NoLogsError extends Error {
  constructor(readonly driver: string) {
    super(`the logging driver ${driver} keeps no logs`);
    this.name = 'NoLogsError';
  }
}

interface ModemError {
  statusCode?: number;
  json?: { message?: string } | string | null;
  reason?: string;
  message?: string;
  code?: string;
  name?: string;
}

export function engineStatusCode(err: unknown): number | undefined {
  return (err as ModemError)?.statusCode;
}

export function isAbort(err: unknown): boolean {
  const e = err as ModemError;
  return e?.name === 'AbortError' || e?.code === 'ABORT_ERR' || e?.code === 'ERR_STREAM_PREMATURE_CLOSE';
}

/** A connection-level failure (engine gone), as opposed to an answer from the engine. */
export function isConnectionError(err: unknown): boolean {
  const code = (err as ModemError)?.code ?? '';
  return (
    ['ECONNREFUSED', 'ENOENT', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENOTFOUND', 'EAI_AGAIN'].includes(code) ||
    /socket hang up/i.test((err as ModemError)?.message ?? '')
  );
}

/** An AbortSignal.timeout() firing, or a socket timeout (docker-modem's `timeout`). */
export function isTimeout(err: unknown): boolean {
  const e = err as ModemError;
  return e?.name === 'TimeoutError' || e?.code === 'ETIMEDOUT' || (!e?.statusCode && /^timeout$|timed? ?out/i.test(e?.message ?? ''));
}

/**
 * Why the connection failed, in words where the code alone misleads: a missing socket
 * (ENOENT with the path the engine was dialled at) says so instead of a bare code.
 */
function connectionCause(err: unknown): string {
  const e = err as ModemError & { address?: unknown };
  if (e.code === 'ENOENT' && typeof e.address === 'string') return `no socket at ${e.address}: is the engine running?`;
  if (e.code === 'ECONNREFUSED' && typeof e.address === 'string') return `nothing listens at ${e.address}`;
  return e.code ?? 'connection lost';
}

/**
 * The header's notice for a lost engine: "retrying" first (a long cause is what a narrow
 * header cuts), the cause said once (never "unreachable (unreachable (…))").
 */
export function unreachableNotice(error: string): string {
  const cause = /^engine unreachable \((.*)\)$/s.exec(error)?.[1] ?? error;
  return `engine unreachable — retrying… (${cause})`;
}

export function engineErrorMessage(err: unknown): string {
  const e = err as ModemError;
  let text: string | undefined;
  // A hostile engine's body may carry anything where a message string belongs: String() it.
  if (e?.json && typeof e.json === 'object' && e.json.message) text = String(e.json.message);
  else if (typeof e?.json === 'string' && e.json.trim()) text = e.json.trim();
  if (!text) {
    const msg = String(e?.message ?? err);
    // "(HTTP code 409) unexpected - <body> " → keep the body.
    text = msg.replace(/^\(HTTP code \d+\)\s*[\w ]*-\s*/, '').trim() || String(e?.reason ?? '') || msg;
  }
  text = withoutRuntimeBoilerplate(text);
  if (isConnectionError(err)) text = `engine unreachable (${connectionCause(err)})`;
  if (isTimeout(err)) text = 'the engine did not answer in time';
  const prefix = e?.statusCode ? `${e.statusCode}: ` : '';
  // Cut before sanitising so the cut cannot split a surrogate pair into a lone half.
  return sanitize((prefix + text.split('\n')[0]!).slice(0, 600))
    .slice(0, 300)
    .replace(/[\ud800-\udbff]$/, '');
}

/**
 * A failed start reads 'failed to create shim task: OCI runtime create failed: runc create
 * failed: unable to start container process: exec: "/x": stat /x: no such file or
 * directory: unknown' — the cause is at the end, past what a status line shows. Drop the
 * layers of runtime wrapping so the cause comes first.
 */
export function withoutRuntimeBoilerplate(text: string): string {
  return text
    .replace(
      /^(?:(?:failed to create shim task|OCI runtime (?:create|start|exec) failed|runc (?:create|start|exec) failed|unable to start container process|container_linux\.go:\d+|starting container process caused):\s*)+/gi,
      '',
    )
    .replace(/:\s*unknown$/i, '');
}

/**
 * What a failed remove says: a 404 means it is gone already (removed elsewhere while the
 * dialog was open) — the person's goal is met, so say that, not "404: no such container".
 */
export function removeFailure(what: string, err: unknown): string {
  if (engineStatusCode(err) === 404) return `${what} was already removed (${engineErrorMessage(err).replace(/^404: /, '')})`;
  return `Could not remove ${what}: ${engineErrorMessage(err)}`;
}
