// A 160×45 "terminal" for pricing Ink frames without a pty: stdout counts what Ink writes,
// stdin is a TTY-looking stream nobody types into (bench/tick-cost.tsx, mount-cost.tsx).
import { PassThrough, Writable } from 'node:stream';

export interface CountingTerminal {
  stdout: NodeJS.WriteStream;
  stdin: NodeJS.ReadStream;
  /** Bytes and write calls so far. */
  written: { bytes: number; writes: number };
}

export function countingTerminal(): CountingTerminal {
  const written = { bytes: 0, writes: 0 };
  const stdout = new Writable({
    write(chunk: Buffer, _enc, cb) {
      written.bytes += chunk.length;
      written.writes++;
      cb();
    },
  }) as unknown as NodeJS.WriteStream;
  Object.assign(stdout, { isTTY: true, columns: 160, rows: 45 });
  const stdin = new PassThrough() as unknown as NodeJS.ReadStream;
  Object.assign(stdin, { isTTY: true, setRawMode: () => stdin, ref: () => stdin, unref: () => stdin });
  return { stdout, stdin, written };
}
