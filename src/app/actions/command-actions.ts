// Custom commands (config `commands:`): the key runs the command's argv, filled from the
// selected row, locally in a pty (dtui suspended, as for exec), inside the container
// through the Engine API, or in the background with its output shown in a text view.
import { execFile } from 'node:child_process';
import type { CustomCommand } from '../../config/sections/commands.js';
import { COMMAND_ID_PREFIX } from '../../config/keymap.js';
import { engineErrorMessage } from '../../engine/errors.js';
import { spawnLocal } from '../../cli/local-pty.js';
import { yesNo } from '../../keys/labels.js';
import { commandTargetOf } from '../../resources/queries.js';
import type { AppContextValue } from '../app-context.js';
import { ExpandError, expandCommand, shellQuote, usesPlaceholder, type PlaceholderValues } from '../commands/expand.js';
import { openDialog } from '../dialogs.js';
import { openSession, terminalSize } from '../open-session.js';
import { openOverlay } from '../overlay.js';
import { selectedRow } from '../selectors.js';
import { setStatus } from '../status.js';

/** Output kept from a background command (the text view holds it in memory). */
const BACKGROUND_MAX_BYTES = 8 * 1024 * 1024;

type Selected = { key: string; label: string; values: Record<string, string> };

/**
 * The row as a command sees it, from its kind's query spec (`commands`): its key, its name
 * and the values of the placeholders the command uses (only those: Project costs an inspect).
 */
async function rowValues(ctx: AppContextValue, command: CustomCommand, row: unknown): Promise<Selected> {
  // The config accepts only scopes whose kind has `commands` (COMMAND_SCOPES).
  const spec = commandTargetOf(command.scope)!;
  const used = Object.entries(spec.placeholders).filter(([name]) => usesPlaceholder(command, name));
  const values = await Promise.all(used.map(async ([name, value]): Promise<[string, string]> => [name, await value(row, ctx.session.engine)]));
  return { ...spec.target(row), values: Object.fromEntries(values) };
}

/** How argv reads in a confirm dialog: words quoted only where needed. */
function showArgv(argv: readonly string[]): string {
  return argv.map((a) => (/^[\w@%+=:,./-]+$/.test(a) ? a : shellQuote(a))).join(' ');
}

function runBackground(ctx: AppContextValue, command: CustomCommand, argv: string[], target: string): void {
  setStatus(ctx, `Running ${command.name} on ${target}…`, 'progress');
  execFile(argv[0]!, argv.slice(1), { maxBuffer: BACKGROUND_MAX_BYTES, encoding: 'utf8' }, (err, stdout, stderr) => {
    const code = err ? ((err as NodeJS.ErrnoException & { code?: unknown }).code ?? 'error') : 0;
    const failedToStart = err && typeof code === 'string';
    if (failedToStart) return setStatus(ctx, `${command.name}: cannot run ${argv[0]}: ${err.message}`, 'error');
    const lines = `${stdout}${stderr}`.replace(/\n$/, '').split('\n');
    openOverlay(ctx, { title: `${command.name} · ${target} · exit ${String(code)}`, lines, exportLines: lines, exportName: `${command.name}.txt` });
    setStatus(ctx, `${command.name} exited with code ${String(code)}`, code === 0 ? 'success' : 'info');
  });
}

export function commandActions(ctx: AppContextValue): Map<string, () => void> {
  const start = (command: CustomCommand, argv: string[], selected: Selected): void => {
    switch (command.run) {
      case 'local':
        void openSession(ctx, { label: command.name, banner: `dtui: ${command.name} on ${selected.label} — dtui returns when it ends` }, () =>
          spawnLocal(argv, terminalSize(ctx)),
        );
        return;
      case 'exec':
        void openSession(
          ctx,
          { label: `${command.name} in ${selected.label}`, banner: `dtui: ${command.name} in ${selected.label} — exit or Ctrl+D returns` },
          () => ctx.session.engine.exec(selected.key, argv, terminalSize(ctx)),
        );
        return;
      case 'background':
        return runBackground(ctx, command, argv, selected.label);
    }
  };

  const run = async (command: CustomCommand): Promise<void> => {
    const row = selectedRow(ctx.session, ctx.ui.get(), command.scope);
    if (!row) return setStatus(ctx, `${command.name}: nothing selected`, 'error');
    const selected = await rowValues(ctx, command, row);
    const endpoint = ctx.session.engine.endpoint;
    const values: PlaceholderValues = { ...selected.values, 'Engine.Host': endpoint.url, 'Engine.Context': endpoint.context ?? '' };
    let argv: string[];
    try {
      argv = expandCommand(command, values);
    } catch (err) {
      if (err instanceof ExpandError) return setStatus(ctx, `${command.name} refused: ${err.message}`, 'error');
      throw err;
    }
    if (!command.confirm) return start(command, argv, selected);
    openDialog(ctx, selected.key, {
      title: `Run ${command.name} on ${selected.label}? ${yesNo()}`,
      lines: [`${command.run === 'exec' ? `in ${selected.label}: ` : command.run === 'background' ? 'in the background: ' : ''}${showArgv(argv)}`],
      danger: command.dangerous,
      onConfirm: () => start(command, argv, selected),
    });
  };

  return new Map(
    ctx.config.commands.map((command): [string, () => void] => [
      `${COMMAND_ID_PREFIX}${command.name}`,
      () => void run(command).catch((err: unknown) => setStatus(ctx, `${command.name}: ${engineErrorMessage(err)}`, 'error')),
    ]),
  );
}
