// Keys → actions. One input handler for the whole app: it works out which scopes are
// in effect (a dialog or the filter prompt take every key), resolves the key through
// the keymap, and runs the action against the UI store or the engine session.
import type { Key } from 'ink';
import { createMatcher, keyName, typedKeys, type Matcher } from '../../keys/match.js';
import { KEYMAP, type Scope } from '../../keys/keymap.js';
import type { AppContextValue } from './app-context.js';
import { layoutFor } from './layout.js';
import { moveSelection, scrollTop, type Move } from './navigation.js';
import { visibleList } from './selectors.js';
import { PANES, withList, type ListId, type UiState } from './ui-state.js';
import { containerActions } from './container-actions.js';
import { imageActions } from './image-actions.js';
import { registryActions } from './registry-actions.js';
import { formInput } from './forms.js';
import { helpSections } from '../../keys/help.js';
import { helpPage } from '../../ui/help-overlay.js';
import { engineRows, overviewLines } from '../engine/engine-pane.js';
import { overlayActions, scrollOverlay } from './overlay.js';
import { imageLocalActions } from './image-local-actions.js';
import { volumeActions } from './volume-actions.js';
import { engineActions } from './engine-actions.js';
import { detailActions, detailHeight } from './detail-actions.js';
import { containerForms } from './container-forms.js';
import { viewRows } from '../../state/log-index.js';
import { scrollRows } from '../detail/log-scroll.js';
import { sessionActions } from '../session/session-actions.js';
import { runActions } from '../session/run-form.js';
import { setStatus } from './status.js';

const MOVES: Record<string, Move> = {
  'move.up': 'up', 'move.down': 'down', 'move.pageUp': 'pageUp',
  'move.pageDown': 'pageDown', 'move.home': 'home', 'move.end': 'end',
};

export class Controller {
  private readonly matcher: Matcher;
  private readonly fullMatcher: Matcher = createMatcher(KEYMAP);
  private readonly handlers: Record<string, () => void>;

  constructor(private readonly ctx: AppContextValue, private readonly quit: () => void) {
    this.matcher = createMatcher(ctx.keymap);
    this.handlers = {
      ...containerActions(ctx),
      ...imageActions(ctx),
      ...imageLocalActions(ctx),
      ...volumeActions(ctx),
      ...engineActions(ctx),
      ...overlayActions(ctx),
      'pane.volumes': () => this.update((s) => ({ ...s, focus: 'volumes' })),
      'pane.engine': () => this.update((s) => ({ ...s, focus: 'engine' })),
      'dialog.force': () => this.forceDialog(),
      ...detailActions(ctx),
      ...containerForms(ctx),
      ...registryActions(ctx),
      ...sessionActions(ctx),
      ...runActions(ctx),
      'pane.next': () => this.cycleFocus(1),
      'pane.prev': () => this.cycleFocus(-1),
      'pane.containers': () => this.focusList('containers'),
      'pane.images': () => this.focusList('images'),
      'filter.start': () => this.startFilter(),
      'filter.accept': () => this.acceptFilter(),
      'filter.clear': () => this.clearFilter(),
      // l / t in the detail pane always mean the selected container's Logs / Top, even
      // when Tab arrived there from Images (which shows the image summary).
      'detail.logs': () => this.update((s) => ({ ...s, lastList: 'containers', detailTab: 'logs', logScroll: { topSeq: null } })),
      'detail.top': () => this.update((s) => ({ ...s, lastList: 'containers', detailTab: 'top', topScroll: 0 })),
      'dialog.yes': () => this.closeDialog(true),
      'dialog.no': () => this.closeDialog(false),
      'help': () => this.update((s) => ({ ...s, help: true, helpScroll: 0 })),
      'help.down': () => this.scrollHelp(1),
      'help.up': () => this.scrollHelp(-1),
      'help.pageDown': () => this.scrollHelp('page'),
      'help.pageUp': () => this.scrollHelp('-page'),
      'help.close': () => this.update((s) => ({ ...s, help: false })),
      'back': () => this.back(),
      'quit': () => this.quit(),
      'suspend': () => this.ctx.suspendToShell?.(),
    };
  }

  private get state(): UiState {
    return this.ctx.ui.get();
  }

  private update(fn: (s: UiState) => UiState): void {
    this.ctx.ui.update(fn);
  }

  /** Scopes in effect, most specific first. */
  scopes(): Scope[] {
    const s = this.state;
    if (s.form) return ['form'];
    if (s.dialog) return ['dialog'];
    if (s.transfer) return ['transfer'];
    if (s.search) return ['search'];
    if (s.overlay) return ['overlay'];
    if (s.help) return ['help'];
    if (s.focus === 'engine') return ['engine', 'global'];
    if (s.focus !== 'detail' && s.lists[s.focus].editingFilter) return ['filter'];
    if (s.focus === 'detail') return ['detail', 'global'];
    return [s.focus, 'list', 'global'];
  }

  handleInput = (input: string, key: Key): void => {
    const run = key.ctrl || key.meta ? undefined : typedKeys(input);
    if (run) {
      for (const name of run) this.handleKey(name, name.length === 1 ? name : '');
      return;
    }
    this.handleKey(keyName(input, key), input);
  };

  /** One key, by name; `input` is the character it types, if any (for the filter). */
  handleKey(name: string, input: string): void {
    const scopes = this.scopes();
    if (name === 'ctrl+c') return this.quit();
    // Like Ctrl+C, suspending works in every scope (forms and dialogs included).
    if (name === 'ctrl+z') return this.ctx.suspendToShell?.();
    if (this.ctx.crashKey && name === this.ctx.crashKey) throw new Error('DTUI_TEST_CRASH: a deliberate error inside the input handler');
    // A form reads every key itself (keymap's 'form' scope documents them).
    if (scopes[0] === 'form') return formInput(this.ctx, name, input);
    // An overlay scrolls with the usual move keys but takes no other global key.
    const action = this.matcher(name, scopes) ?? (scopes[0] === 'overlay' ? this.moveAction(name) : undefined);
    if (action) {
      const move = MOVES[action.id];
      if (move) return this.move(move);
      this.handlers[action.id]?.();
      return;
    }
    if (scopes[0] === 'filter') return this.editFilter(name, input);
    if (this.ctx.readOnly) this.explainReadOnly(name, scopes);
  }

  /** --read-only drops the keys that change things; say so instead of ignoring them. */
  private explainReadOnly(name: string, scopes: Scope[]): void {
    const dropped = this.fullMatcher(name, scopes);
    if (!dropped?.danger) return;
    setStatus(this.ctx, `read-only: ${dropped.help.replace(/ \(.*\)$/, '').toLowerCase()} is disabled — nothing was changed`, 'info');
  }

  private moveAction(name: string) {
    const action = this.matcher(name, ['global']);
    return action && MOVES[action.id] ? action : undefined;
  }

  private move(move: Move): void {
    const s = this.state;
    const layout = layoutFor(this.ctx.terminal.get().cols, this.ctx.terminal.get().rows);
    if (s.overlay) return this.update((st) => scrollOverlay(st, move, layout.bodyHeight - 3));
    if (s.focus === 'engine') {
      // The Engine view scrolls when it is taller than the screen (80×24).
      const overview = this.ctx.session.overview.store.get().value;
      const total = overview ? overviewLines(overview).length : 0;
      return this.update((st) => {
        const top = scrollTop({ ...st, topScroll: st.engineScroll }, move, total, engineRows(layout.bodyHeight)).topScroll;
        return top === st.engineScroll ? st : { ...st, engineScroll: top };
      });
    }
    if (s.focus === 'detail') {
      if (s.detailTab === 'logs') {
        const log = this.ctx.detail.state.logs;
        if (log) this.update((st) => scrollRows(st, viewRows(log.lines, st.logView.filter), move, detailHeight(this.ctx)));
      } else if (s.detailTab === 'inspect') {
        const total = this.ctx.detail.state.inspect?.lines.length ?? 0;
        this.update((st) => {
          const top = scrollTop({ ...st, topScroll: st.inspect.top }, move, total, layout.detailRows - 1).topScroll;
          return top === st.inspect.top ? st : { ...st, inspect: { ...st.inspect, top } };
        });
      } else if (s.detailTab === 'stats') {
        return;
      } else {
        const total = this.ctx.detail.state.top?.result?.processes.length ?? 0;
        this.update((st) => scrollTop(st, move, total, layout.detailRows - 1));
      }
      return;
    }
    const list = s.focus;
    const keys = visibleList(this.ctx.session, s, list).keys;
    const page = list === 'containers' ? layout.containerRows : list === 'images' ? layout.imageRows : layout.bodyHeight - 4;
    this.update((st) => moveSelection(st, list, keys, move, page));
  }

  /** The help overlay scrolls when it is taller than the screen (small terminals). */
  private scrollHelp(step: 1 | -1 | 'page' | '-page'): void {
    const { cols, rows } = this.ctx.terminal.get();
    const page = helpPage(helpSections(this.ctx.keymap), cols, layoutFor(cols, rows).bodyHeight);
    const delta = step === 'page' ? page.visible : step === '-page' ? -page.visible : step;
    this.update((s) => ({ ...s, helpScroll: Math.max(0, Math.min(page.maxScroll, s.helpScroll + delta)) }));
  }

  private cycleFocus(step: 1 | -1): void {
    this.update((s) => {
      const next = PANES[(PANES.indexOf(s.focus) + step + PANES.length) % PANES.length]!;
      return { ...s, focus: next, lastList: next === 'detail' || next === 'engine' ? s.lastList : next };
    });
  }

  private focusList(list: ListId): void {
    this.update((s) => ({ ...s, focus: list, lastList: list }));
  }

  private startFilter(): void {
    const list = this.state.focus;
    if (list === 'detail' || list === 'engine') return;
    this.update((s) => withList(s, list, { editingFilter: true }));
  }

  private editFilter(name: string, input: string): void {
    const list = this.state.focus as ListId;
    const current = this.state.lists[list].filter;
    let next = current;
    if (name === 'backspace') next = current.slice(0, -1);
    else if (name === 'space') next = current + ' ';
    else if (input && !/[\u0000-\u001f\u007f]/.test(input) && name.length === input.length) next = current + input;
    if (next === current) return;
    // As the filter narrows, highlight its first match.
    this.update((s) => withList(s, list, { filter: next, cursor: 0, selectedKey: undefined }));
  }

  /** Enter: keep the filter, leave the prompt, select the first match. */
  private acceptFilter(): void {
    const list = this.state.focus as ListId;
    const keys = visibleList(this.ctx.session, this.state, list).keys;
    this.update((s) => withList(s, list, { editingFilter: false, cursor: 0, selectedKey: keys[0] }));
  }

  /** Esc: drop the filter; the selected row stays selected. */
  private clearFilter(): void {
    const list = this.state.focus as ListId;
    this.update((s) => withList(s, list, { editingFilter: false, filter: '' }));
  }

  private closeDialog(confirmed: boolean): void {
    const dialog = this.state.dialog;
    this.update((s) => ({ ...s, dialog: undefined }));
    if (confirmed) dialog?.onConfirm();
  }

  private forceDialog(): void {
    const dialog = this.state.dialog;
    if (!dialog?.onForce) return;
    this.update((s) => ({ ...s, dialog: undefined }));
    dialog.onForce();
  }

  private back(): void {
    const s = this.state;
    if (s.focus === 'detail') return this.update((st) => ({ ...st, focus: st.lastList }));
    // Esc leaves the full-body views for the list last used (a volumes filter goes first).
    if (s.focus === 'engine' || (s.focus === 'volumes' && !s.lists.volumes.filter)) {
      return this.update((st) => ({ ...st, focus: st.lastList === 'volumes' ? 'containers' : st.lastList }));
    }
    if (s.lists[s.focus].filter) this.clearFilter();
  }
}
