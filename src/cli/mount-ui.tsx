// Mounts the app in Ink: the one file of src/cli that imports React or Ink. run-app.ts
// loads it with import() once the first requests are on their way, so the bundle
// evaluates Ink, React, yoga and the views while the engine answers (start-up).
import { Fragment, useEffect, useSyncExternalStore, type ReactNode } from 'react';
import { render, useStdin, useStdout } from 'ink';
import type { AppContextValue } from '../app/app-context.js';
import { emojiSequencesWhole, onEmojiModeChange } from '../text/emoji-sequences.js';
import { App } from '../views/app/app.js';
import type { FilteredStdin } from './input/filtered-stdin.js';

/** What run-app keeps of a mounted UI. */
export interface MountedUi {
  unmount(): void;
}

export interface MountOptions {
  ctx: AppContextValue;
  /** Keys, through dtui's filter (terminal replies dropped, pastes as text). */
  input: FilteredStdin;
  quit: () => void;
  /** Given Ink's stdout writer, which repaints the frame after writing. */
  onWrite: (write: (data: string) => void) => void;
}
export type MountUi = (opts: MountOptions) => MountedUi;

export const mountUi: MountUi = ({ ctx, input, quit, onWrite }) =>
  render(
    <InkWriter onReady={onWrite}>
      <RedrawOnEmojiMode>
        <App ctx={ctx} quit={quit} />
      </RedrawOnEmojiMode>
    </InkWriter>,
    {
      stdin: input as unknown as NodeJS.ReadStream,
      exitOnCtrlC: false,
      patchConsole: false,
      // DTUI_FULL_REDRAW=1 turns it off, to tell a rendering fault from a data fault.
      incrementalRendering: process.env.DTUI_FULL_REDRAW !== '1',
      // Ink draws at most one frame per 1000/maxFps ms and defers the rest: at 60 a key
      // that lands just after a log or stats frame waited up to 17 ms for its own. The
      // stores that change on their own already publish at most ~30×/s (log flushes,
      // the 1 s stats tick, debounced re-lists), so the throttle only needs to merge
      // commits that come within a few ms of each other.
      maxFps: 250,
    },
  );

/** Hands Ink's stdout writer (which repaints the frame after writing) to runApp. */
function InkWriter({ onReady, children }: { onReady: (write: (data: string) => void) => void; children: ReactNode }) {
  const { write } = useStdout();
  onReady(write);
  return <>{children}</>;
}

/**
 * Renders the app afresh when the terminal turns out to cluster graphemes: every view then
 * sanitizes and measures again (emoji sequences whole), memoised rows included. The app's
 * state lives in ctx's stores, as for the remount after a session. Raw mode is held here,
 * so the remount does not hand the tty back to cooked mode for an instant.
 */
function RedrawOnEmojiMode({ children }: { children: ReactNode }) {
  const whole = useSyncExternalStore(onEmojiModeChange, emojiSequencesWhole);
  const { setRawMode, isRawModeSupported } = useStdin();
  useEffect(() => {
    if (!isRawModeSupported) return;
    setRawMode(true);
    return () => setRawMode(false);
  }, [setRawMode, isRawModeSupported]);
  return <Fragment key={whole ? 'whole' : 'parts'}>{children}</Fragment>;
}
