// The Engine pane's prune keys, one per `docker system df` type, each behind a dialog
// that says what goes and how much space it frees.
import { engineErrorMessage } from '../../engine/errors.js';
import type { PruneKind } from '../../engine/models/engine-overview.js';
import { formatSize } from '../../engine/models/format.js';
import type { AppContextValue } from '../app-context.js';
import { openDialog } from '../dialogs.js';
import { imageLocalActions } from './image-local-actions.js';
import { setStatus, withStatus } from '../status.js';
import { openVolumePrune } from './volume-actions.js';
import { yesNo } from '../../keys/labels.js';

const STOPPED = new Set(['exited', 'created', 'dead']);

function confirmPrune(ctx: AppContextValue, kind: PruneKind, what: string, lines: string[]): void {
  openDialog(ctx, undefined, {
    title: `Prune ${what}? ${yesNo()}`,
    lines,
    danger: true,
    onConfirm: () => {
      let summary = '';
      void withStatus(
        ctx,
        `Pruning ${what}…`,
        '',
        async () => {
          const result = await ctx.session.engine.prune(kind);
          await ctx.session.overview.reload();
          summary = `Pruned ${result.deleted.length} ${kind === 'buildCache' ? 'cache record(s)' : 'container(s)'}, reclaimed ${formatSize(result.reclaimed)}`;
        },
        (err) => `Could not prune ${what}: ${engineErrorMessage(err)}`,
      ).then((ok) => {
        if (ok) setStatus(ctx, summary, 'success');
      });
    },
  });
}

export function engineActions(ctx: AppContextValue) {
  const row = (kind: PruneKind) => ctx.session.overview.store.get().value?.disk.find((d) => d.kind === kind);
  return {
    'engine.pruneContainers': () => {
      const stopped = ctx.session.containers.get().rows.filter((c) => STOPPED.has(c.state));
      if (stopped.length === 0) return setStatus(ctx, 'No stopped containers to prune', 'info');
      const shown = stopped.slice(0, 8).map((c) => `${c.name}  ${c.shortId}  ${c.state}`);
      if (stopped.length > shown.length) shown.push(`… and ${stopped.length - shown.length} more`);
      const disk = row('containers');
      confirmPrune(ctx, 'containers', `${stopped.length} stopped container(s)`, [
        ...shown,
        disk ? `Frees about ${formatSize(disk.reclaimable)} of writable layers. Their volumes are kept.` : 'Their volumes are kept.',
      ]);
    },
    'engine.pruneImages': () => imageLocalActions(ctx)['image.prune'](),
    'engine.pruneVolumes': () => openVolumePrune(ctx),
    'engine.pruneBuildCache': () => {
      const disk = row('buildCache');
      if (disk && disk.total === 0) return setStatus(ctx, 'The build cache is empty', 'info');
      confirmPrune(ctx, 'buildCache', 'the build cache', [
        disk
          ? `${disk.total} cache record(s), ${disk.active} in use · ${formatSize(disk.size)} · reclaimable ${formatSize(disk.reclaimable)}`
          : 'Unused build cache records are deleted.',
        'Records in use by a running build stay.',
      ]);
    },
  };
}
