// Images pane: n / Enter opens a `docker run` form for the selected image. With -it (and
// not -d) the new container's session takes the terminal at once; bad input and engine
// refusals (409 name in use) keep the form open with the message.
import { engineErrorMessage, engineStatusCode } from '../../engine/errors.js';
import {
  createBody,
  validateCommand,
  validateEnvList,
  validatePortList,
  validateRunImage,
  validateVolumeList,
  type RunOptions,
} from '../../engine/models/run-spec.js';
import type { TerminalSession } from '../../engine/api/terminal-session.js';
import { RESTART_POLICIES, validateContainerName } from '../../engine/models/validate.js';
import type { FieldSpec, FieldValue } from '../../ui/form/form-state.js';
import type { AppContextValue } from '../app-context.js';
import { openForm } from '../forms.js';
import { imageLabel } from './image-actions.js';
import { selectedImage } from '../selectors.js';
import { setStatus } from '../status.js';
import { handOverSession, terminalSize } from '../open-session.js';

const text = (v: FieldValue | undefined) => String(v ?? '');

export function runFields(image: string): FieldSpec[] {
  return [
    { name: 'image', label: 'Image', kind: 'text', initial: image, validate: (v) => validateRunImage(text(v)) },
    { name: 'name', label: 'Name', kind: 'text', placeholder: 'empty: the engine picks one', validate: (v) => validateContainerName(text(v).trim()) },
    { name: 'command', label: 'Command', kind: 'text', placeholder: "empty: the image's; or sh -c '…'", validate: (v) => validateCommand(text(v)) },
    { name: 'interactive', label: 'Interactive + TTY (-it)', kind: 'toggle', initial: true },
    { name: 'autoRemove', label: 'Remove when it exits (--rm)', kind: 'toggle', initial: true },
    { name: 'detached', label: 'Detached (-d)', kind: 'toggle', initial: false },
    {
      name: 'env',
      label: 'Env',
      kind: 'text',
      placeholder: `A=1 "B=hello world" C='x,y'`,
      validate: (v) => validateEnvList(text(v)),
      hint: `KEY=value entries, separated by spaces or commas; quote one that holds either: "B=hello world" C='x,y'`,
    },
    {
      name: 'ports',
      label: 'Ports',
      kind: 'text',
      placeholder: '8080:80, 127.0.0.1:5432:5432',
      validate: (v) => validatePortList(text(v)),
      hint: 'HOST:CONTAINER[/udp], IP:HOST:CONTAINER, ranges 8080-8081:80-81, 0:80 or :80 for any host port',
    },
    {
      name: 'volumes',
      label: 'Volumes',
      kind: 'text',
      placeholder: 'data:/var/lib/data, /host/dir:/dir:ro, /cache',
      validate: (v) => validateVolumeList(text(v)),
      hint: 'NAME:/path, /host/path:/path[:ro] or /path (an anonymous volume); quote a path with spaces',
    },
    { name: 'restart', label: 'Restart', kind: 'choice', choices: RESTART_POLICIES, initial: 'no' },
  ];
}

export function runOptions(values: Record<string, FieldValue>): RunOptions {
  return {
    image: text(values.image),
    name: text(values.name),
    command: text(values.command),
    interactive: values.interactive === true,
    autoRemove: values.autoRemove === true,
    detached: values.detached === true,
    env: text(values.env),
    ports: text(values.ports),
    volumes: text(values.volumes),
    restart: text(values.restart) || 'no',
  };
}

async function engineName(ctx: AppContextValue, id: string): Promise<string | undefined> {
  try {
    const answer = (await ctx.session.engine.inspectContainer(id)) as { Name?: unknown } | undefined;
    return typeof answer?.Name === 'string' && answer.Name ? answer.Name.replace(/^\//, '') : undefined;
  } catch {
    return undefined;
  }
}

export function runActions(ctx: AppContextValue) {
  const submit = async (values: Record<string, FieldValue>): Promise<string | undefined> => {
    const opts = runOptions(values);
    const body = createBody(opts);
    if ('error' in body) return body.error;
    if (!ctx.session.isConnected()) return 'the engine is unreachable (retrying): nothing was created';
    const engine = ctx.session.engine;
    let id: string;
    try {
      id = await engine.createContainer(body);
    } catch (err) {
      const code = engineStatusCode(err);
      if (code === 404) return `no such image ${opts.image} on this engine (pull it first): ${engineErrorMessage(err)}`;
      if (code === 409) return `the name is in use: ${engineErrorMessage(err)}`;
      return engineErrorMessage(err);
    }
    // The status names the container as the list does: by the name the engine gave it.
    const name = body.name ?? (await engineName(ctx, id)) ?? id.slice(0, 12);
    if (opts.detached) {
      try {
        await engine.containerAction(id, 'start');
      } catch (err) {
        return `created ${name} but could not start it: ${engineErrorMessage(err)}`;
      }
      setStatus(ctx, `Started ${name} (detached)`, 'success');
      return undefined;
    }
    // Attached (with or without -it): attach first, then start, so no output is lost.
    let session: TerminalSession;
    try {
      session = (await engine.attach(id, { ...terminalSize(ctx), startAfterAttach: true })).session;
    } catch (err) {
      return `created ${name} but could not start it: ${engineErrorMessage(err)}`;
    }
    const label = opts.interactive ? `run ${opts.image} as ${name}` : `run ${opts.image} as ${name} (output)`;
    const banner = `dtui: ${name} (${opts.image}) — Ctrl+P Ctrl+Q detaches${opts.interactive ? ', exit ends it' : ''}`;
    setImmediate(() => void handOverSession(ctx, session, { label, banner }));
    return undefined;
  };

  return {
    'image.run': () => {
      const row = selectedImage(ctx.session, ctx.ui.get());
      const image = row && !row.dangling ? imageLabel(row) : (row?.id ?? '');
      openForm(ctx, { title: `Run a container${image ? ` from ${image}` : ''}`, fields: runFields(image), onSubmit: submit });
    },
  };
}
