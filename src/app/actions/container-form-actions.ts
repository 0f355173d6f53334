// Forms that act on the selected container: commit (c) and copy files (C).
import { COPY_DIRECTIONS, CopyError, type CopyDirection } from '../../engine/api/archive.js';
import { engineErrorMessage } from '../../engine/errors.js';
import { formatSize } from '../../engine/models/format.js';
import { hostPath } from '../../engine/models/host-path.js';
import { parseReference, validatePath, validateTagTarget } from '../../engine/models/validate.js';
import type { AppContextValue } from '../app-context.js';
import { openForm } from '../forms.js';
import { selectedContainer } from '../selectors.js';
import { setStatus } from '../status.js';

/** "team/app:1.0" → repo "team/app", tag "1.0" (the engine defaults a missing tag to latest). */
export function splitRepoTag(input: string): { repo: string; tag?: string } {
  const ref = parseReference(input.trim());
  if (typeof ref === 'string') throw new Error(ref);
  return { repo: ref.domain ? `${ref.domain}/${ref.path}` : ref.path, tag: ref.tag };
}

/** The cp form's example paths: container → host, or host → container. */
export function copyExample(toHost: boolean, cwd = process.cwd()): { from: string; to: string } {
  const host = hostPath('hostname', { cwd });
  return toHost ? { from: '/etc/hostname', to: host } : { from: host, to: '/tmp/hostname' };
}

export function containerForms(ctx: AppContextValue) {
  const selected = () => {
    const row = selectedContainer(ctx.session, ctx.ui.get());
    if (!row) setStatus(ctx, 'No container selected', 'error');
    return row;
  };
  return {
    'container.commit': () => {
      const row = selected();
      if (!row) return;
      openForm(ctx, {
        title: `Commit ${row.name} to a new image`,
        target: row.id,
        note: 'docker commit -m MESSAGE --author AUTHOR',
        fields: [
          { name: 'target', label: 'Repository:tag', kind: 'text', placeholder: 'myapp:snapshot', validate: (v) => validateTagTarget(String(v)) },
          { name: 'message', label: 'Message', kind: 'text' },
          { name: 'author', label: 'Author', kind: 'text', placeholder: 'Name <email>' },
          { name: 'pause', label: 'Pause while committing', kind: 'toggle', initial: true },
        ],
        onSubmit: async (v) => {
          const { repo, tag } = splitRepoTag(String(v.target));
          setStatus(ctx, `Committing ${row.name} to ${repo}:${tag ?? 'latest'}…`, 'progress');
          try {
            const id = await ctx.session.engine.commit(row.id, {
              repo,
              tag,
              comment: String(v.message),
              author: String(v.author),
              pause: Boolean(v.pause),
            });
            setStatus(ctx, `Committed ${row.name} as ${repo}:${tag ?? 'latest'} (${id.replace(/^sha256:/, '').slice(0, 12)})`, 'success');
            return undefined;
          } catch (err) {
            setStatus(ctx, `Could not commit ${row.name}`, 'error');
            return engineErrorMessage(err);
          }
        },
      });
    },
    'container.copy': () => {
      const row = selected();
      if (!row) return;
      openForm(ctx, {
        title: `Copy files: ${row.name} ⇄ this machine`,
        note: 'Like docker cp: into an existing directory, or as the named path',
        fields: [
          { name: 'direction', label: 'Direction', kind: 'choice', choices: COPY_DIRECTIONS },
          // The examples follow the direction: the container path on the container's side.
          {
            name: 'source',
            label: 'From',
            kind: 'text',
            placeholderFor: (v) => copyExample(v.direction === COPY_DIRECTIONS[0]).from,
            validate: (v) => validatePath(String(v)),
          },
          {
            name: 'dest',
            label: 'To',
            kind: 'text',
            placeholderFor: (v) => copyExample(v.direction === COPY_DIRECTIONS[0]).to,
            validate: (v) => validatePath(String(v)),
          },
        ],
        onSubmit: async (v, signal) => {
          const direction = v.direction as CopyDirection;
          const toHost = direction === COPY_DIRECTIONS[0];
          // The host side reads like a shell path: ~ is home, relative is under dtui's folder.
          const src = toHost ? String(v.source) : hostPath(String(v.source));
          const dest = toHost ? hostPath(String(v.dest)) : String(v.dest);
          const inContainer = toHost ? src : dest;
          if (!inContainer.startsWith('/')) return `${inContainer}: the container path must be absolute`;
          let last = 0;
          const progress = (bytes: number) => {
            // Throttled: a large copy must not redraw the screen for every chunk.
            const now = Date.now();
            if (now - last < 100) return;
            last = now;
            setStatus(ctx, `Copying ${src} → ${dest}: ${formatSize(bytes)}…`, 'progress');
          };
          setStatus(ctx, `Copying ${src} → ${dest}…`, 'progress');
          try {
            const engine = ctx.session.engine;
            const { bytes, note } = toHost
              ? await engine.copyFromContainer(row.id, src, dest, progress, signal)
              : await engine.copyToContainer(row.id, src, dest, progress, signal);
            setStatus(ctx, `Copied ${src} → ${dest} (${formatSize(bytes)} archive${note ? `; ${note}` : ''})`, note ? 'info' : 'success');
            return undefined;
          } catch (err) {
            if (signal.aborted) {
              // Esc: the partial copy was removed (host side) or never extracted (engine side).
              setStatus(ctx, `Copy of ${src} cancelled; nothing was copied`, 'error');
              return 'Copy cancelled; nothing was copied';
            }
            setStatus(ctx, `Could not copy ${src}`, 'error');
            if (err instanceof CopyError) return err.message;
            const code = (err as NodeJS.ErrnoException).code;
            if (code === 'EACCES') return `${toHost ? dest : src}: permission denied`;
            if (code === 'ENOENT') return `${toHost ? dest : src}: no such file or directory`;
            return engineErrorMessage(err);
          }
        },
      });
    },
  };
}
