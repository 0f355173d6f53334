// The container keys that open a terminal session: e (a shell), E (a command), a (attach).
import type { ContainerRow } from '../../engine/models/types.js';
import { engineErrorMessage } from '../../engine/errors.js';
import type { TerminalSession } from '../../engine/api/terminal-session.js';
import { splitShellWords } from '../../text/shell-words.js';
import { execViaCli } from '../../cli/exec-via-cli.js';
import { contextCliTarget, type CliTarget } from '../../cli/exec-via-cli-target.js';
import type { EngineApi } from '../../engine/api/engine-api.js';
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

/** The engine an exec goes to: its API, and with --exec-via-cli how the docker CLI reaches it. */
export interface ExecEngine {
  api: Pick<EngineApi, 'exec' | 'shellFor'>;
  cli?: CliTarget;
  /** Its name, said in the status lines when it is not the app's engine (a fleet row's). */
  name?: string;
  reachable?: () => boolean;
}

/**
 * --exec-via-cli's target for an engine of the Engines view: the one dtui started on keeps
 * the command line's connection; another is a docker context, reached by its name.
 */
export function cliTargetFor(ctx: AppContextValue, engineId: string): CliTarget | undefined {
  if (!ctx.execViaCli || engineId === ctx.engines.startId) return ctx.execViaCli;
  return contextCliTarget(engineId, ctx.execViaCli.env);
}

function execIn(ctx: AppContextValue, on: ExecEngine, row: ContainerRow, cmd: readonly string[]): Promise<TerminalSession> {
  return on.cli ? execViaCli(row.id, cmd, terminalSize(ctx), on.cli) : on.api.exec(row.id, cmd, terminalSize(ctx));
}

function execRequest(row: ContainerRow, cmd: readonly string[], on?: ExecEngine) {
  const where = on?.name ? `${row.name} on ${on.name}` : row.name;
  return {
    label: `exec ${commandLabel(cmd)} in ${where}`,
    banner: `dtui: ${commandLabel(cmd)} in ${where} — exit or Ctrl+D returns to dtui; Ctrl+P Ctrl+Q detaches (it keeps running)`,
    // The Engine API has no way back into an exec: say where it can still be seen.
    detached: `${commandLabel(cmd)} keeps running (an exec cannot be re-attached: ${keyLabel('container.top')} in Containers lists it)`,
    reachable: on?.reachable,
  };
}

/** e: a shell (bash if the container has one, else sh) in `row` on the engine `on`. */
export function openShell(ctx: AppContextValue, on: ExecEngine, row: ContainerRow): void {
  const where = on.name ? `${row.name} on ${on.name}` : row.name;
  setStatus(ctx, `Opening a shell in ${where}…`, 'progress');
  on.api.shellFor(row.id).then(
    (shell) => openSession(ctx, execRequest(row, [shell], on), () => execIn(ctx, on, row, [shell])),
    (err) => setStatus(ctx, `Cannot exec in ${where}: ${engineErrorMessage(err)}`, 'error'),
  );
}

export function sessionActions(ctx: AppContextValue) {
  // No check of the listed state: the list may be a moment old, and the engine's answer
  // (409 not running / paused) is the one that counts.
  const running = (): ContainerRow | undefined => {
    const row = selectedContainer(ctx.session, ctx.ui.get());
    if (!row) setStatus(ctx, 'No container selected', 'error');
    return row;
  };

  const here = (): ExecEngine => ({ api: ctx.session.engine, cli: cliTargetFor(ctx, ctx.engines.currentId) });
  const startExec = (row: ContainerRow, cmd: readonly string[]): Promise<TerminalSession> => execIn(ctx, here(), row, cmd);

  return {
    'container.exec': () => {
      const row = running();
      if (row) openShell(ctx, here(), row);
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
          setImmediate(() => void handOverSession(ctx, session, { ...execRequest(row, cmd), hold: true }));
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
