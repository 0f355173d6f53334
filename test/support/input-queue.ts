// How many bytes of input a pty holds that the program has not read yet (FIONREAD on
// the slave side). The pty harness waits for 0 before sending the next key: on a loaded
// machine a fixed gap between keys is not enough — two keys written 50 ms apart can
// still reach the program in ONE read ("x\x1b[B", or ESC glued to the next key, which
// Ink then reads as Alt+key instead of Escape).
//
// Node has no ioctl(), so one small python3 process per harness answers the queries
// over a pipe (spawning one per key costs 50–300 ms under load).
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { createInterface } from 'node:readline';

const SCRIPT = `
import array, fcntl, os, sys, termios
for line in sys.stdin:
    try:
        fd = os.open(line.strip(), os.O_RDONLY | os.O_NOCTTY | os.O_NONBLOCK)
        try:
            n = array.array('i', [0])
            fcntl.ioctl(fd, termios.FIONREAD, n)
            print(n[0], flush=True)
        finally:
            os.close(fd)
    except OSError:
        print(-1, flush=True)
`;

export class InputQueueProbe {
  private proc: ChildProcessWithoutNullStreams | undefined;
  private readonly waiting: Array<(n: number) => void> = [];
  private broken = false;

  constructor(private readonly ptsName: string) {}

  /** Unread input bytes; -1 when it cannot be known (no python3, pty gone). */
  async pending(): Promise<number> {
    if (this.broken) return -1;
    const proc = this.start();
    return new Promise<number>((resolve) => {
      this.waiting.push(resolve);
      proc.stdin.write(`${this.ptsName}\n`);
    });
  }

  close(): void {
    this.proc?.kill();
    this.proc = undefined;
    this.fail();
  }

  private start(): ChildProcessWithoutNullStreams {
    if (this.proc) return this.proc;
    const proc = spawn('python3', ['-c', SCRIPT], { stdio: ['pipe', 'pipe', 'pipe'] });
    proc.on('error', () => {
      this.broken = true;
      this.fail();
    });
    proc.on('exit', () => this.fail());
    createInterface({ input: proc.stdout }).on('line', (line) => this.waiting.shift()?.(Number(line)));
    // Never keep a test worker alive for the probe's sake.
    proc.unref();
    (proc.stdin as unknown as { unref?: () => void }).unref?.();
    (proc.stdout as unknown as { unref?: () => void }).unref?.();
    (proc.stderr as unknown as { unref?: () => void }).unref?.();
    this.proc = proc;
    return proc;
  }

  private fail(): void {
    for (const resolve of this.waiting.splice(0)) resolve(-1);
  }
}
