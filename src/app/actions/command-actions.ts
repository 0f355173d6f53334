// Custom commands (config `commands:`): the key runs the command's argv, filled from the
// selected row, locally in a pty (dtui suspended, as for exec), inside the container
// through the Engine API, or in the background with its output shown in a text view.
// With marked rows (Space) it asks once, listing them, and runs once per marked row.
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
import { openSession, openSessionsInTurn, terminalSize, type SessionStep } from '../open-session.js';
import { openOverlay } from '../overlay.js';
import { markedRows, selectedRow } from '../selectors.js';
import { setStatus } from '../status.js';
import { withList } from '../ui-state.js';
import type { EngineSession } from '../../state/session.js';

/** Output kept from a background command (the text view holds it in memory). */
const BACKGROUND_MAX_BYTES = 8 * 1024 * 1024;

type Selected = { key: string; label: string; values: Record<string, string> };
/** One row a command runs on, with its argv filled. */
type Target = { selected: Selected; argv: string[] };

/** Lines of rows a confirmation lists before "… and N more" (it must fit a 24-line terminal). */
const MAX_LINES = 12;
/** 'containers' → 'container': every kind's id is its plural noun. */
const singular = (scope: CustomCommand['scope']): string => scope.replace(/s$/, '');

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

/** How a background run ended: its exit code (or 'error'), its output lines, or why it did not start. */
type BackgroundEnd = { code: number | string; lines: string[] } | { failed: string };

function runInBackground(argv: readonly string[]): Promise<BackgroundEnd> {
  return new Promise((resolve) => {
    execFile(argv[0]!, argv.slice(1), { maxBuffer: BACKGROUND_MAX_BYTES, encoding: 'utf8' }, (err, stdout, stderr) => {
      const code = err ? ((err as NodeJS.ErrnoException & { code?: unknown }).code ?? 'error') : 0;
      const failedToStart = err && typeof code === 'string';
      if (failedToStart) return resolve({ failed: `cannot run ${argv[0]}: ${err.message}` });
      resolve({ code: code as number | string, lines: `${stdout}${stderr}`.replace(/\n$/, '').split('\n') });
    });
  });
}

function runBackground(ctx: AppContextValue, command: CustomCommand, argv: string[], target: string): void {
  setStatus(ctx, `Running ${command.name} on ${target}…`, 'progress');
  void runInBackground(argv).then((end) => {
    if ('failed' in end) return setStatus(ctx, `${command.name}: ${end.failed}`, 'error');
    const { code, lines } = end;
    openOverlay(ctx, { title: `${command.name} · ${target} · exit ${String(code)}`, lines, exportLines: lines, exportName: `${command.name}.txt` });
    setStatus(ctx, `${command.name} exited with code ${String(code)}`, code === 0 ? 'success' : 'info');
  });
}

/** Marked rows: one after another, every output in one text view under a line naming its row. */
async function runBackgroundEach(ctx: AppContextValue, command: CustomCommand, targets: readonly Target[]): Promise<void> {
  const lines: string[] = [];
  let bad = 0;
  for (const [i, { selected, argv }] of targets.entries()) {
    setStatus(ctx, `Running ${command.name} on ${selected.label} (${i + 1} of ${targets.length})…`, 'progress');
    const end = await runInBackground(argv);
    if ('failed' in end || end.code !== 0) bad++;
    lines.push(`── ${selected.label} · ${'failed' in end ? end.failed : `exit ${String(end.code)}`}`, ...('failed' in end ? [] : end.lines));
  }
  openOverlay(ctx, { title: `${command.name} · ${targets.length} marked`, lines, exportLines: lines, exportName: `${command.name}.txt` });
  setStatus(
    ctx,
    `${command.name} ran on ${targets.length}: ${bad === 0 ? 'every one exited with code 0' : `${bad} did not exit with code 0`}`,
    bad === 0 ? 'success' : 'info',
  );
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

  /** argv for one row, or undefined after saying why it was refused. */
  const targetFor = async (command: CustomCommand, row: unknown, many = false): Promise<Target | undefined> => {
    const selected = await rowValues(ctx, command, row);
    const endpoint = ctx.session.engine.endpoint;
    const values: PlaceholderValues = { ...selected.values, 'Engine.Host': endpoint.url, 'Engine.Context': endpoint.context ?? '' };
    try {
      return { selected, argv: expandCommand(command, values) };
    } catch (err) {
      if (!(err instanceof ExpandError)) throw err;
      setStatus(ctx, `${command.name} refused${many ? ` for ${selected.label}` : ''}: ${err.message}`, 'error');
      return undefined;
    }
  };

  /** Marked rows: one confirmation listing each row and its argv, then the command on each. */
  const runMarked = async (command: CustomCommand, rows: readonly unknown[]): Promise<void> => {
    const targets: Target[] = [];
    for (const row of rows) {
      const target = await targetFor(command, row, true);
      if (!target) return;
      targets.push(target);
    }
    const where =
      command.run === 'exec'
        ? 'inside each, one after another'
        : command.run === 'background'
          ? 'in the background, one after another'
          : 'here, one after another';
    const lines = targets.slice(0, MAX_LINES).map(({ selected, argv }) => `${selected.label}: ${showArgv(argv)}`);
    if (targets.length > MAX_LINES) lines.push(`… and ${targets.length - MAX_LINES} more`);
    openDialog(ctx, undefined, {
      title: `Run ${command.name} on ${targets.length} marked ${targets.length === 1 ? singular(command.scope) : command.scope} (${where})? ${yesNo()}`,
      lines,
      danger: command.dangerous,
      onConfirm: (session) => {
        // Cleared as the bulk keys clear them: a second press does not repeat it unseen.
        ctx.ui.update((s) => withList(s, command.scope, { marks: undefined }));
        startEach(command, targets, session);
      },
    });
  };

  const startEach = (command: CustomCommand, targets: readonly Target[], session: EngineSession): void => {
    if (command.run === 'background') return void runBackgroundEach(ctx, command, targets);
    const steps: SessionStep[] = targets.map(({ selected, argv }) =>
      command.run === 'exec'
        ? {
            target: selected.label,
            banner: `dtui: ${command.name} in ${selected.label} — exit or Ctrl+D ends it; its output stays until a key`,
            start: () => session.engine.exec(selected.key, argv, terminalSize(ctx)),
          }
        : {
            target: selected.label,
            banner: `dtui: ${command.name} on ${selected.label} — its output stays until a key`,
            start: () => spawnLocal(argv, terminalSize(ctx)),
          },
    );
    void openSessionsInTurn(ctx, command.name, steps);
  };

  const run = async (command: CustomCommand): Promise<void> => {
    const marked = markedRows(ctx.session, ctx.ui.get(), command.scope);
    if (marked.length > 0) return runMarked(command, marked);
    const row = selectedRow(ctx.session, ctx.ui.get(), command.scope);
    if (!row) return setStatus(ctx, `${command.name}: nothing selected`, 'error');
    const target = await targetFor(command, row);
    if (!target) return;
    const { selected, argv } = target;
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
