// Suspend/resume (Ctrl+Z, fg) and the ways a terminal can vanish under dtui. Kept apart
// from main.tsx so every exit path is in one place and each can be tested on a pty.
import { enterFullscreen, restoreTerminal } from './terminal.js';

export interface LifecycleHooks {
  /** Ends dtui with this exit code (unmount, restore, resolve main's promise). */
  shutdown(code: number): void;
  /** Repaints every cell after the screen was lost (we came back from a suspend). */
  redraw(): void;
}

const FATAL_IO = new Set(['EIO', 'EPIPE', 'ENXIO', 'EBADF', 'ECONNRESET']);

/**
 * Installs the handlers; returns suspend() (bound to Ctrl+Z) and a remover.
 * In raw mode the tty sends Ctrl+Z to us as a byte instead of stopping us, so dtui
 * stops itself: give the terminal back, then SIGTSTP with the default action (no
 * listener of ours is installed while it is delivered). SIGCONT (fg) takes it back.
 */
export function installLifecycle(hooks: LifecycleHooks): { suspend: () => void; dispose: () => void } {
  let suspended = false;
  const onCont = () => {
    process.off('SIGCONT', onCont);
    process.off('SIGTSTP', onTstp);
    process.on('SIGTSTP', onTstp);
    if (!suspended) return;
    suspended = false;
    enterFullscreen();
    try {
      if (process.stdin.isTTY) process.stdin.setRawMode(true);
    } catch {
      // The terminal went away while we were stopped; the stdin error handler ends us.
    }
    hooks.redraw();
  };
  const suspend = () => {
    if (suspended) return;
    suspended = true;
    restoreTerminal();
    process.off('SIGTSTP', onTstp);
    process.on('SIGCONT', onCont);
    process.kill(process.pid, 'SIGTSTP');
    // The kernel drops a stop signal for an orphaned process group (dtui started by a
    // program without job control): then nothing stopped us, so take the screen back
    // instead of sitting in a restored terminal. A real stop freezes this timer until fg.
    setTimeout(onCont, 200).unref();
  };
  // `kill -TSTP <pid>` from outside: same as Ctrl+Z.
  const onTstp = () => suspend();
  // The terminal closed (ssh dropped, window closed) or was never readable: end dtui
  // instead of spinning on a dead tty. SIGHUP usually comes first; these catch the rest.
  const onIoError = (err: NodeJS.ErrnoException) => {
    if (FATAL_IO.has(err?.code ?? '')) hooks.shutdown(1);
    else throw err;
  };
  const onEnd = () => hooks.shutdown(0);

  process.on('SIGTSTP', onTstp);
  process.stdout.on('error', onIoError);
  process.stdin.on('error', onIoError);
  process.stdin.on('end', onEnd);
  return {
    suspend,
    dispose: () => {
      process.off('SIGTSTP', onTstp);
      process.stdout.off('error', onIoError);
      process.stdin.off('error', onIoError);
      process.stdin.off('end', onEnd);
    },
  };
}
