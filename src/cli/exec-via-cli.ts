// --exec-via-cli: `docker exec -it` run by the docker CLI in a local pty, for people whose
// setup lives in the CLI (contexts, plugins, credential helpers). node-pty is loaded
// only when this is used; everything else talks to the Engine API directly.
import type { SessionEnd, TerminalSession } from '../engine/api/terminal-session.js';
import type * as NodePty from 'node-pty';
import type { CliTarget } from './exec-via-cli-target.js';

export async function execViaCli(
  containerId: string,
  cmd: readonly string[],
  size: { cols: number; rows: number },
  target: CliTarget,
): Promise<TerminalSession> {
  let pty: typeof NodePty;
  try {
    pty = await import('node-pty');
  } catch {
    throw new Error('--exec-via-cli needs node-pty (an optional dependency that did not install here); without the flag, exec uses the Engine API');
  }
  const child = pty.spawn('docker', [...target.args, 'exec', '-it', containerId, ...cmd], {
    name: process.env.TERM || 'xterm-256color',
    cols: size.cols,
    rows: size.rows,
    cwd: process.cwd(),
    env: Object.fromEntries(Object.entries(target.env).filter((e): e is [string, string] => e[1] !== undefined)),
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
