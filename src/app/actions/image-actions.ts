// What the image keys do: d removes one repo:tag (or a dangling image) after asking; with
// marked images (Space), every marked one after one confirmation.
import { engineErrorMessage, engineStatusCode, removeFailure } from '../../engine/errors.js';
import { formatSize } from '../../engine/models/format.js';
import type { ImageRow } from '../../engine/models/types.js';
import type { AppContextValue } from '../app-context.js';
import { openDialog } from '../dialogs.js';
import { selectedImage } from '../selectors.js';
import { setStatus, withStatus } from '../status.js';
import { keyLabel, yesNo } from '../../keys/labels.js';
import { removeMarked, toggleMark } from './marks.js';

export function imageLabel(row: ImageRow): string {
  return row.dangling ? `<none>:<none> ${row.shortId}` : `${row.repository}:${row.tag}`;
}

function forceRemoval(ctx: AppContextValue, row: ImageRow, label: string, others: number, users: number) {
  const what = `image ${row.shortId}`;
  return {
    line: `${keyLabel('dialog.force')} force: removes ${what} with all ${others + 1} tag(s)${users ? `, though ${users} container(s) use it (running ones still block it)` : ''}.`,
    run: () =>
      void withStatus(
        ctx,
        `Force-removing ${what} (${label})…`,
        `Force-removed ${what} (${label})`,
        () => ctx.session.removeImage(row, { force: true }),
        (err) => `Could not force-remove ${what}: ${engineErrorMessage(err)}`,
      ),
  };
}

export function imageActions(ctx: AppContextValue) {
  return {
    'image.mark': () => toggleMark(ctx, 'images', 'image'),
    'image.remove': () => {
      const containers = ctx.session.containers.get().rows;
      const usersOf = (row: ImageRow) => containers.filter((c) => c.imageId === row.id).length;
      const marked = removeMarked(ctx, {
        kind: 'images',
        noun: 'image',
        label: imageLabel,
        detail: (row) => `id ${row.shortId} · ${formatSize(row.size)}`,
        // Another tag of the image: only this tag goes, used or not. The last tag of an image
        // containers use is refused by the engine (f forces, one image at a time): left alone.
        skip: (row) => {
          const others = ctx.session.images.get().rows.some((r) => r.id === row.id && r.key !== row.key);
          return !others && usersOf(row) > 0 ? `used by ${usersOf(row)} container(s)` : undefined;
        },
        note: 'A tag shared with other tags removes only that tag; otherwise the layers are deleted.',
        remove: (session, row) => session.engine.removeImage(row.ref, {}),
        after: (session) => session.reloadImages(),
      });
      if (marked) return;
      const row = selectedImage(ctx.session, ctx.ui.get());
      if (!row) return setStatus(ctx, 'No image selected', 'error');
      const label = imageLabel(row);
      const others = ctx.session.images.get().rows.filter((r) => r.id === row.id && r.key !== row.key).length;
      // The engine's image list reports its container count as -1 (unknown) unless asked
      // for costly sizes, so count the users from the containers list we already hold.
      const users = ctx.session.containers.get().rows.filter((c) => c.imageId === row.id);
      const inUse = users.length > 0 || row.containers > 0;
      // f force: the whole image by id (every tag), even if stopped containers use it.
      const force = others > 0 || inUse ? forceRemoval(ctx, row, label, others, users.length) : undefined;
      openDialog(ctx, row.ref, {
        title: `Remove image ${label}? ${yesNo()}`,
        lines: [
          `${label} · id ${row.shortId} · ${formatSize(row.size)}`,
          others > 0
            ? `The image has ${others} other tag(s): ${keyLabel('dialog.yes')} removes only this tag.`
            : inUse
              ? `Used by ${users.length} container(s) (${users
                  .slice(0, 3)
                  .map((c) => c.name)
                  .join(', ')}): ${keyLabel('dialog.yes')} is refused while they exist.`
              : 'No other tag refers to it: its layers are deleted.',
          ...(force ? [force.line] : []),
        ],
        danger: true,
        onForce: force?.run,
        footer: force
          ? `${keyLabel('dialog.yes')} remove · ${keyLabel('dialog.force')} force remove · ${keyLabel('dialog.no')}/${keyLabel('back')} cancel (default No)`
          : undefined,
        onConfirm: () =>
          void withStatus(
            ctx,
            `Removing image ${label}…`,
            `Removed image ${label}`,
            () => ctx.session.removeImage(row),
            (err) =>
              engineStatusCode(err) === 409
                ? `Cannot remove ${label}: it is in use — nothing was removed (${engineErrorMessage(err)})`
                : removeFailure(label, err),
          ),
      });
    },
  };
}
