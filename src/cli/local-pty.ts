// A program in a pseudo-terminal on this machine, as a TerminalSession the hand-over can
// own (--exec-via-cli's `docker exec -it`, custom commands with `run: local`, docker-compose
// up/down of a project). node-pty is loaded only when this is used.
import type { SessionEnd, TerminalSession } from '../engine/api/terminal-session.js';
import type * as NodePty from 'node-pty';

export async function spawnLocal(
  argv: readonly string[],
  size: { cols: number; rows: number },
  env: Record<string, string | undefined> = process.env,
  missing = 'running a local command needs node-pty (an optional dependency that did not install here)',
  cwd = process.cwd(),
): Promise<TerminalSession> {
  let pty: typeof NodePty;
  try {
    pty = await import('node-pty');
  } catch {
    throw new Error(missing);
  }
  const [file, ...args] = argv;
  if (!file) throw new Error('nothing to run');
  const child = pty.spawn(file, args, {
    name: process.env.TERM || 'xterm-256color',
    cols: size.cols,
    rows: size.rows,
    cwd,
    env: Object.fromEntries(Object.entries(env).filter((e): e is [string, string] => e[1] !== undefined)),
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
