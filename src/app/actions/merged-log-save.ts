// o on a project's (or a swarm service's) merged log: writes the merged lines held, as `docker compose logs
// --no-color` prints them (tag | line, with the engine's stamps when T is on). Unlike one
// container's save, which re-reads the engine, the merge exists only here: what was
// merged is what is written, the dropped oldest lines included in the count shown first.
import { untagged } from '../../state/merged-log-follower.js';
import type { LogSnapshot } from '../../state/log-follower.js';
import type { AppContextValue } from '../app-context.js';
import { promptSaveLines } from '../overlay.js';
import { groupDigits } from '../../text/group-digits.js';

export function mergedLogLines(log: LogSnapshot, timestamps: boolean): string[] {
  const out: string[] = [];
  for (let i = 0; i < log.lines.length; i++) {
    const line = log.lines.get(i)!;
    out.push(`${timestamps && line.ts ? `${line.ts} ` : ''}${untagged(line.text)}`);
  }
  return out;
}

/** `command`: what prints the same lines (a swarm service's: docker service logs). */
export function saveMergedLog(ctx: AppContextValue, log: LogSnapshot, what: string, fileName: string, command = 'docker compose logs'): void {
  const timestamps = ctx.ui.get().logView.timestamps;
  const dropped = log.lines.dropped ? ` (${groupDigits(log.lines.dropped)} older ones dropped)` : '';
  promptSaveLines(ctx, {
    title: `Save the merged log of ${what}`,
    fileName,
    note: `The ${groupDigits(log.lines.length)} merged lines held${dropped}, as ${command}${timestamps ? ' -t' : ''} --no-color prints them`,
    lines: () => mergedLogLines(log, timestamps),
    saved: (count, path) => `Saved ${groupDigits(count)} lines of ${what}'s merged log to ${path}`,
  });
}
