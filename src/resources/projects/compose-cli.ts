// u / D: `docker-compose up -d` / `down` of the selected project. They need the compose
// file, which the Engine API does not know, so they run only through a compose binary on
// PATH, in the project's directory (its working_dir label), in a pseudo-terminal that has
// the screen while dtui is suspended, as exec does; the exit code ends in the status line.
import { accessSync, constants, existsSync } from 'node:fs';
import { delimiter, isAbsolute, join, resolve } from 'node:path';
import type { AppContextValue } from '../../app/app-context.js';
import { openDialog } from '../../app/dialogs.js';
import { openSession, terminalSize } from '../../app/open-session.js';
import { setStatus } from '../../app/status.js';
import { spawnLocal } from '../../cli/local-pty.js';
import { yesNo } from '../../keys/labels.js';
import type { ProjectRow } from './rows.js';

export const COMPOSE_BINARY = 'docker-compose';

/** The compose binary's path on PATH, if any. */
export function findCompose(path = process.env.PATH ?? ''): string | undefined {
  for (const dir of path.split(delimiter)) {
    if (!dir) continue;
    const file = join(dir, COMPOSE_BINARY);
    try {
      accessSync(file, constants.X_OK);
      return file;
    } catch {
      // not here
    }
  }
  return undefined;
}

/** `-p project -f file…` for the row, or why it cannot be run from here. */
export function composeArgs(row: Pick<ProjectRow, 'project' | 'workingDir' | 'configFiles'>): { cwd: string; args: string[] } | string {
  if (!row.workingDir || !isAbsolute(row.workingDir)) return `project ${row.project} has no working directory label`;
  if (!existsSync(row.workingDir)) return `project ${row.project}'s directory ${row.workingDir} is not on this machine`;
  const files = row.configFiles
    .split(',')
    .map((f) => f.trim())
    .filter(Boolean)
    .map((f) => resolve(row.workingDir, f));
  const missing = files.find((f) => !existsSync(f));
  if (missing) return `project ${row.project}'s compose file ${missing} is not there`;
  return { cwd: row.workingDir, args: ['-p', row.project, ...files.flatMap((f) => ['-f', f])] };
}

/** Runs compose, then keeps its output on screen until Enter; exits with compose's code. */
const HOLD = `code=0; "$0" "$@" || code=$?; printf "\\n[${COMPOSE_BINARY} exited with code %d — press Enter to return to dtui]" "$code"; read -r _; exit "$code"`;

export function composeActions(ctx: AppContextValue, selected: () => ProjectRow | undefined) {
  const run = (row: ProjectRow, verb: 'up' | 'down') => {
    const binary = findCompose();
    if (!binary) return setStatus(ctx, `${verb} needs ${COMPOSE_BINARY} on PATH (the Engine API has no compose file); s/S/r/d act without it`, 'info');
    const where = composeArgs(row);
    if (typeof where === 'string') return setStatus(ctx, `Cannot run ${COMPOSE_BINARY} ${verb}: ${where}`, 'error');
    const target = ctx.cliTarget ?? { args: [], env: { ...process.env } };
    const sub = verb === 'up' ? ['up', '-d', ...(row.level === 'service' && row.service ? [row.service] : [])] : ['down'];
    const label = `${COMPOSE_BINARY} ${sub.join(' ')} of project ${row.project}`;
    void openSession(ctx, { label, banner: `${label} — its output below; Enter returns to dtui once it ends` }, () =>
      spawnLocal(
        ['/bin/sh', '-c', HOLD, binary, ...target.args, ...where.args, ...sub],
        terminalSize(ctx),
        target.env,
        `${COMPOSE_BINARY} ${verb} needs node-pty (an optional dependency that did not install here)`,
        where.cwd,
      ),
    );
  };
  return {
    'project.up': () => {
      const row = selected();
      if (row) run(row, 'up');
    },
    'project.down': () => {
      const row = selected();
      if (!row) return;
      openDialog(ctx, row.key, {
        title: `${COMPOSE_BINARY} down project ${row.project}? ${yesNo()}`,
        lines: [
          `Stops and removes every container of project ${row.project}, and its networks:`,
          ...row.containers.map((c) => `${c.name} (${c.shortId}) · ${c.state}`),
          'Volumes are kept.',
        ],
        danger: true,
        onConfirm: () => run(row, 'down'),
      });
    },
  };
}
