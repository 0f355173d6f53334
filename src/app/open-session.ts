// Starting an interactive session from a key: the engine call first (so a refusal, e.g.
// 409 for a stopped container, is a status message while the UI stays up), then the
// terminal hand-over, then one status line saying how it ended.
import { engineErrorMessage } from '../engine/errors.js';
import type { SessionEnd, TerminalSession } from '../engine/api/terminal-session.js';
import { handOver, holdScreen } from '../cli/hand-over.js';
import { sanitize } from '../text/sanitize.js';
import type { AppContextValue } from './app-context.js';
import { setStatus } from './status.js';

export interface SessionRequest {
  /** "exec sh in web-1", "attach to web-1": the subject of every status line. */
  label: string;
  /** Printed (dim) above the session: how to get back. */
  banner: string;
  /** Keep the output on screen after the end, with the exit code, until a key (E: a one-off command). */
  hold?: boolean;
  /** Whether the session's engine answers; unset: the app's engine (a fleet row names its own). */
  reachable?: () => boolean;
}

export function describeEnd(label: string, end: SessionEnd): { text: string; kind: 'success' | 'info' | 'error' } {
  switch (end.kind) {
    case 'exited':
      if (end.code === null) return { text: `${label} ended`, kind: 'info' };
      return { text: `${label} exited with code ${end.code}`, kind: end.code === 0 ? 'success' : 'info' };
    case 'detached':
      return { text: `${label}: detached, the container keeps running`, kind: 'info' };
    case 'failed':
      return { text: `${label} ended: ${end.error}`, kind: 'error' };
  }
}

/** Size of the terminal the session will get. */
export function terminalSize(ctx: AppContextValue): { cols: number; rows: number } {
  const { cols, rows } = ctx.terminal.get();
  return { cols: process.stdout.columns || cols, rows: process.stdout.rows || rows };
}

/** Hands the terminal to an already started session; never rejects. */
export async function handOverSession(ctx: AppContextValue, session: TerminalSession, req: SessionRequest): Promise<void> {
  const label = sanitize(req.label);
  if (!ctx.suspend) {
    session.close();
    return setStatus(ctx, `Cannot ${label}: no terminal to hand over`, 'error');
  }
  try {
    const end = await ctx.suspend(async (io) => {
      io.signal.addEventListener('abort', () => session.close(), { once: true });
      const ended = await handOver(session, io, sanitize(req.banner));
      if (req.hold) await holdScreen(io, describeEnd(label, ended).text);
      return ended;
    });
    const { text, kind } = describeEnd(label, end);
    setStatus(ctx, text, kind);
  } catch (err) {
    session.close();
    setStatus(ctx, `${label}: ${engineErrorMessage(err)}`, 'error');
  }
}

// Apps whose session is being started: a second e/a pressed meanwhile is ignored
// rather than racing the first for the terminal.
const starting = new WeakSet<AppContextValue>();

/** Starts the session (status "Starting …"), then hands over; refusals become status lines. */
export async function openSession(ctx: AppContextValue, req: SessionRequest, start: () => Promise<TerminalSession>): Promise<void> {
  const label = sanitize(req.label);
  if (starting.has(ctx)) return;
  if (!(req.reachable?.() ?? ctx.session.isConnected())) return setStatus(ctx, `Cannot ${label}: the engine is unreachable (retrying)`, 'error');
  setStatus(ctx, `Starting ${label}…`, 'progress');
  starting.add(ctx);
  let session: TerminalSession;
  try {
    session = await start();
  } catch (err) {
    return setStatus(ctx, `Cannot ${label}: ${engineErrorMessage(err)}`, 'error');
  } finally {
    starting.delete(ctx);
  }
  await handOverSession(ctx, session, req);
}
