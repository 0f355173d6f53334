// A local program in a pseudo-terminal, as a TerminalSession the hand-over can drive
// (--exec-via-cli's `docker exec -it`, docker-compose up/down). node-pty is loaded only
// when one runs.
import type { SessionEnd, TerminalSession } from '../engine/api/terminal-session.js';
import type * as NodePty from 'node-pty';

export interface PtyCommand {
  file: string;
  args: readonly string[];
  size: { cols: number; rows: number };
  env: Record<string, string | undefined>;
  cwd: string;
  /** Said when node-pty is not installed. */
  noPty: string;
}

export async function ptyCommand(cmd: PtyCommand): Promise<TerminalSession> {
  let pty: typeof NodePty;
  try {
    pty = await import('node-pty');
  } catch {
    throw new Error(cmd.noPty);
  }
  const child = pty.spawn(cmd.file, [...cmd.args], {
    name: process.env.TERM || 'xterm-256color',
    cols: cmd.size.cols,
    rows: cmd.size.rows,
    cwd: cmd.cwd,
    env: Object.fromEntries(Object.entries(cmd.env).filter((e): e is [string, string] => e[1] !== undefined)),
  });
  const listeners: ((chunk: Buffer) => void)[] = [];
  const early: Buffer[] = [];
  child.onData((data) => {
    const chunk = Buffer.from(data, 'utf8');
    if (listeners.length === 0) early.push(chunk);
    for (const l of listeners) l(chunk);
  });
  let exited = false;
  const done = new Promise<SessionEnd>((resolve) => {
    child.onExit(({ exitCode }) => {
      exited = true;
      resolve({ kind: 'exited', code: exitCode });
    });
  });
  return {
    onOutput(listener) {
      listeners.push(listener);
      for (const chunk of early.splice(0)) listener(chunk);
    },
    write: (data) => !exited && child.write(data.toString('utf8')),
    resize: (cols, rows) => !exited && child.resize(cols, rows),
    done,
    close: () => !exited && child.kill(),
  };
}
