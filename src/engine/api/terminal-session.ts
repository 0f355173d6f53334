// What an interactive session (exec, attach, or a docker CLI in a local pty) offers to
// the terminal hand-over: bytes out, bytes in, a size, and how it ended. The hand-over
// (src/views/session) does not care which kind it is.

export type SessionEnd =
  /** The process exited; code is null when the engine could not say. */
  | { kind: 'exited'; code: number | null }
  /** The person detached (Ctrl+P Ctrl+Q); the container keeps running. */
  | { kind: 'detached' }
  /** The engine dropped the connection or answered an error mid-session. */
  | { kind: 'failed'; error: string };

export interface TerminalSession {
  /** Subscribes to output; chunks are written to the terminal as they are. */
  onOutput(listener: (chunk: Buffer) => void): void;
  /** Keys typed by the person, raw. */
  write(data: Buffer): void;
  /** Follows the terminal size; errors are swallowed (a resize may race the exit). */
  resize(cols: number, rows: number): void;
  /** Settles once, never rejects. */
  readonly done: Promise<SessionEnd>;
  /** Ends the session from our side (the engine connection is closed). */
  close(): void;
}

/** Ctrl+P Ctrl+Q, as `docker attach` detaches. Holds a lone Ctrl+P until the next byte. */
export class DetachKeys {
  private held = false;

  /** Returns the bytes to forward, and whether the detach sequence was typed. */
  feed(data: Buffer): { forward: Buffer; detach: boolean } {
    const out: number[] = [];
    for (const byte of data) {
      if (this.held) {
        this.held = false;
        if (byte === 0x11) return { forward: Buffer.from(out), detach: true };
        out.push(0x10);
      }
      if (byte === 0x10) this.held = true;
      else out.push(byte);
    }
    return { forward: Buffer.from(out), detach: false };
  }
}
