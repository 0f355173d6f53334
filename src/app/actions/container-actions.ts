// What the container keys do: s/S/r/p act at once, d asks first; with marked rows
// (Space) each of them asks once and acts on all the marked ones (container-bulk.ts).
import { engineErrorMessage, removeFailure } from '../../engine/errors.js';
import type { ContainerAction, ContainerRow } from '../../engine/models/types.js';
import type { AppContextValue } from '../app-context.js';
import { openDialog } from '../dialogs.js';
import { selectedContainer } from '../selectors.js';
import { setStatus, withStatus } from '../status.js';
import { keyLabel, yesNo } from '../../keys/labels.js';
import { toggleMark } from './marks.js';
import { confirmBulk, markedContainers, type BulkKey } from './container-bulk.js';

const VERBS: Record<ContainerAction, [doing: string, done: string]> = {
  start: ['Starting', 'Started'],
  stop: ['Stopping', 'Stopped'],
  restart: ['Restarting', 'Restarted'],
  pause: ['Pausing', 'Paused'],
  unpause: ['Unpausing', 'Unpaused'],
  kill: ['Killing', 'Killed'],
  remove: ['Removing', 'Removed'],
};

const LIVE = new Set(['running', 'paused', 'restarting']);

export function containerActions(ctx: AppContextValue) {
  const selected = (): ContainerRow | undefined => {
    const row = selectedContainer(ctx.session, ctx.ui.get());
    if (!row) setStatus(ctx, 'No container selected', 'error');
    return row;
  };

  const act = (row: ContainerRow, action: ContainerAction, opts: { force?: boolean } = {}, session = ctx.session): void => {
    const [doing, done] = VERBS[action];
    void withStatus(
      ctx,
      `${doing} ${row.name}…`,
      `${done} ${row.name}`,
      () => session.containerAction(row, action, opts),
      (err) => (action === 'remove' ? removeFailure(row.name, err) : `Could not ${action} ${row.name}: ${engineErrorMessage(err)}`),
    );
  };

  // settings.confirmStop / confirmRestart: some want a prompt before these two.
  const maybeAsk = (row: ContainerRow, action: 'stop' | 'restart', ask: boolean): void => {
    if (!ask) return act(row, action);
    openDialog(ctx, row.id, {
      title: `${action === 'stop' ? 'Stop' : 'Restart'} container ${row.name}? ${yesNo()}`,
      lines: [`${row.name} (${row.shortId}) · image ${row.image} · ${row.state}`],
      danger: true,
      onConfirm: (session) => act(row, action, {}, session),
    });
  };

  /**
   * A container run with --rm is removed by the engine once stopped (logs, filesystem and
   * all): that stop asks first and says so. The list does not carry AutoRemove, so one
   * inspect decides; if it fails the stop goes ahead as for any container.
   */
  const stopAsking = async (row: ContainerRow): Promise<void> => {
    const session = ctx.session;
    let autoRemove = false;
    try {
      const info = (await session.engine.inspectContainer(row.id, AbortSignal.timeout(3000))) as { HostConfig?: { AutoRemove?: unknown } };
      autoRemove = info?.HostConfig?.AutoRemove === true;
    } catch {
      // Gone or slow: the stop itself reports what is wrong.
    }
    if (!autoRemove) return maybeAsk(row, 'stop', ctx.config.settings.confirmStop);
    openDialog(ctx, row.id, {
      title: `Stop container ${row.name}? ${yesNo()}`,
      lines: [
        `${row.name} (${row.shortId}) · image ${row.image} · ${row.state}`,
        'It was started with --rm: stopping it also removes it (its logs and files are gone).',
      ],
      danger: true,
      onConfirm: (s) => act(row, 'stop', {}, s),
    });
  };

  const showDetail = (tab: 'logs' | 'top') =>
    ctx.ui.update((s) => ({ ...s, focus: 'detail', lastList: 'containers', detailTab: tab, logScroll: { topSeq: null }, topScroll: 0 }));

  /** With marks, `key` asks once for all of them and returns true; without, false (act on the selection). */
  const bulk = (key: BulkKey): boolean => {
    const rows = markedContainers(ctx);
    if (rows.length === 0) return false;
    confirmBulk(ctx, key, rows);
    return true;
  };

  return {
    'container.mark': () => toggleMark(ctx, 'containers', 'container'),
    'container.logs': () => selected() && showDetail('logs'),
    'container.top': () => selected() && showDetail('top'),
    'container.stop': () => {
      if (bulk('stop')) return;
      const row = selected();
      if (!row) return;
      if (!LIVE.has(row.state)) return setStatus(ctx, `${row.name} is not running (${row.state})`, 'info');
      void stopAsking(row);
    },
    'container.start': () => {
      if (bulk('start')) return;
      const row = selected();
      if (!row) return;
      if (row.state === 'running') return setStatus(ctx, `${row.name} is already running`, 'info');
      if (row.state === 'paused') return setStatus(ctx, `${row.name} is paused: press ${keyLabel('container.pause')} to unpause`, 'info');
      act(row, 'start');
    },
    'container.restart': () => {
      if (bulk('restart')) return;
      const row = selected();
      if (row) maybeAsk(row, 'restart', ctx.config.settings.confirmRestart);
    },
    'container.pause': () => {
      if (bulk('pause')) return;
      const row = selected();
      if (!row) return;
      if (row.state === 'paused') return act(row, 'unpause');
      if (row.state !== 'running') return setStatus(ctx, `${row.name} is not running (${row.state}): nothing to pause`, 'info');
      act(row, 'pause');
    },
    'container.remove': () => {
      if (bulk('remove')) return;
      const row = selected();
      if (!row) return;
      const running = LIVE.has(row.state);
      openDialog(ctx, row.id, {
        title: `Remove container ${row.name}? ${yesNo()}`,
        lines: [
          `${row.name} (${row.shortId}) · image ${row.image} · ${row.state}`,
          running ? `It is ${row.state}: it will be force-removed (killed, then removed).` : 'It is not running.',
          'Its volumes are kept.',
        ],
        danger: true,
        onConfirm: (session) => act(row, 'remove', { force: running }, session),
      });
    },
  };
}
