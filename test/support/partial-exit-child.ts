// Opens a partial file for argv[2], writes to it, then leaves the way argv[3] says:
// "exit" (process.exit mid-write), "throw" (an uncaught exception), "signal" (SIGTERM
// with a handler that exits, as dtui's does).
import { openPartial } from '../../src/engine/api/partial-file.js';

const [path, how] = process.argv.slice(2) as [string, string];
const out = openPartial(path);
out.stream.write('half of it');
out.stream.once('open', () => {
  process.stdout.write(`${out.temp}\n`);
  if (how === 'exit') process.exit(3);
  if (how === 'throw') throw new Error('crash mid-save');
  process.on('SIGTERM', () => process.exit(0));
  process.kill(process.pid, 'SIGTERM');
  setInterval(() => undefined, 1000);
});
