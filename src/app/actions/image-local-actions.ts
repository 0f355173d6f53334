// The image keys that work on this machine's copies: h history, x save to a tar file,
// L load from one, X prune dangling images.
import { existsSync, statSync } from 'node:fs';
import { engineErrorMessage } from '../../engine/errors.js';
import { formatSize, shortId, whenText } from '../../engine/models/format.js';
import { historyBlocks, historyText } from '../../engine/models/history.js';
import type { ImageRow } from '../../engine/models/types.js';
import { hostPath } from '../../engine/models/host-path.js';
import { validatePath } from '../../engine/models/validate.js';
import type { AppContextValue } from '../app-context.js';
import { openDialog } from '../dialogs.js';
import { openPrompt } from '../forms.js';
import { imageLabel } from './image-actions.js';
import { layoutFor } from '../layout.js';
import { askOverwrite, checkNewFilePath, openOverlay } from '../overlay.js';
import { selectedImage } from '../selectors.js';
import { setStatus, withStatus } from '../status.js';
import { yesNo } from '../../keys/labels.js';

/** "team/app:1.0" → "team_app_1.0": a file name suggestion, nothing a shell would trip on. */
export function fileNameFor(row: ImageRow, suffix: string): string {
  const base = row.dangling ? shortId(row.id) : `${row.repository}_${row.tag}`;
  return base.replace(/[^A-Za-z0-9_.-]+/g, '_') + suffix;
}

export function checkExistingFile(input: string): string | undefined {
  const invalid = validatePath(input);
  if (invalid) return invalid;
  const path = hostPath(input);
  if (!existsSync(path)) return `${path} does not exist`;
  if (!statSync(path).isFile()) return `${path} is not a file`;
  return undefined;
}

/** Dangling images `docker image prune` would remove: no tag and no container using them. */
export function prunableDangling(images: readonly ImageRow[], usedImageIds: ReadonlySet<string>): ImageRow[] {
  return images.filter((r) => r.dangling && !usedImageIds.has(r.id));
}

export function imageLocalActions(ctx: AppContextValue) {
  const selected = (): ImageRow | undefined => {
    const row = selectedImage(ctx.session, ctx.ui.get());
    if (!row) setStatus(ctx, 'No image selected', 'error');
    return row;
  };
  const engine = () => ctx.session.engine;

  return {
    'image.history': () => {
      const row = selected();
      if (!row) return;
      const label = imageLabel(row);
      void withStatus(
        ctx,
        `Reading the history of ${label}…`,
        `History of ${label}`,
        async () => {
          const layers = await engine().imageHistory(row.id);
          const now = Date.now();
          const dates = ctx.config.settings.dateFormat;
          const { cols } = ctx.terminal.get();
          openOverlay(ctx, {
            title: `History of ${label} · ${layers.length} layer(s) · newest first`,
            lines: historyBlocks(layers, now, layoutFor(cols, ctx.terminal.get().rows).cols - 4, dates),
            exportLines: historyText(layers, now, dates),
            exportName: fileNameFor(row, '-history.txt'),
          });
        },
        (err) => `Could not read the history of ${label}: ${engineErrorMessage(err)}`,
      );
    },

    'image.save': () => {
      const row = selected();
      if (!row) return;
      const label = imageLabel(row);
      openPrompt(ctx, {
        title: `Save ${label} to a tar file (docker save)`,
        label: 'File',
        initial: hostPath(fileNameFor(row, '.tar')),
        note: '~ is your home folder; a relative path is under the folder dtui started in',
        validate: checkNewFilePath,
        // The archive is written beside the file and renamed over it: an overwrite (after y)
        // keeps the old file until the new one is complete.
        onSubmit: (value, signal) =>
          askOverwrite(
            hostPath(value),
            (overwrite) => {
              const path = hostPath(value);
              let bytes = 0;
              void withStatus(
                ctx,
                `Saving ${label} to ${path}…`,
                '',
                async () => {
                  bytes = await engine().saveImage(
                    row.ref,
                    path,
                    (b) => setStatus(ctx, `Saving ${label} to ${path}: ${formatSize(b)}…`, 'progress'),
                    undefined,
                    { overwrite },
                  );
                },
                (err) => `Could not save ${label} to ${path}: ${engineErrorMessage(err)} (nothing was written)`,
              ).then((ok) => {
                if (ok) setStatus(ctx, `Saved ${label} to ${path} (${formatSize(bytes)})`, 'success');
              });
              return undefined;
            },
            signal,
          ),
      });
    },

    'image.load': () => {
      openPrompt(ctx, {
        title: 'Load images from a tar file (docker load)',
        label: 'File',
        placeholder: hostPath('image.tar'),
        validate: checkExistingFile,
        onSubmit: (value) => {
          const path = hostPath(value);
          let loaded: string[] = [];
          void withStatus(
            ctx,
            `Loading ${path}…`,
            '',
            async () => {
              const result = await engine().loadImage(path, (b, total) =>
                setStatus(ctx, `Loading ${path}: ${formatSize(b)}${total ? ` of ${formatSize(total)}` : ''}…`, 'progress'),
              );
              loaded = result.loaded;
              await ctx.session.reloadImages();
            },
            (err) => `Could not load ${path}: ${engineErrorMessage(err)} — is it an archive made by docker save?`,
          ).then((ok) => {
            if (ok) setStatus(ctx, loaded.length ? loaded.join(' · ') : `Loaded ${path}`, 'success');
          });
          return undefined;
        },
      });
    },

    'image.prune': () => {
      const used = new Set(ctx.session.containers.get().rows.map((c) => c.imageId));
      const doomed = prunableDangling(ctx.session.images.get().rows, used);
      if (doomed.length === 0) return setStatus(ctx, 'No dangling images to prune (untagged and unused by any container)', 'info');
      const total = doomed.reduce((n, r) => n + r.size, 0);
      const shown = doomed
        .slice(0, 8)
        .map((r) => `${r.shortId}  ${formatSize(r.size).padStart(8)}  created ${whenText(r.created, Date.now(), ctx.config.settings.dateFormat, 'long')}`);
      if (doomed.length > shown.length) shown.push(`… and ${doomed.length - shown.length} more`);
      const ids = new Set(doomed.map((r) => r.id));
      openDialog(ctx, undefined, {
        title: `Prune ${doomed.length} dangling image(s)? ${yesNo()}`,
        lines: [...shown, `Frees up to ${formatSize(total)} (layers shared with other images stay).`],
        danger: true,
        onConfirm: () => {
          let summary = '';
          void withStatus(
            ctx,
            `Pruning dangling images…`,
            '',
            async () => {
              const result = await engine().prune('images');
              await ctx.session.reloadImages();
              const gone = result.deleted.filter((id) => ids.has(id)).length;
              summary = `Pruned ${gone} dangling image(s), reclaimed ${formatSize(result.reclaimed)}`;
            },
            (err) => `Could not prune images: ${engineErrorMessage(err)}`,
          ).then((ok) => {
            if (ok) setStatus(ctx, summary, 'success');
          });
        },
      });
    },
  };
}
