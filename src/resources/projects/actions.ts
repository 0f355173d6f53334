// What the Projects keys do: act on every container of the selected project or service
// through the Engine API (the labels name them; no compose CLI needed), concurrently,
// with each container's result in the status line; d asks first, naming every container.
import { engineErrorMessage } from '../../engine/errors.js';
import type { ContainerAction, ContainerRow } from '../../engine/models/types.js';
import type { AppContextValue } from '../../app/app-context.js';
import { openDialog } from '../../app/dialogs.js';
import { selectedRow } from '../../app/selectors.js';
import { setStatus } from '../../app/status.js';
import { keyLabel, yesNo } from '../../keys/labels.js';
import type { EngineSession } from '../../state/session.js';
import { composeActions } from './compose-cli.js';
import { groupLabel, type ProjectRow } from './rows.js';

const VERBS: Record<Exclude<ContainerAction, 'kill'>, [doing: string, done: string]> = {
  start: ['Starting', 'Started'],
  stop: ['Stopping', 'Stopped'],
  restart: ['Restarting', 'Restarted'],
  pause: ['Pausing', 'Paused'],
  unpause: ['Unpausing', 'Unpaused'],
  remove: ['Removing', 'Removed'],
};

const LIVE = new Set(['running', 'paused', 'restarting']);

/** "web-1 ok · db-1 failed: …": each container's result, failures first. */
export function resultLine(results: ReadonlyArray<{ name: string; error?: string }>): string {
  const failed = results.filter((r) => r.error).map((r) => `${r.name} failed: ${r.error}`);
  const ok = results.filter((r) => !r.error).map((r) => `${r.name} ok`);
  return [...failed, ...ok].join(' · ');
}

export function projectActions(ctx: AppContextValue) {
  const selected = (): ProjectRow | undefined => {
    const row = selectedRow(ctx.session, ctx.ui.get(), 'projects');
    if (!row) setStatus(ctx, 'No project selected', 'error');
    else if (!row.project) {
      setStatus(ctx, 'These containers belong to no Compose project: act on them one by one in Containers', 'info');
      return undefined;
    }
    return row;
  };

  /** Runs `action` on `targets` at once; the status line names each container's outcome. */
  const run = (
    row: ProjectRow,
    action: Exclude<ContainerAction, 'kill'>,
    targets: ContainerRow[],
    opts: { force?: boolean; volumes?: boolean } = {},
    session = ctx.session,
  ) => {
    const [doing, done] = VERBS[action];
    const what = groupLabel(row);
    if (!session.isConnected()) return setStatus(ctx, `${doing} ${what}: not possible now — the engine is unreachable (dtui is retrying)`, 'error');
    setStatus(ctx, `${doing} ${what}: ${targets.map((c) => c.name).join(', ')}…`, 'progress');
    void Promise.all(
      targets.map((c) =>
        session.containerAction(c, action, { ...opts, force: action === 'remove' && (opts.force || LIVE.has(c.state)) }).then(
          (): { name: string; error?: string } => ({ name: c.name }),
          (err: unknown) => ({ name: c.name, error: engineErrorMessage(err) }),
        ),
      ),
    ).then((results) => {
      const bad = results.filter((r) => r.error).length;
      const head = bad ? `${doing.replace(/ing$/, '')} ${what}: ${bad} of ${results.length} failed` : `${done} ${what}`;
      setStatus(ctx, `${head} — ${resultLine(results)}`, bad ? 'error' : 'success');
    });
  };

  const each = (action: Exclude<ContainerAction, 'kill'>, pick: (c: ContainerRow) => boolean, none: (row: ProjectRow) => string) => () => {
    const row = selected();
    if (!row) return;
    const targets = row.containers.filter(pick);
    if (!targets.length) return setStatus(ctx, none(row), 'info');
    run(row, action, targets);
  };

  return {
    'project.logs': () => selected() && ctx.ui.update((s) => ({ ...s, focus: 'detail', lastList: 'projects', detailTab: 'logs', logScroll: { topSeq: null } })),
    'project.stop': each(
      'stop',
      (c) => LIVE.has(c.state),
      (r) => `Nothing of ${groupLabel(r)} is running`,
    ),
    'project.start': each(
      'start',
      (c) => !LIVE.has(c.state),
      (r) => `Every container of ${groupLabel(r)} is already running (or paused: ${keyLabel('project.pause')} unpauses)`,
    ),
    'project.restart': each(
      'restart',
      () => true,
      (r) => `${groupLabel(r)} has no containers`,
    ),
    'project.pause': () => {
      const row = selected();
      if (!row) return;
      // Anything running: pause it; else unpause what is paused (one key, like p on a container).
      const running = row.containers.filter((c) => c.state === 'running');
      if (running.length) return run(row, 'pause', running);
      const paused = row.containers.filter((c) => c.state === 'paused');
      if (paused.length) return run(row, 'unpause', paused);
      setStatus(ctx, `Nothing of ${groupLabel(row)} is running: nothing to pause`, 'info');
    },
    'project.remove': () => {
      const row = selected();
      if (!row) return;
      const targets = row.containers;
      const live = targets.filter((c) => LIVE.has(c.state)).length;
      const remove = (volumes: boolean) => (session: EngineSession) => run(row, 'remove', targets, { volumes }, session);
      openDialog(ctx, row.key, {
        title: `Remove the ${targets.length} container${targets.length === 1 ? '' : 's'} of ${groupLabel(row)}? ${yesNo()}`,
        lines: [
          ...targets.map((c) => `${c.name} (${c.shortId}) · ${c.image} · ${c.state}`),
          live ? `${live} of them ${live === 1 ? 'is' : 'are'} running: killed, then removed.` : 'None of them is running.',
          `Named volumes are always kept; anonymous volumes too, unless you press ${keyLabel('dialog.force')}.`,
        ],
        danger: true,
        onConfirm: remove(false),
        onForce: remove(true),
        footer: `${keyLabel('dialog.yes')} remove (volumes kept) · ${keyLabel('dialog.force')} remove with their anonymous volumes · ${keyLabel('back')} cancel`,
      });
    },
    ...composeActions(ctx, selected),
  };
}
