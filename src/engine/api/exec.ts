// Interactive exec through the Engine API, as `docker exec -it`: exec create with a TTY,
// start hijacked with stdin, sized (with retries) before any key, exit code from exec inspect.
// Works on any engine dtui reaches (unix, tcp, TLS) without the docker CLI.
import type Dockerode from 'dockerode';
import { hijackedSession } from './hijack.js';
import { DetachKeys, type TerminalSession } from './terminal-session.js';

export interface ExecOptions {
  cols: number;
  rows: number;
  signal?: AbortSignal;
}

/**
 * Creates and starts the exec; rejects (before any terminal hand-over) when the engine
 * refuses, e.g. 409 for a stopped or paused container.
 */
export async function startExec(docker: Dockerode, containerId: string, cmd: readonly string[], opts: ExecOptions): Promise<TerminalSession> {
  const exec = await docker.getContainer(containerId).exec({
    Cmd: [...cmd],
    AttachStdin: true,
    AttachStdout: true,
    AttachStderr: true,
    Tty: true,
    // Like the CLI with a terminal; without it many shells assume a dumb terminal.
    Env: [`TERM=${process.env.TERM || 'xterm'}`],
  });
  const socket = await exec.start({ hijack: true, stdin: true, Detach: false, Tty: true, abortSignal: opts.signal });
  // Ctrl+P Ctrl+Q detaches here, as in `docker exec -it`, and the process keeps running.
  // Not left to the engine: dockerd (20.10 at least) answers its own exec detach by
  // marking the exec ended with code 126. Closing the connection leaves the process be.
  const keys = new DetachKeys();
  const session = hijackedSession({
    socket,
    tty: true,
    resize: (cols, rows) => exec.resize({ w: cols, h: rows }),
    exitCode: async () => {
      const info = await exec.inspect();
      return typeof info.ExitCode === 'number' ? info.ExitCode : null;
    },
    filterInput: (data) => keys.feed(data),
    signal: opts.signal,
  });
  // Sized before the caller forwards a key: a command typed at once (`stty size`, vim)
  // must not run in a 0×0 terminal.
  await initialResize(() => exec.resize({ w: opts.cols, h: opts.rows }), opts.signal);
  return session;
}

/**
 * The engine answers the hijacked start before the exec's process and TTY exist, and a
 * resize sent in that moment fails (as the docker CLI found: it retries too). Up to 10
 * tries, 10, 20, … 100 ms apart; a TTY that never takes a size is not worth failing the
 * session for, and later resizes still follow the terminal.
 */
async function initialResize(resize: () => Promise<unknown>, signal?: AbortSignal): Promise<void> {
  for (let attempt = 1; attempt <= 10 && !signal?.aborted; attempt++) {
    try {
      await resize();
      return;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, attempt * 10));
    }
  }
}

/** The shell to offer: bash when the image has it, else sh (busybox, alpine). */
export async function pickShell(docker: Dockerode, containerId: string, signal?: AbortSignal): Promise<string> {
  try {
    const exec = await docker.getContainer(containerId).exec({ Cmd: ['test', '-x', '/bin/bash'], AttachStdout: true, AttachStderr: true });
    const stream = (await exec.start({ hijack: false, Detach: false, abortSignal: signal })) as NodeJS.ReadableStream;
    await new Promise<void>((resolve) => {
      stream.on('end', resolve);
      stream.on('close', resolve);
      stream.on('error', () => resolve());
      stream.resume();
    });
    const info = await exec.inspect();
    return info.ExitCode === 0 ? 'bash' : 'sh';
  } catch (err) {
    // The real exec reports why (e.g. 409 not running); here, only the answer matters.
    if ((err as { statusCode?: number }).statusCode === 409) throw err;
    return 'sh';
  }
}
