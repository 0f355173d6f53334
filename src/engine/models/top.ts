// `docker top` answers as a table. Podman's compat endpoint, asked without ps_args or with
// arguments its own ps (psgo) does not know, runs `ps` inside the container and answers one
// unsplit string per row under one title ("PID   USER     COMMAND"; measured, Podman 4.3.1):
// those are split on whitespace here so the columns line up, the last column keeping its
// spaces (it is the command line).
import type { TopResult } from './types.js';

/** Podman's own ps descriptors for the columns `docker top` shows (psgo names). */
export const PODMAN_TOP_ARGS = 'user,pid,ppid,pcpu,tty,time,args';

export function splitTop(result: TopResult): TopResult {
  const [only] = result.titles;
  if (result.titles.length !== 1 || only === undefined) return result;
  const titles = only.trim().split(/\s+/);
  if (titles.length < 2 || !result.processes.every((p) => p.length === 1)) return result;
  const processes = result.processes.map(([line = '']) => {
    const words = line.trim().split(/\s+/);
    return [...words.slice(0, titles.length - 1), words.slice(titles.length - 1).join(' ')];
  });
  return { titles, processes };
}
