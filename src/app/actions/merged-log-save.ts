// o on a project's merged log: writes the merged lines held, as `docker compose logs
// --no-color` prints them (tag | line, with the engine's stamps when T is on). Unlike one
// container's save, which re-reads the engine, the merge exists only here: what was
// merged is what is written, the dropped oldest lines included in the count shown first.
import { writeFile } from 'node:fs/promises';
import { hostPath } from '../../engine/models/host-path.js';
import { untagged } from '../../state/merged-log-follower.js';
import type { LogSnapshot } from '../../state/log-follower.js';
import type { AppContextValue } from '../app-context.js';
import { openPrompt } from '../forms.js';
import { askOverwrite, checkNewFilePath } from '../overlay.js';
import { setStatus } from '../status.js';

export function mergedLogLines(log: LogSnapshot, timestamps: boolean): string[] {
  const out: string[] = [];
  for (let i = 0; i < log.lines.length; i++) {
    const line = log.lines.get(i)!;
    out.push(`${timestamps && line.ts ? `${line.ts} ` : ''}${untagged(line.text)}`);
  }
  return out;
}

export function saveMergedLog(ctx: AppContextValue, log: LogSnapshot, what: string, fileName: string): void {
  const timestamps = ctx.ui.get().logView.timestamps;
  openPrompt(ctx, {
    title: `Save the merged log of ${what}`,
    label: 'File',
    initial: hostPath(fileName),
    note: `The ${log.lines.length.toLocaleString('en-US')} merged lines held${log.lines.dropped ? ` (${log.lines.dropped.toLocaleString('en-US')} older ones dropped)` : ''}, as docker compose logs${timestamps ? ' -t' : ''} --no-color prints them`,
    validate: checkNewFilePath,
    onSubmit: (value, signal) =>
      askOverwrite(
        hostPath(value),
        async (overwrite) => {
          const path = hostPath(value);
          const lines = mergedLogLines(log, timestamps);
          try {
            await writeFile(path, lines.length ? lines.join('\n') + '\n' : '', { flag: overwrite ? 'w' : 'wx' });
          } catch (err) {
            const code = (err as NodeJS.ErrnoException).code;
            if (code === 'EEXIST') return `${path} exists: choose another name`;
            if (code === 'ENOENT') return `${path}: no such directory`;
            return `Could not write ${path}: ${(err as Error).message}`;
          }
          setStatus(ctx, `Saved ${lines.length.toLocaleString('en-US')} lines of ${what}'s merged log to ${path}`, 'success');
          return undefined;
        },
        signal,
      ),
  });
}
