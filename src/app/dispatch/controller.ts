// Keys → actions. One input handler for the whole app: it works out which scopes are in
// effect (scopes.ts), resolves the key through the keymap — every key, Ctrl+C and
// Ctrl+Z and the form keys included — and runs the action's handler (handlers.ts).
// Keys a scope does not bind are typed into the filter or the form; nothing else is
// hard-coded here.
import { createMatcher, keyName, typedKeys, type KeyFlags, type Matcher } from '../../keys/match.js';
import { type ActionId, type KeyAction, type Scope } from '../../keys/keymap.js';
import type { AppContextValue } from '../app-context.js';
import { clearStatus, setStatus } from '../status.js';
import { createHandlers, type HandlerTable } from './handlers.js';
import { activeScopes } from './scopes.js';
import { handleMouse } from './mouse.js';
import type { MouseEvent } from '../../keys/mouse.js';
import { confirmFooter } from '../dialogs.js';
import { formKeysLine } from '../forms.js';
import { commandActions } from '../actions/command-actions.js';
import { COMMAND_ID_PREFIX } from '../../config/keymap.js';

const MOVE_IDS = new Set<string>(['move.up', 'move.down', 'move.pageUp', 'move.pageDown', 'move.home', 'move.end']);

/** Actions that only look (help, the status itself, a redraw): the outcome on screen still applies. */
const KEEPS_STATUS = new Set<string>(['status.show', 'suspend', 'redraw', 'help', 'help.close', 'help.up', 'help.down', 'help.pageUp', 'help.pageDown']);

export class Controller {
  private readonly matcher: Matcher;
  private readonly fullMatcher: Matcher;
  private readonly handlers: HandlerTable;
  /** Custom commands (config `commands:`), by their action id 'command.<name>'. */
  private readonly commands: ReadonlyMap<string, () => void>;
  private readonly typeIntoFilter: (name: string, input: string) => void;
  private readonly typeIntoForm: (name: string, input: string) => void;

  constructor(
    private readonly ctx: AppContextValue,
    quit: () => void,
  ) {
    this.matcher = createMatcher(ctx.keymap);
    this.fullMatcher = createMatcher(ctx.fullKeymap);
    const built = createHandlers(ctx, { quit });
    this.handlers = built.table;
    this.commands = commandActions(ctx);
    this.typeIntoFilter = built.typeIntoFilter;
    this.typeIntoForm = built.typeIntoForm;
  }

  /** Scopes in effect, most specific first. */
  scopes(): Scope[] {
    return activeScopes(this.ctx.ui.get());
  }

  handleInput = (input: string, key: KeyFlags): void => {
    const run = key.ctrl || key.meta ? undefined : typedKeys(input);
    if (run) {
      for (const name of run) this.handleKey(name, name.length === 1 ? name : '');
      return;
    }
    this.handleKey(keyName(input, key), input);
  };

  /** A mouse report from the terminal (src/app/dispatch/mouse.ts says what it does). */
  handleMouse = (e: MouseEvent): void => {
    handleMouse(
      this.ctx,
      { run: (id) => this.run(id, '', ''), press: (name) => this.handleKey(name, name.length === 1 ? name : '') },
      e,
      confirmFooter(),
      formKeysLine(),
    );
  };

  /** One key, by name; `input` is the character it types, if any (for the filter and forms). */
  handleKey(name: string, input: string): void {
    const scopes = this.scopes();
    const action = this.resolve(name, scopes);
    if (action) return this.run(action.id, name, input);
    if (scopes[0] === 'form') return this.typeIntoForm(name, input);
    if (scopes[0] === 'filter') return this.typeIntoFilter(name, input);
    if (this.ctx.readOnly) this.explainReadOnly(name, scopes);
  }

  private resolve(name: string, scopes: Scope[]): KeyAction | undefined {
    const action = this.matcher(name, scopes);
    if (action || scopes[0] !== 'overlay') return action;
    // An overlay scrolls with the usual move keys but takes no other global key.
    const global = this.matcher(name, ['global']);
    return global && MOVE_IDS.has(global.id) ? global : undefined;
  }

  /**
   * Runs a handler. A dialog or form it opens is stamped with the action's id, so what
   * is pending says which action asked (its session and target are recorded at opening).
   */
  private run(id: string, name: string, input: string): void {
    // A new action makes the last outcome old news (progress stays: its action is still running).
    const status = this.ctx.ui.get().status;
    if (status && status.kind !== 'progress' && !KEEPS_STATUS.has(id)) clearStatus(this.ctx, status);
    // A custom command's dialog is not stamped: origin.action names keymap actions only.
    const command = this.commands.get(id);
    if (command) return command();
    this.runAction(id as ActionId, name, input);
  }

  private runAction(id: ActionId, name: string, input: string): void {
    const before = this.ctx.ui.get();
    this.handlers[id]({ name, input });
    const after = this.ctx.ui.get();
    if (after.dialog && after.dialog !== before.dialog && !after.dialog.origin.action) {
      this.ctx.ui.update((s) => (s.dialog ? { ...s, dialog: { ...s.dialog, origin: { ...s.dialog.origin, action: id } } } : s));
    }
    if (after.form && after.form !== before.form && !after.form.origin.action) {
      this.ctx.ui.update((s) => (s.form ? { ...s, form: { ...s.form, origin: { ...s.form.origin, action: id } } } : s));
    }
  }

  /** --read-only drops the keys that change things; say so instead of ignoring them. */
  private explainReadOnly(name: string, scopes: Scope[]): void {
    const dropped = this.fullMatcher(name, scopes);
    if (!dropped?.danger) return;
    // A sentence, not the help text: "Read-only mode: dtui will not stop the selected container. Nothing was changed."
    // The help's first clause is the sentence: a closing "(asks first…)" and what follows a
    // ";" (e.g. "; with marks, every marked one") are left out, a "(or unpause)" inside kept.
    const what = dropped.id.startsWith(COMMAND_ID_PREFIX)
      ? `run ${dropped.id.slice(COMMAND_ID_PREFIX.length)}`
      : dropped.help
          .replace(/ \([^)]*\)(?=;|$).*$/, '')
          .replace(/;.*$/, '')
          .replace(/^\w/, (c) => c.toLowerCase());
    setStatus(this.ctx, `Read-only mode: dtui will not ${what}. Nothing was changed.`, 'info');
  }
}
