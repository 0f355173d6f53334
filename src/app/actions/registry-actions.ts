// What the registry keys do in the Images pane: p pull, P push, t tag, F search, and the
// keys of the progress view and the search results drawn over the screen.
import { engineErrorMessage } from '../../engine/errors.js';
import { registryOf } from '../../engine/registry/credentials.js';
import { validateReference, validateTagTarget } from '../../engine/models/validate.js';
import type { AppContextValue } from '../app-context.js';
import { openDialog } from '../dialogs.js';
import { openPrompt } from '../forms.js';
import { imageLabel } from './image-actions.js';
import { searchActions } from './search-actions.js';
import { selectedImage } from '../selectors.js';
import { setStatus } from '../status.js';
import { beginTransfer } from '../transfer-flow.js';
import { keyLabel, yesNo } from '../../keys/labels.js';

export function registryActions(ctx: AppContextValue) {
  return {
    ...searchActions(ctx),
    'image.pull': () =>
      openPrompt(ctx, {
        title: 'Pull image',
        label: 'Reference',
        placeholder: 'busybox:latest or 127.0.0.1:5000/team/app:1.0',
        validate: validateReference,
        onSubmit: (ref) => {
          void beginTransfer(ctx, 'pull', ref.trim());
          return undefined;
        },
      }),

    'image.push': () => {
      const row = selectedImage(ctx.session, ctx.ui.get());
      if (!row) return setStatus(ctx, 'No image selected', 'error');
      if (row.dangling) return setStatus(ctx, `Cannot push ${imageLabel(row)}: it has no name — tag it first (${keyLabel('image.tag')})`, 'error');
      const label = imageLabel(row);
      // A push overwrites the tag in the registry for everyone who pulls it: ask first.
      openDialog(ctx, row.ref, {
        title: `Push ${label}? ${yesNo()}`,
        lines: [`to ${registryOf(row.ref)} — replaces the tag "${row.tag}" there if it exists.`],
        danger: true,
        onConfirm: () => void beginTransfer(ctx, 'push', row.ref),
      });
    },

    'image.tag': () => {
      const row = selectedImage(ctx.session, ctx.ui.get());
      if (!row) return setStatus(ctx, 'No image selected', 'error');
      const label = imageLabel(row);
      openPrompt(ctx, {
        title: `Tag ${label}`,
        label: 'New name',
        initial: row.dangling ? '' : `${row.repository}:`,
        placeholder: '127.0.0.1:5000/team/app:1.0',
        validate: validateTagTarget,
        onSubmit: async (target) => {
          try {
            await ctx.session.engine.tagImage(row.id, target.trim());
          } catch (err) {
            return `The engine refused: ${engineErrorMessage(err)}`;
          }
          setStatus(ctx, `Tagged ${label} as ${target.trim()}`, 'success');
          return undefined;
        },
      });
    },

    'transfer.cancel': () => {
      const transfer = ctx.ui.get().transfer;
      transfer?.cancel();
      ctx.ui.update((s) => ({ ...s, transfer: undefined }));
    },

    'transfer.close': () => {
      const transfer = ctx.ui.get().transfer;
      if (transfer && transfer.state.phase !== 'running') ctx.ui.update((s) => ({ ...s, transfer: undefined }));
    },
  };
}
