// The Volumes view's keys: c create, i inspect, d remove (asks; with marks, all of them), X prune unused (lists first).
import { engineErrorMessage, engineStatusCode, removeFailure } from '../../engine/errors.js';
import { formatSize } from '../../engine/models/format.js';
import { volumeUsers, type VolumeRow } from '../../engine/models/volumes.js';
import { sanitize } from '../../text/sanitize.js';
import type { AppContextValue } from '../app-context.js';
import { openDialog } from '../dialogs.js';
import { openPrompt } from '../forms.js';
import { openOverlay } from '../overlay.js';
import { selectedVolume } from '../selectors.js';
import { setStatus, withStatus } from '../status.js';
import { yesNo } from '../../keys/labels.js';
import { removeMarked, toggleMark } from './marks.js';

/** Volume names as the engine accepts them (same grammar as container names). */
export function validateVolumeName(input: string): string | undefined {
  if (!input) return 'enter a name (letters, digits, _ . -)';
  if (!/^[a-zA-Z0-9][a-zA-Z0-9_.-]+$/.test(input))
    return `"${input}" is not a valid volume name (letters, digits, _ . -; at least 2; starts with a letter or digit)`;
  return undefined;
}

/** Volumes no container mounts: what `docker volume prune` removes. */
export function unusedVolumes(volumes: readonly VolumeRow[], users: ReadonlyMap<string, string[]>): VolumeRow[] {
  return volumes.filter((v) => !users.get(v.name)?.length);
}

/** Pretty JSON, every line sanitized (labels and names are user-chosen). */
export function jsonLines(value: unknown): string[] {
  return JSON.stringify(value, null, 2).split('\n').map(sanitize);
}

export function volumeActions(ctx: AppContextValue) {
  const selected = (): VolumeRow | undefined => {
    const row = selectedVolume(ctx.session, ctx.ui.get());
    if (!row) setStatus(ctx, 'No volume selected', 'error');
    return row;
  };
  const engine = () => ctx.session.engine;
  const users = () => volumeUsers(ctx.session.containers.get().rows);

  return {
    'volume.create': () =>
      openPrompt(ctx, {
        title: 'Create a volume (local driver)',
        label: 'Name',
        placeholder: 'e.g. app-data',
        validate: validateVolumeName,
        onSubmit: async (name) => {
          if (ctx.session.volumes.store.get().rows.some((v) => v.name === name)) return `a volume named ${name} already exists`;
          let created = name;
          const ok = await withStatus(
            ctx,
            `Creating volume ${name}…`,
            '',
            async () => {
              created = await engine().createVolume(name);
              await ctx.session.volumes.reload();
            },
            (err) => `Could not create volume ${name}: ${engineErrorMessage(err)}`,
          );
          if (!ok) return ctx.ui.get().status?.text;
          setStatus(ctx, `Created volume ${created}`, 'success');
          return undefined;
        },
      }),

    'volume.inspect': () => {
      const row = selected();
      if (!row) return;
      void withStatus(
        ctx,
        `Inspecting volume ${row.name}…`,
        `Volume ${row.name}`,
        async () => {
          const lines = jsonLines(await engine().inspectVolume(row.name));
          openOverlay(ctx, { title: `Volume ${row.name} (inspect)`, lines, exportLines: lines, exportName: `${row.name}-inspect.json` });
        },
        (err) => `Could not inspect volume ${row.name}: ${engineErrorMessage(err)}`,
      );
    },

    'volume.mark': () => toggleMark(ctx, 'volumes', 'volume'),

    'volume.remove': () => {
      const inUse = users();
      const marked = removeMarked(ctx, {
        kind: 'volumes',
        noun: 'volume',
        label: (v) => v.name,
        detail: (v) =>
          [
            v.driver,
            v.size >= 0 ? formatSize(v.size) : 'size unknown',
            ...(inUse.get(v.name)?.length ? [`used by ${inUse.get(v.name)!.join(', ')}`] : []),
          ].join(' · '),
        skip: (v) => (inUse.get(v.name)?.length ? 'in use' : undefined),
        note: 'Their data is deleted for good.',
        remove: (session, v) => session.engine.removeVolume(v.name),
        after: (session) => session.volumes.reload(),
      });
      if (marked) return;
      const row = selected();
      if (!row) return;
      const usedBy = users().get(row.name) ?? [];
      openDialog(ctx, row.name, {
        title: `Remove volume ${row.name}? ${yesNo()}`,
        lines: [
          `${row.name} · ${row.driver} · ${row.size >= 0 ? formatSize(row.size) : 'size unknown'}`,
          usedBy.length ? `Used by ${usedBy.join(', ')}: the engine will refuse while they exist.` : 'No container uses it. Its data is deleted for good.',
        ],
        danger: true,
        onConfirm: () =>
          void withStatus(
            ctx,
            `Removing volume ${row.name}…`,
            `Removed volume ${row.name}`,
            async () => {
              await engine().removeVolume(row.name);
              await ctx.session.volumes.reload();
            },
            (err) =>
              engineStatusCode(err) === 409
                ? `Cannot remove volume ${row.name}: it is in use${usedBy.length ? ` by ${usedBy.join(', ')}` : ''} — nothing was removed`
                : removeFailure(`volume ${row.name}`, err),
          ),
      });
    },

    'volume.prune': () => openVolumePrune(ctx),
  };
}

/** The volumes as last read, or undefined if they never were (a failed first read included). */
function volumesRead(ctx: AppContextValue): readonly VolumeRow[] | undefined {
  const state = ctx.session.volumes.store.get();
  return state.loaded && !(state.error && state.rows.length === 0) ? state.rows : undefined;
}

/** The prune dialog, shared with the Engine pane's V. */
export function openVolumePrune(ctx: AppContextValue): void {
  const all = volumesRead(ctx);
  if (!all) {
    // The Engine pane may ask before the volumes were read: read them, then ask.
    const release = ctx.session.volumes.acquire();
    void ctx.session.volumes.reload().finally(() => {
      release();
      if (volumesRead(ctx)) openVolumePrune(ctx);
      else setStatus(ctx, 'Could not list volumes', 'error');
    });
    return;
  }
  const doomed = unusedVolumes(all, volumeUsers(ctx.session.containers.get().rows));
  if (doomed.length === 0) return setStatus(ctx, 'No unused volumes to prune', 'info');
  const known = doomed.filter((v) => v.size >= 0).reduce((n, v) => n + v.size, 0);
  const shown = doomed.slice(0, 8).map((v) => `${v.name}  ${v.size >= 0 ? formatSize(v.size) : '?'}`);
  if (doomed.length > shown.length) shown.push(`… and ${doomed.length - shown.length} more`);
  openDialog(ctx, undefined, {
    title: `Prune ${doomed.length} unused volume(s)? Their data is deleted. ${yesNo()}`,
    lines: [...shown, `Frees about ${formatSize(known)}.`],
    danger: true,
    onConfirm: () => {
      let summary = '';
      void withStatus(
        ctx,
        'Pruning unused volumes…',
        '',
        async () => {
          const result = await ctx.session.engine.prune('volumes');
          await Promise.all([ctx.session.volumes.reload(), ctx.session.overview.reload()]);
          summary = `Pruned ${result.deleted.length} volume(s)${result.deleted.length ? ` (${result.deleted.slice(0, 5).join(', ')}${result.deleted.length > 5 ? ', …' : ''})` : ''}, reclaimed ${formatSize(result.reclaimed)}`;
        },
        (err) => `Could not prune volumes: ${engineErrorMessage(err)}`,
      ).then((ok) => {
        if (ok) setStatus(ctx, summary, 'success');
      });
    },
  });
}
