// Every key binding in dtui, declared once. The matcher, the help overlay, the hint bar
// and the README's key table are all generated from this list.

export type Scope =
  | 'global'
  | 'list' // any focused list pane
  | 'containers'
  | 'images'
  | 'detail' // the focused detail pane (logs or top)
  | 'filter' // typing a filter
  | 'dialog'
  | 'form' // a form or prompt is open
  | 'help';

export interface KeyAction {
  id: string;
  /** Normalised key names: 'up', 'pgdn', 'shift+tab', 'ctrl+c', or the character typed. */
  keys: string[];
  scope: Scope;
  help: string;
  /** Changes engine state: never bound in --read-only mode. */
  danger?: boolean;
  /** Shown in the one-line hint bar when its scope is active. */
  hint?: string;
}

export const KEYMAP: readonly KeyAction[] = [
  { id: 'move.up', keys: ['up', 'k'], scope: 'global', help: 'Move up in the list, or scroll the detail pane' },
  { id: 'move.down', keys: ['down', 'j'], scope: 'global', help: 'Move down in the list, or scroll the detail pane', hint: 'move' },
  { id: 'move.pageUp', keys: ['pgup'], scope: 'global', help: 'One page up' },
  { id: 'move.pageDown', keys: ['pgdn'], scope: 'global', help: 'One page down' },
  { id: 'move.home', keys: ['home', 'g'], scope: 'global', help: 'First row / top of the log' },
  { id: 'move.end', keys: ['end', 'G'], scope: 'global', help: 'Last row / end of the log (follow again)' },
  { id: 'pane.next', keys: ['tab'], scope: 'global', help: 'Next pane', hint: 'pane' },
  { id: 'pane.prev', keys: ['shift+tab'], scope: 'global', help: 'Previous pane' },
  { id: 'pane.containers', keys: ['1'], scope: 'global', help: 'Go to Containers' },
  { id: 'pane.images', keys: ['2'], scope: 'global', help: 'Go to Images' },
  { id: 'filter.start', keys: ['/'], scope: 'list', help: 'Filter the list by name, image or id', hint: 'filter' },
  { id: 'container.logs', keys: ['l', 'enter'], scope: 'containers', help: 'Logs of the selected container (last 1000 lines, then live)', hint: 'logs' },
  { id: 'container.top', keys: ['t'], scope: 'containers', help: 'Processes of the selected container (refreshed every 2 s)', hint: 'top' },
  { id: 'container.stop', keys: ['s'], scope: 'containers', help: 'Stop the selected container', danger: true, hint: 'stop' },
  { id: 'container.start', keys: ['S'], scope: 'containers', help: 'Start the selected container', danger: true, hint: 'start' },
  { id: 'container.restart', keys: ['r'], scope: 'containers', help: 'Restart the selected container', danger: true, hint: 'restart' },
  { id: 'container.pause', keys: ['p'], scope: 'containers', help: 'Pause or unpause the selected container', danger: true, hint: 'pause' },
  { id: 'container.remove', keys: ['d'], scope: 'containers', help: 'Remove the selected container (asks first; volumes are kept)', danger: true, hint: 'remove' },
  { id: 'image.remove', keys: ['d'], scope: 'images', help: 'Remove the selected image (asks first)', danger: true, hint: 'remove' },
  { id: 'detail.logs', keys: ['l'], scope: 'detail', help: 'Show the Logs tab', hint: 'logs' },
  { id: 'detail.top', keys: ['t'], scope: 'detail', help: 'Show the Top tab', hint: 'top' },
  { id: 'filter.accept', keys: ['enter'], scope: 'filter', help: 'Keep the filter and return to the list', hint: 'keep' },
  { id: 'filter.clear', keys: ['esc'], scope: 'filter', help: 'Clear the filter', hint: 'clear' },
  { id: 'dialog.yes', keys: ['y', 'Y'], scope: 'dialog', help: 'Confirm', hint: 'yes' },
  { id: 'dialog.no', keys: ['n', 'N', 'esc', 'enter'], scope: 'dialog', help: 'Cancel (the default)', hint: 'no' },
  { id: 'form.submit', keys: ['enter'], scope: 'form', help: 'Check the fields and submit', hint: 'submit' },
  { id: 'form.cancel', keys: ['esc'], scope: 'form', help: 'Cancel', hint: 'cancel' },
  { id: 'form.next', keys: ['tab', 'down'], scope: 'form', help: 'Next field', hint: 'next field' },
  { id: 'form.prev', keys: ['shift+tab', 'up'], scope: 'form', help: 'Previous field' },
  { id: 'form.toggle', keys: ['space', 'left', 'right'], scope: 'form', help: 'Toggle a checkbox, change a choice' },
  { id: 'help.close', keys: ['esc', '?', 'q'], scope: 'help', help: 'Close help', hint: 'close' },
  { id: 'back', keys: ['esc'], scope: 'global', help: 'Back / close', hint: 'back' },
  { id: 'help', keys: ['?'], scope: 'global', help: 'Show every key', hint: 'help' },
  { id: 'quit', keys: ['q', 'ctrl+c'], scope: 'global', help: 'Quit', hint: 'quit' },
  { id: 'suspend', keys: ['ctrl+z'], scope: 'global', help: 'Suspend dtui to the shell (fg brings it back)' },
];

export const SCOPE_TITLES: Record<Scope, string> = {
  global: 'Everywhere',
  list: 'Lists',
  containers: 'Containers',
  images: 'Images',
  detail: 'Detail pane (Logs, Top)',
  filter: 'While typing a filter',
  dialog: 'Confirm dialogs',
  form: 'Forms and prompts',
  help: 'Help',
};

/** The keymap without anything that changes engine state, for --read-only. */
export function activeKeymap(readOnly: boolean): readonly KeyAction[] {
  return readOnly ? KEYMAP.filter((a) => !a.danger) : KEYMAP;
}
