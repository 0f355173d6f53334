// The scrollable text overlay (image history, inspect JSON): opening it, scrolling it,
// / to search it and n/N to jump between matching lines (the Inspect tab's search code,
// src/state/log-search.ts), and o → export its text to a file after asking where.
import { existsSync, statSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { hostPath } from '../engine/models/host-path.js';
import { validatePath } from '../engine/models/validate.js';
import type { AppContextValue } from './app-context.js';
import { openPrompt } from './forms.js';
import type { Move } from './navigation.js';
import { setStatus } from './status.js';
import { keyLabel } from '../keys/labels.js';
import { inspectMatches, nextLineMatch } from '../state/log-search.js';
import { layoutFor, pages } from './layout.js';
import type { SubmitResult, TextOverlay, UiState } from './ui-state.js';

export function openOverlay(ctx: AppContextValue, overlay: Omit<TextOverlay, 'scroll' | 'search' | 'searchAt'>): void {
  ctx.ui.update((s) => ({ ...s, overlay: { ...overlay, scroll: 0 } }));
}

export function scrollOverlay(state: UiState, move: Move, page: number): UiState {
  const o = state.overlay;
  if (!o) return state;
  const max = Math.max(0, o.lines.length - page);
  const steps: Record<Move, number> = { up: o.scroll - 1, down: o.scroll + 1, pageUp: o.scroll - page, pageDown: o.scroll + page, home: 0, end: max };
  const scroll = Math.max(0, Math.min(max, steps[move]));
  return scroll === o.scroll ? state : { ...state, overlay: { ...o, scroll } };
}

/**
 * Checks a path to write a file at: its folder must exist and it is not a folder. An existing
 * file passes here: the submit asks before overwriting it (askOverwrite).
 */
export function checkNewFilePath(input: string): string | undefined {
  const invalid = validatePath(input);
  if (invalid) return invalid;
  const path = hostPath(input);
  if (existsSync(path) && statSync(path).isDirectory()) return `${path} is a folder: add a file name`;
  const dir = dirname(path);
  if (!existsSync(dir) || !statSync(dir).isDirectory()) return `folder ${dir} does not exist`;
  return undefined;
}

/**
 * Writes a file at `path` through `write(overwrite)`: at once when nothing is there, else
 * only after the person answers y to "<path> already exists — overwrite? y/N" (never silently).
 */
export function askOverwrite(
  path: string,
  write: (overwrite: boolean, signal: AbortSignal) => Promise<string | undefined> | string | undefined,
  signal: AbortSignal,
): Promise<SubmitResult> | SubmitResult {
  if (!existsSync(path)) return write(false, signal);
  return { confirm: `${path} already exists — overwrite? y/N`, onYes: (s) => write(true, s) };
}

export interface SaveLines {
  title: string;
  /** The file name offered, under the working directory. */
  fileName: string;
  note?: string;
  /** Read when the file is written, not when the prompt opens. */
  lines: () => readonly string[];
  /** The status line once written. */
  saved: (count: number, path: string) => string;
}

/**
 * Asks for a file and writes text lines to it (one per line), asking before it replaces a
 * file: the export of a text view and the save of a merged log.
 */
export function promptSaveLines(ctx: AppContextValue, save: SaveLines): void {
  openPrompt(ctx, {
    title: save.title,
    label: 'File',
    initial: hostPath(save.fileName),
    ...(save.note ? { note: save.note } : {}),
    validate: checkNewFilePath,
    onSubmit: (value, signal) =>
      askOverwrite(
        hostPath(value),
        async (overwrite) => {
          const path = hostPath(value);
          const lines = save.lines();
          try {
            await writeFile(path, lines.length ? lines.join('\n') + '\n' : '', { flag: overwrite ? 'w' : 'wx' });
          } catch (err) {
            const code = (err as NodeJS.ErrnoException).code;
            if (code === 'EEXIST') return `${path} exists: choose another name`;
            if (code === 'ENOENT') return `${path}: no such directory`;
            return `Could not write ${path}: ${(err as Error).message}`;
          }
          setStatus(ctx, save.saved(lines.length, path), 'success');
          return undefined;
        },
        signal,
      ),
  });
}

/** The overlay's lines of text on screen (the page PgUp/PgDn move by). */
function overlayPage(ctx: AppContextValue): number {
  const { cols, rows } = ctx.terminal.get();
  return pages.overlay(layoutFor(cols, rows));
}

export function overlayActions(ctx: AppContextValue) {
  /** n/N: the next (previous) matching line after (before) the last one, else from the screen. */
  const jump = (backwards: boolean) => {
    const o = ctx.ui.get().overlay;
    if (!o) return;
    if (!o.search) return setStatus(ctx, `No search: press ${keyLabel('overlay.search')} first`, 'info');
    const page = overlayPage(ctx);
    const from = o.searchAt ?? (backwards ? o.scroll + page : o.scroll - 1);
    const next = nextLineMatch(inspectMatches(o.lines, o.search), from, backwards);
    if (next === undefined) return setStatus(ctx, `"${o.search}": no ${backwards ? 'earlier' : 'later'} match`, 'info');
    const max = Math.max(0, o.lines.length - page);
    ctx.ui.update((s) => (s.overlay ? { ...s, overlay: { ...s.overlay, searchAt: next, scroll: Math.min(max, Math.max(0, next - 2)) } } : s));
  };
  return {
    'overlay.search': () => {
      const o = ctx.ui.get().overlay;
      if (!o) return;
      openPrompt(ctx, {
        title: `Search ${o.title}`,
        label: 'Find',
        initial: o.search ?? '',
        note: `Lowercase matches any case · empty clears · ${keyLabel('overlay.next')}/${keyLabel('overlay.prev')} next/previous`,
        onSubmit: (value) => {
          ctx.ui.update((s) => (s.overlay ? { ...s, overlay: { ...s.overlay, search: value, searchAt: null } } : s));
          if (value) queueMicrotask(() => jump(false));
          return undefined;
        },
      });
    },
    'overlay.next': () => jump(false),
    'overlay.prev': () => jump(true),
    'overlay.close': () => ctx.ui.update((s) => ({ ...s, overlay: undefined })),
    'overlay.export': () => {
      const overlay = ctx.ui.get().overlay;
      if (!overlay?.exportLines) return setStatus(ctx, 'This view cannot be exported', 'info');
      const lines = overlay.exportLines;
      promptSaveLines(ctx, {
        title: `Export ${overlay.title}`,
        fileName: overlay.exportName ?? 'dtui-export.txt',
        lines: () => lines,
        saved: (count, path) => `Wrote ${count} lines to ${path}`,
      });
    },
  };
}
