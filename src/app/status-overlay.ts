// The whole of the last status message, on a key: the status line is one row, and a long
// engine error (a failed start, a registry refusal) is cut there.
import { wrapToWidth } from '../text/wrap.js';
import type { AppContextValue } from './app-context.js';
import { openOverlay } from './overlay.js';
import { setStatus } from './status.js';

/** ! — the last status message whole, wrapped to the screen, however long it was. */
export function showLastStatus(ctx: AppContextValue): void {
  const last = ctx.ui.get().lastStatus;
  if (!last) return setStatus(ctx, 'No message yet', 'info');
  const width = Math.max(20, ctx.terminal.get().cols - 4);
  const lines = last.text.split('\n').flatMap((line) => wrapToWidth(line, width).rows);
  openOverlay(ctx, { title: 'Last message', lines, exportLines: last.text.split('\n'), exportName: 'dtui-message.txt' });
}
