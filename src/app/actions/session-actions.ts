// The container keys that open a terminal session: e (a shell), E (a command), a (attach).
import type { ContainerRow } from '../../engine/models/types.js';
import { engineErrorMessage } from '../../engine/errors.js';
import type { TerminalSession } from '../../engine/api/terminal-session.js';
import { splitShellWords } from '../../text/shell-words.js';
import { execViaCli } from '../../cli/exec-via-cli.js';
import type { AppContextValue } from '../app-context.js';
import { openPrompt } from '../forms.js';
import { selectedContainer } from '../selectors.js';
import { setStatus } from '../status.js';
import { keyLabel } from '../../keys/labels.js';
import { handOverSession, openSession, terminalSize } from '../open-session.js';

function commandLabel(cmd: readonly string[]): string {
  const text = cmd.join(' ');
  return text.length > 40 ? `${text.slice(0, 39)}…` : text;
}

export function sessionActions(ctx: AppContextValue) {
  // No check of the listed state: the list may be a moment old, and the engine's answer
  // (409 not running / paused) is the one that counts.
  const running = (): ContainerRow | undefined => {
    const row = selectedContainer(ctx.session, ctx.ui.get());
    if (!row) setStatus(ctx, 'No container selected', 'error');
    return row;
  };

  const startExec = (row: ContainerRow, cmd: readonly string[]): Promise<TerminalSession> =>
    ctx.execViaCli ? execViaCli(row.id, cmd, terminalSize(ctx), ctx.execViaCli) : ctx.session.engine.exec(row.id, cmd, terminalSize(ctx));

  const request = (row: ContainerRow, cmd: readonly string[]) => ({
    label: `exec ${commandLabel(cmd)} in ${row.name}`,
    banner: `dtui: ${commandLabel(cmd)} in ${row.name} — exit or Ctrl+D returns to dtui; Ctrl+P Ctrl+Q detaches (it keeps running)`,
    // The Engine API has no way back into an exec: say where it can still be seen.
    detached: `${commandLabel(cmd)} keeps running (an exec cannot be re-attached: ${keyLabel('container.top')} in Containers lists it)`,
  });

  return {
    'container.exec': () => {
      const row = running();
      if (!row) return;
      setStatus(ctx, `Opening a shell in ${row.name}…`, 'progress');
      ctx.session.engine.shellFor(row.id).then(
        (shell) => openSession(ctx, request(row, [shell]), () => startExec(row, [shell])),
        (err) => setStatus(ctx, `Cannot exec in ${row.name}: ${engineErrorMessage(err)}`, 'error'),
      );
    },
    'container.execCommand': () => {
      const row = running();
      if (!row) return;
      openPrompt(ctx, {
        title: `Exec in ${row.name}`,
        label: 'Command',
        placeholder: "top, or sh -c 'echo $HOSTNAME'",
        validate: (v) => {
          const words = splitShellWords(v);
          if (!Array.isArray(words)) return words.error;
          return words.length === 0 ? 'enter a command' : undefined;
        },
        onSubmit: async (value) => {
          const cmd = splitShellWords(value) as string[];
          let session: TerminalSession;
          try {
            session = await startExec(row, cmd);
          } catch (err) {
            return engineErrorMessage(err);
          }
          // After the form has closed, so the UI that comes back has no form open.
          // The output stays on screen with the exit code until a key: `ls /` is read, not flashed.
          setImmediate(() => void handOverSession(ctx, session, { ...request(row, cmd), hold: true }));
          return undefined;
        },
      });
    },
    'container.attach': () => {
      const row = running();
      if (!row) return;
      void openSession(
        ctx,
        { label: `attach to ${row.name}`, banner: `dtui: attached to ${row.name} — Ctrl+P Ctrl+Q detaches (the container keeps running)` },
        async () => (await ctx.session.engine.attach(row.id, terminalSize(ctx))).session,
      );
    },
  };
}
