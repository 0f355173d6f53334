// What the image keys do: d removes one repo:tag (or a dangling image) after asking.
import { engineErrorMessage, engineStatusCode } from '../../docker/errors.js';
import { formatSize } from '../../docker/format.js';
import type { ImageRow } from '../../docker/types.js';
import type { AppContextValue } from './app-context.js';
import { selectedImage } from './selectors.js';
import { setStatus, withStatus } from './status.js';

export function imageLabel(row: ImageRow): string {
  return row.dangling ? `<none>:<none> ${row.shortId}` : `${row.repository}:${row.tag}`;
}

export function imageActions(ctx: AppContextValue): Record<string, () => void> {
  return {
    'image.remove': () => {
      const row = selectedImage(ctx.session, ctx.ui.get());
      if (!row) return setStatus(ctx, 'No image selected', 'error');
      const label = imageLabel(row);
      const others = ctx.session.images.get().rows.filter((r) => r.id === row.id && r.key !== row.key).length;
      // The engine's image list reports its container count as -1 (unknown) unless asked
      // for costly sizes, so count the users from the containers list we already hold.
      const users = ctx.session.containers.get().rows.filter((c) => c.imageId === row.id);
      ctx.ui.update((s) => ({
        ...s,
        dialog: {
          title: `Remove image ${label}? y/N`,
          lines: [
            `${label} · id ${row.shortId} · ${formatSize(row.size)}`,
            others > 0
              ? `The image has ${others} other tag(s): only this tag is removed.`
              : users.length > 0
                ? `Used by ${users.length} container(s) (${users.slice(0, 3).map((c) => c.name).join(', ')}): the engine will refuse while they exist.`
                : 'No other tag refers to it: its layers are deleted.',
          ],
          danger: true,
          onConfirm: () =>
            void withStatus(
              ctx,
              `Removing image ${label}…`,
              `Removed image ${label}`,
              () => ctx.session.removeImage(row),
              (err) =>
                engineStatusCode(err) === 409
                  ? `Cannot remove ${label}: it is in use — nothing was removed (${engineErrorMessage(err)})`
                  : `Could not remove ${label}: ${engineErrorMessage(err)}`,
            ),
        },
      }));
    },
  };
}
