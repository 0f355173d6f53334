// `docker attach` through the Engine API: the container's main process, hijacked with
// stdin. With a TTY the output is raw; without one it is demultiplexed (stdout/stderr
// frames). Ctrl+P Ctrl+Q detaches here (and the engine knows the same keys), and the
// container keeps running.
import type Dockerode from 'dockerode';
import type { Duplex } from 'node:stream';
import { hijackedSession } from './hijack.js';
import { DetachKeys, type TerminalSession } from './terminal-session.js';
import { LineInput } from './line-input.js';

export interface AttachOptions {
  cols: number;
  rows: number;
  signal?: AbortSignal;
  /** Starts the container once attached (docker run -it: attach first, lose no output). */
  startAfterAttach?: boolean;
}

export async function startAttach(docker: Dockerode, containerId: string, opts: AttachOptions): Promise<{ session: TerminalSession; tty: boolean }> {
  const container = docker.getContainer(containerId);
  const info = await container.inspect({ abortSignal: opts.signal });
  if (!opts.startAfterAttach && !info.State.Running) {
    throw Object.assign(new Error(`container is not running (${info.State.Status})`), { statusCode: 409 });
  }
  if (info.State.Paused) throw Object.assign(new Error('container is paused: unpause it first (p)'), { statusCode: 409 });
  const tty = info.Config.Tty;
  // Registered before the stream can end, so the exit code is known even for --rm
  // containers (the CLI does the same with condition=removed).
  const waiting = new AbortController();
  const exited = container.wait({ condition: info.HostConfig?.AutoRemove ? 'removed' : 'next-exit', abortSignal: waiting.signal } as object).then(
    (r: { StatusCode?: number }) => (typeof r?.StatusCode === 'number' ? r.StatusCode : null),
    () => null,
  );
  let socket: Duplex;
  try {
    // The parameters go in the query only, with no request body: docker-modem would
    // otherwise also send them as a JSON body, which dockerd ignores but Podman forwards
    // to the container's stdin (measured, Podman 4.3.1: the shell read the JSON as a command).
    // `stdin: false` here only tells docker-modem to end the request (no body, Content-Length
    // 0: patches/README.md); stdin flows over the upgraded socket as the query asks.
    socket = (await container.attach({
      hijack: true,
      stdin: false,
      abortSignal: opts.signal,
      _query: { stream: true, stdin: true, stdout: true, stderr: true, detachKeys: 'ctrl-p,ctrl-q' },
      _body: {},
    } as Dockerode.ContainerAttachOptions)) as Duplex;
  } catch (err) {
    waiting.abort();
    throw err;
  }
  const keys = new DetachKeys();
  const lineInput = new LineInput();
  const session = hijackedSession({
    socket,
    tty,
    resize: (cols, rows) => (tty ? container.resize({ w: cols, h: rows }) : Promise.resolve()),
    exitCode: async () => {
      // The stream ends a moment before the engine records the exit: wait, briefly.
      const timer = setTimeout(() => waiting.abort(), 3000);
      try {
        return await exited;
      } finally {
        clearTimeout(timer);
      }
    },
    filterInput: (data) => {
      const r = keys.feed(data);
      if (tty) return r;
      // No TTY, no line discipline in the container: dtui edits and echoes the line.
      const line = lineInput.feed(r.forward);
      return { forward: line.send, detach: r.detach, echo: line.echo, signal: line.signal, eof: line.eof };
    },
    kill: (signal) => container.kill({ signal }),
    engineDetaches: info.Config.OpenStdin,
    signal: opts.signal,
  });
  // A detach leaves the container running: stop waiting for it.
  void session.done.then((end) => end.kind !== 'exited' && waiting.abort());
  if (opts.startAfterAttach) {
    try {
      await container.start();
    } catch (err) {
      session.close();
      throw err;
    }
  }
  session.resize(opts.cols, opts.rows);
  return { session, tty };
}
