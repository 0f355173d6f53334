// Starting an interactive session from a key: the engine call first (so a refusal, e.g.
// 409 for a stopped container, is a status message while the UI stays up), then the
// terminal hand-over, then one status line saying how it ended.
import { engineErrorMessage } from '../engine/errors.js';
import type { SessionEnd, TerminalSession } from '../engine/api/terminal-session.js';
import { handOver, holdScreen } from '../cli/hand-over.js';
import { sanitize } from '../text/sanitize.js';
import { CLEAR_FOR_SESSION } from '../cli/terminal.js';
import type { AppContextValue, SuspendedIo } from './app-context.js';
import { setStatus } from './status.js';

export interface SessionRequest {
  /** "exec sh in web-1", "attach to web-1": the subject of every status line. */
  label: string;
  /** Printed (dim) above the session: how to get back. */
  banner: string;
  /** Keep the output on screen after the end, with the exit code, until a key (E: a one-off command). */
  hold?: boolean;
  /** What a detach leaves behind, said after "detached, " (default: the container keeps running). */
  detached?: string;
  /** Whether the session's engine answers; unset: the app's engine (a fleet row names its own). */
  reachable?: () => boolean;
}

export function describeEnd(label: string, end: SessionEnd, detached = 'the container keeps running'): { text: string; kind: 'success' | 'info' | 'error' } {
  switch (end.kind) {
    case 'exited':
      if (end.code === null) return { text: `${label} ended`, kind: 'info' };
      return { text: `${label} exited with code ${end.code}`, kind: end.code === 0 ? 'success' : 'info' };
    case 'detached':
      return { text: `${label}: detached, ${detached}`, kind: 'info' };
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
      if (req.hold) await holdScreen(io, describeEnd(label, ended, req.detached).text);
      return ended;
    });
    const { text, kind } = describeEnd(label, end, req.detached);
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

/** One step's session, start to end; a start the engine refuses is printed and ends it. */
async function runStep(step: SessionStep, io: SuspendedIo): Promise<SessionEnd> {
  let session: TerminalSession;
  try {
    session = await step.start();
  } catch (err) {
    const end: SessionEnd = { kind: 'failed', error: `did not start: ${engineErrorMessage(err)}` };
    io.stdout.write(`${CLEAR_FOR_SESSION}\x1b[2m${sanitize(step.banner)}\x1b[0m\r\n`);
    return end;
  }
  const close = () => session.close();
  io.signal.addEventListener('abort', close, { once: true });
  try {
    return await handOver(session, io, sanitize(step.banner));
  } finally {
    io.signal.removeEventListener('abort', close);
  }
}

/** One session of a run over several rows (custom commands on marked rows). */
export interface SessionStep {
  /** The row's name, for the summary ("web-1: exited with code 3"). */
  target: string;
  banner: string;
  start: () => Promise<TerminalSession>;
}

/**
 * Runs `steps` one after another in one hand-over of the terminal (dtui is not redrawn
 * between them), then one status line: how many ended well, and each that did not.
 * Each run's output stays on screen after it ends, with its exit code, until a key goes
 * on to the next (the last key returns to dtui) — as E holds a one-off command's output:
 * the next run clears the screen, so without the pause every output but the last would
 * be gone before it was read. A step that cannot start says why the same way.
 */
export async function openSessionsInTurn(ctx: AppContextValue, label: string, steps: readonly SessionStep[]): Promise<void> {
  const name = sanitize(label);
  if (!ctx.suspend) return setStatus(ctx, `Cannot run ${name}: no terminal to hand over`, 'error');
  if (!ctx.session.isConnected()) return setStatus(ctx, `Cannot run ${name}: the engine is unreachable (retrying)`, 'error');
  if (starting.has(ctx)) return;
  starting.add(ctx);
  const ends: Array<{ target: string; end: SessionEnd }> = [];
  try {
    await ctx.suspend(async (io) => {
      for (const [i, step] of steps.entries()) {
        if (io.signal.aborted) break;
        const target = sanitize(step.target);
        const end = await runStep(step, io);
        ends.push({ target: step.target, end });
        const next = steps[i + 1];
        const ending = `${describeEnd(target, end).text} (${i + 1} of ${steps.length})`;
        await holdScreen(io, ending, next ? `go on to ${sanitize(next.target)}` : 'return to dtui');
      }
    });
  } catch (err) {
    return setStatus(ctx, `${name}: ${engineErrorMessage(err)}`, 'error');
  } finally {
    starting.delete(ctx);
  }
  const bad = ends.filter(({ end }) => !(end.kind === 'exited' && end.code === 0));
  const summary = `${name} ran on ${ends.length} of ${steps.length}`;
  if (bad.length === 0) return setStatus(ctx, `${summary}: every one exited with code 0`, ends.length === steps.length ? 'success' : 'info');
  setStatus(ctx, `${summary}; ${bad.map(({ target, end }) => describeEnd(sanitize(target), end).text).join('; ')}`, 'error');
}
