// s / S / r / p / d on the marked containers (Space marks): one confirmation lists every
// marked container and what will happen to it, then all act at once and one status line
// sums up. Marks are cleared once the action runs, so a second key press cannot repeat it
// on rows the person no longer looks at.
import { engineErrorMessage } from '../../engine/errors.js';
import type { ContainerAction, ContainerRow } from '../../engine/models/types.js';
import { yesNo } from '../../keys/labels.js';
import type { EngineSession } from '../../state/session.js';
import type { AppContextValue } from '../app-context.js';
import { openDialog } from '../dialogs.js';
import { markedRows } from '../selectors.js';
import { setStatus } from '../status.js';
import { withList } from '../ui-state.js';

/** The bulk keys: s S r p d. */
export type BulkKey = 'stop' | 'start' | 'restart' | 'pause' | 'remove';

const LIVE = new Set(['running', 'paused', 'restarting']);
/** Lines of names a dialog lists before "… and N more" (it must fit a 24-line terminal). */
const MAX_LINES = 12;

/** What a key does to one row, or why it leaves it alone. */
export function planFor(key: BulkKey, row: ContainerRow): { action: ContainerAction; force?: boolean } | { skip: string } {
  switch (key) {
    case 'stop':
      return LIVE.has(row.state) ? { action: 'stop' } : { skip: 'not running' };
    case 'start':
      return row.state === 'running' ? { skip: 'already running' } : row.state === 'paused' ? { skip: 'paused' } : { action: 'start' };
    case 'restart':
      return { action: 'restart' };
    case 'pause':
      return row.state === 'paused' ? { action: 'unpause' } : row.state === 'running' ? { action: 'pause' } : { skip: 'not running' };
    case 'remove':
      return { action: 'remove', force: LIVE.has(row.state) };
  }
}

const TITLES: Record<BulkKey, string> = { stop: 'Stop', start: 'Start', restart: 'Restart', pause: 'Pause/unpause', remove: 'Remove' };
const DONE: Record<ContainerAction, string> = {
  start: 'started',
  stop: 'stopped',
  restart: 'restarted',
  pause: 'paused',
  unpause: 'unpaused',
  kill: 'killed',
  remove: 'removed',
};

/** The marked containers still listed; [] when none (the key then acts on the selected row). */
export function markedContainers(ctx: AppContextValue): ContainerRow[] {
  return markedRows(ctx.session, ctx.ui.get(), 'containers');
}

/** Asks once for all marked rows, then runs `key` on each that it applies to. */
export function confirmBulk(ctx: AppContextValue, key: BulkKey, rows: ContainerRow[]): void {
  const plans = rows.map((row) => ({ row, plan: planFor(key, row) }));
  const acting = plans.filter((p) => !('skip' in p.plan));
  const lines = plans.slice(0, MAX_LINES).map(({ row, plan }) => {
    const what = 'skip' in plan ? `skipped: ${plan.skip}` : plan.force ? `${plan.action} (force: it is ${row.state})` : plan.action;
    return `${row.name} (${row.shortId}) · ${row.state} → ${what}`;
  });
  if (plans.length > MAX_LINES) lines.push(`… and ${plans.length - MAX_LINES} more`);
  if (key === 'remove') lines.push('Their volumes are kept.');
  openDialog(ctx, undefined, {
    title: `${TITLES[key]} ${acting.length} marked container${acting.length === 1 ? '' : 's'}? ${yesNo()}`,
    lines,
    danger: key === 'remove' || key === 'stop',
    onConfirm: (session) => {
      ctx.ui.update((s) => withList(s, 'containers', { marks: undefined }));
      void runBulk(
        ctx,
        session,
        acting.map((p) => ({ row: p.row, plan: p.plan as { action: ContainerAction; force?: boolean } })),
      );
    },
  });
}

async function runBulk(ctx: AppContextValue, session: EngineSession, work: Array<{ row: ContainerRow; plan: { action: ContainerAction; force?: boolean } }>) {
  if (work.length === 0) return setStatus(ctx, 'Nothing to do for the marked containers', 'info');
  setStatus(ctx, `Working on ${work.length} containers…`, 'progress');
  const results = await Promise.allSettled(work.map(({ row, plan }) => session.containerAction(row, plan.action, { force: plan.force })));
  const failed = results.flatMap((r, i) => (r.status === 'rejected' ? [`${work[i]!.row.name}: ${engineErrorMessage(r.reason)}`] : []));
  const verbs = [...new Set(work.map((w) => DONE[w.plan.action]))].join('/');
  if (failed.length === 0) return setStatus(ctx, `${capital(verbs)} ${work.length} containers`, 'success');
  setStatus(ctx, `${capital(verbs)} ${work.length - failed.length} of ${work.length}; failed: ${failed.join('; ')}`, 'error');
}

const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
