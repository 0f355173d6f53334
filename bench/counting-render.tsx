// The real App rendered by Ink (incremental, 250 fps, as src/cli/mount-ui.tsx mounts it) into a
// 160×45 "terminal" without a pty: stdout counts what Ink writes, stdin is a TTY-looking
// stream nobody types into. For pricing frames (bench/tick-cost.tsx, mount-cost.tsx).
import { PassThrough, Writable } from 'node:stream';
import { render, type Instance } from 'ink';
import type { AppContextValue } from '../src/app/app-context.js';
import { App } from '../src/views/app/app.js';

export interface CountingRender {
  inst: Instance;
  /** Bytes and write calls so far. */
  written: { bytes: number; writes: number };
}

export function renderCounted(ctx: AppContextValue): CountingRender {
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
  const inst = render(<App ctx={ctx} quit={() => undefined} />, {
    stdout,
    stdin,
    exitOnCtrlC: false,
    patchConsole: false,
    incrementalRendering: true,
    maxFps: 250,
  });
  return { inst, written };
}
