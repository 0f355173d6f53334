// A hijacked engine connection (exec start / attach with Upgrade: tcp) as a
// TerminalSession: bytes both ways over one socket, output demultiplexed when the
// process has no TTY, and an end that is decided once.
import type { Duplex } from 'node:stream';
import { FrameDemuxer } from '../streams/demux.js';
import { engineErrorMessage } from '../errors.js';
import type { SessionEnd, TerminalSession } from './terminal-session.js';
import { StreamSanitizer } from '../../text/sanitize-stream.js';

export interface InputStep {
  forward: Buffer;
  detach: boolean;
  /** Drawn locally, as a cooked terminal echoes. */
  echo?: string;
  signal?: string;
  /** End of input: stdin of the process is closed, the output still flows. */
  eof?: boolean;
}

export interface HijackOptions {
  socket: Duplex;
  tty: boolean;
  resize: (cols: number, rows: number) => Promise<unknown>;
  /** How the process ended, asked once the socket closes (exec/container inspect). */
  exitCode: () => Promise<number | null>;
  /** Filters typed bytes (detach keys, a local line editor). */
  filterInput?: (data: Buffer) => InputStep;
  /** Sends a signal to the process (Ctrl+C without a TTY). */
  kill?: (signal: string) => Promise<unknown>;
  /**
   * The engine reads stdin and knows the detach keys: send them on and let it close the
   * stream. Closing it ourselves would be an EOF on stdin, which ends a StdinOnce
   * (docker run -it) container.
   */
  engineDetaches?: boolean;
  signal?: AbortSignal;
}

export function hijackedSession(opts: HijackOptions): TerminalSession {
  const { socket } = opts;
  const listeners: ((chunk: Buffer) => void)[] = [];
  const demuxer = opts.tty ? undefined : new FrameDemuxer();
  let settled = false;
  let detached = false;
  let failure: string | undefined;
  let resolveDone: (end: SessionEnd) => void = () => {};
  const done = new Promise<SessionEnd>((resolve) => (resolveDone = resolve));

  // Output that arrives before the terminal is handed over (the shell's first prompt)
  // is kept for the first listener.
  const early: Buffer[] = [];
  const emit = (chunk: Buffer) => {
    if (listeners.length === 0) return void early.push(chunk);
    for (const l of listeners) l(chunk);
  };
  // Without a TTY the output is a log, not a screen: sanitised like the Logs tab (colours
  // kept; clipboard writes, titles, queries and every other sequence removed), one
  // sanitiser per stream so a sequence cut between frames is still recognised.
  const sanitizers = { stdout: new StreamSanitizer(), stderr: new StreamSanitizer() };
  socket.on('data', (chunk: Buffer) => {
    if (!demuxer) return emit(chunk);
    for (const frame of demuxer.push(chunk)) {
      if (frame.stream === 'stdin') continue;
      const text = sanitizers[frame.stream].push(frame.payload);
      if (text) emit(Buffer.from(text, 'utf8'));
    }
  });

  const finish = () => {
    if (settled) return;
    settled = true;
    opts.signal?.removeEventListener('abort', onAbort);
    if (detached) return resolveDone({ kind: 'detached' });
    if (failure) return resolveDone({ kind: 'failed', error: failure });
    opts.exitCode().then(
      (code) => resolveDone({ kind: 'exited', code }),
      (err) => resolveDone({ kind: 'failed', error: engineErrorMessage(err) }),
    );
  };
  // 'close' follows both a clean end and an error; an error first records why.
  socket.on('error', (err) => {
    if (!detached) failure = engineErrorMessage(err);
  });
  socket.on('end', () => socket.destroy());
  socket.on('close', finish);

  const close = () => {
    detached = true;
    socket.destroy();
  };
  const onAbort = () => close();
  opts.signal?.addEventListener('abort', onAbort, { once: true });
  if (opts.signal?.aborted) close();

  return {
    onOutput(listener) {
      listeners.push(listener);
      for (const chunk of early.splice(0)) listener(chunk);
    },
    write(data) {
      if (settled || socket.destroyed) return;
      const step: InputStep = opts.filterInput ? opts.filterInput(data) : { forward: data, detach: false };
      const { forward, detach } = step;
      if (step.echo) emit(Buffer.from(step.echo, 'utf8'));
      if (forward.length > 0) socket.write(forward);
      if (step.signal) opts.kill?.(step.signal).catch(() => undefined);
      if (step.eof && socket.writable) socket.end();
      if (!detach) return;
      if (!opts.engineDetaches) return close();
      detached = true;
      socket.write(Buffer.from([0x10, 0x11]));
      // Should the engine not close the stream, close it anyway.
      setTimeout(() => socket.destroy(), 2000).unref();
    },
    resize(cols, rows) {
      if (settled) return;
      opts.resize(cols, rows).catch(() => undefined);
    },
    done,
    close,
  };
}
