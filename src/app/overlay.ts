// The scrollable text overlay (image history, inspect JSON): opening it, scrolling it,
// and o → export its text to a file after asking where.
import { existsSync, statSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { validatePath } from '../engine/models/validate.js';
import type { AppContextValue } from './app-context.js';
import { openPrompt } from './forms.js';
import type { Move } from './navigation.js';
import { setStatus } from './status.js';
import type { TextOverlay, UiState } from './ui-state.js';

export function openOverlay(ctx: AppContextValue, overlay: Omit<TextOverlay, 'scroll'>): void {
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
 * Checks a path to write a new file at: its folder must exist, and an existing file is
 * never overwritten (nothing the person had is lost by a typo).
 */
export function checkNewFilePath(input: string): string | undefined {
  const invalid = validatePath(input);
  if (invalid) return invalid;
  const path = resolve(input);
  if (existsSync(path)) {
    return statSync(path).isDirectory() ? `${path} is a folder: add a file name` : `${path} already exists: choose another name`;
  }
  const dir = dirname(path);
  if (!existsSync(dir) || !statSync(dir).isDirectory()) return `folder ${dir} does not exist`;
  return undefined;
}

export function overlayActions(ctx: AppContextValue) {
  return {
    'overlay.close': () => ctx.ui.update((s) => ({ ...s, overlay: undefined })),
    'overlay.export': () => {
      const overlay = ctx.ui.get().overlay;
      if (!overlay?.exportLines) return setStatus(ctx, 'This view cannot be exported', 'info');
      const lines = overlay.exportLines;
      openPrompt(ctx, {
        title: `Export ${overlay.title}`,
        label: 'File',
        initial: resolve(overlay.exportName ?? 'dtui-export.txt'),
        validate: checkNewFilePath,
        onSubmit: async (value) => {
          const path = resolve(value);
          try {
            await writeFile(path, lines.join('\n') + '\n', { flag: 'wx' });
          } catch (err) {
            return `Could not write ${path}: ${(err as Error).message}`;
          }
          setStatus(ctx, `Wrote ${lines.length} lines to ${path}`, 'success');
          return undefined;
        },
      });
    },
  };
}
