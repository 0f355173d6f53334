// Every key binding in dtui, declared once. The matcher, the help overlay, the hint bar
// and the README's key table are all generated from this list.

export type Scope =
  | 'global'
  | 'list' // any focused list pane
  | 'containers'
  | 'images'
  | 'volumes'
  | 'networks'
  | 'projects'
  | 'services'
  | 'tasks'
  | 'nodes'
  | 'engine'
  | 'engines' // the Engines view (0): contexts, reachability, switching
  | 'fleet' // its fleet mode: every container of every reachable engine
  | 'overlay' // a scrollable text view (history, inspect)
  | 'detail' // the focused detail pane (logs or top)
  | 'filter' // typing a filter
  | 'dialog'
  | 'form' // a form or prompt is open
  | 'transfer' // the pull/push progress view
  | 'search' // registry search results
  | 'help';

export interface KeyAction {
  id: string;
  /** Normalised key names: 'up', 'pgdn', 'shift+tab', 'ctrl+c', or the character typed. */
  keys: readonly string[];
  scope: Scope;
  help: string;
  /** Changes engine state: never bound in --read-only mode. */
  danger?: boolean;
  /** Shown in the one-line hint bar when its scope is active. */
  hint?: string;
  /** Keys (among `keys`) that act in every scope, forms and dialogs included: Ctrl+C quits, Ctrl+Z suspends. */
  always?: readonly string[];
  /**
   * A key one kind puts on another kind's pane (Networks' connect on Containers): the kind
   * whose descriptor handles it (`contributes`, src/resources/types.ts). Absent: the scope's own kind.
   */
  owner?: Scope;
}

const BINDINGS = [
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
  { id: 'pane.volumes', keys: ['3'], scope: 'global', help: 'Go to Volumes (full screen; 1 or 2 go back)' },
  { id: 'pane.engine', keys: ['4'], scope: 'global', help: 'Go to Engine: version, info, disk usage (full screen)' },
  { id: 'pane.networks', keys: ['5'], scope: 'global', help: 'Go to Networks (full screen; 1 or 2 go back)' },
  { id: 'pane.projects', keys: ['6'], scope: 'global', help: 'Go to Compose projects: each project and its services, merged logs' },
  { id: 'pane.services', keys: ['7'], scope: 'global', help: 'Go to Swarm services (a swarm manager only; full screen)' },
  { id: 'pane.nodes', keys: ['8'], scope: 'global', help: 'Go to Swarm nodes (full screen)' },
  { id: 'pane.tasks', keys: ['9'], scope: 'global', help: 'Go to Swarm tasks of every service (full screen)' },
  { id: 'pane.engines', keys: ['0'], scope: 'global', help: 'Go to Engines: every context and its reachability; Enter switches (full screen)' },
  {
    id: 'engines.switch',
    keys: ['enter'],
    scope: 'engines',
    help: 'Switch to the selected engine (in the fleet: to the row’s engine, its container selected; l t m i e work without switching)',
    hint: 'switch',
  },
  {
    id: 'engines.fleet',
    keys: ['f'],
    scope: 'engines',
    help: 'Fleet: every container of every reachable engine in one list (f again: engines)',
    hint: 'fleet',
  },
  { id: 'fleet.stop', keys: ['s'], scope: 'fleet', help: 'Fleet: stop the selected container on its engine', danger: true, hint: 'stop' },
  { id: 'fleet.start', keys: ['S'], scope: 'fleet', help: 'Fleet: start the selected container on its engine', danger: true, hint: 'start' },
  { id: 'fleet.restart', keys: ['r'], scope: 'fleet', help: 'Fleet: restart the selected container on its engine', danger: true, hint: 'restart' },
  { id: 'fleet.logs', keys: ['l'], scope: 'fleet', help: 'Fleet: logs of the selected container, read from its engine (Esc closes)', hint: 'logs' },
  { id: 'fleet.top', keys: ['t'], scope: 'fleet', help: 'Fleet: processes of the selected container on its engine', hint: 'top' },
  { id: 'fleet.stats', keys: ['m'], scope: 'fleet', help: 'Fleet: live stats of the selected container on its engine', hint: 'stats' },
  { id: 'fleet.inspect', keys: ['i'], scope: 'fleet', help: 'Fleet: inspect JSON of the selected container on its engine' },
  {
    id: 'fleet.exec',
    keys: ['e'],
    scope: 'fleet',
    help: 'Fleet: shell in the selected container on its engine (bash if it has one, else sh)',
    danger: true,
    hint: 'shell',
  },
  { id: 'filter.start', keys: ['/'], scope: 'list', help: 'Filter the list by name, image or id', hint: 'filter' },
  { id: 'list.sort', keys: ['o'], scope: 'list', help: 'Sort by the next column (name, state, CPU, memory, created, size…; ▲/▼ in the header)', hint: 'sort' },
  { id: 'list.sortReverse', keys: ['O'], scope: 'list', help: 'Reverse the sort order' },
  { id: 'container.logs', keys: ['l', 'enter'], scope: 'containers', help: 'Logs of the selected container (last 1000 lines, then live)', hint: 'logs' },
  { id: 'container.top', keys: ['t'], scope: 'containers', help: 'Processes of the selected container (refreshed every 2 s)', hint: 'top' },
  { id: 'container.stop', keys: ['s'], scope: 'containers', help: 'Stop the selected container', danger: true, hint: 'stop' },
  { id: 'container.start', keys: ['S'], scope: 'containers', help: 'Start the selected container', danger: true, hint: 'start' },
  { id: 'container.restart', keys: ['r'], scope: 'containers', help: 'Restart the selected container', danger: true, hint: 'restart' },
  { id: 'container.pause', keys: ['p'], scope: 'containers', help: 'Pause or unpause the selected container', danger: true, hint: 'pause' },
  {
    id: 'container.remove',
    keys: ['d'],
    scope: 'containers',
    help: 'Remove the selected container (asks first; volumes are kept)',
    danger: true,
    hint: 'remove',
  },
  {
    id: 'image.remove',
    keys: ['d'],
    scope: 'images',
    help: 'Remove the selected image (asks first; f there forces); with marks, every marked one',
    danger: true,
    hint: 'remove',
  },
  { id: 'image.history', keys: ['h'], scope: 'images', help: 'History of the selected image: every layer, full commands (o exports)', hint: 'history' },
  { id: 'image.save', keys: ['x'], scope: 'images', help: 'Save the selected image to a tar file (docker save)', hint: 'save' },
  { id: 'image.load', keys: ['L'], scope: 'images', help: 'Load images from a tar file (docker load)', danger: true, hint: 'load' },
  { id: 'image.prune', keys: ['X'], scope: 'images', help: 'Prune dangling images (lists them first)', danger: true, hint: 'prune' },
  { id: 'volume.inspect', keys: ['i', 'enter'], scope: 'volumes', help: 'Inspect the selected volume (JSON)', hint: 'inspect' },
  { id: 'volume.create', keys: ['c'], scope: 'volumes', help: 'Create a volume', danger: true, hint: 'create' },
  {
    id: 'volume.remove',
    keys: ['d'],
    scope: 'volumes',
    help: 'Remove the selected volume (asks first); with marks, every marked one',
    danger: true,
    hint: 'remove',
  },
  { id: 'volume.prune', keys: ['X'], scope: 'volumes', help: 'Prune unused volumes (lists them first)', danger: true, hint: 'prune' },
  { id: 'network.inspect', keys: ['i', 'enter'], scope: 'networks', help: 'Inspect the selected network (JSON)', hint: 'inspect' },
  {
    id: 'network.create',
    keys: ['c'],
    scope: 'networks',
    help: 'Create a network (driver, subnet, gateway, internal, attachable, labels)',
    danger: true,
    hint: 'create',
  },
  {
    id: 'network.remove',
    keys: ['d'],
    scope: 'networks',
    help: 'Remove the selected network (asks first; refused while containers are attached); with marks, every marked one',
    danger: true,
    hint: 'remove',
  },
  {
    id: 'network.connect',
    keys: ['a'],
    scope: 'networks',
    help: 'Connect a container to the selected network (pick it; alias optional)',
    danger: true,
    hint: 'connect',
  },
  {
    id: 'network.disconnect',
    keys: ['D'],
    scope: 'networks',
    help: 'Disconnect a container from the selected network (pick it)',
    danger: true,
    hint: 'disconnect',
  },
  { id: 'network.prune', keys: ['X'], scope: 'networks', help: 'Prune unused networks (lists them first)', danger: true, hint: 'prune' },
  { id: 'project.logs', keys: ['l', 'enter'], scope: 'projects', help: 'Merged logs of the selected project or service (all replicas)', hint: 'logs' },
  { id: 'project.stop', keys: ['s'], scope: 'projects', help: 'Stop every container of the selected project or service', danger: true, hint: 'stop' },
  { id: 'project.start', keys: ['S'], scope: 'projects', help: 'Start every container of the selected project or service', danger: true, hint: 'start' },
  { id: 'project.restart', keys: ['r'], scope: 'projects', help: 'Restart every container of the selected project or service', danger: true, hint: 'restart' },
  { id: 'project.pause', keys: ['p'], scope: 'projects', help: 'Pause (or unpause) the selected project or service', danger: true, hint: 'pause' },
  {
    id: 'project.remove',
    keys: ['d'],
    scope: 'projects',
    help: 'Remove the containers of the selected project or service (asks, naming each; volumes kept unless chosen)',
    danger: true,
    hint: 'remove',
  },
  { id: 'project.up', keys: ['u'], scope: 'projects', help: 'Run docker-compose up -d for the selected project (needs docker-compose on PATH)', danger: true },
  {
    id: 'project.down',
    keys: ['D'],
    scope: 'projects',
    help: 'Run docker-compose down for the selected project (asks; needs docker-compose on PATH)',
    danger: true,
  },
  { id: 'container.groupByProject', keys: ['P'], scope: 'containers', help: 'Group the list by Compose project (PROJECT and SERVICE columns) on/off' },
  { id: 'service.tasks', keys: ['enter', 't'], scope: 'services', help: 'Tasks of the selected service (slot, node, states, error)', hint: 'tasks' },
  {
    id: 'service.logs',
    keys: ['l'],
    scope: 'services',
    help: 'Live log of the selected service, merged over its tasks (task@node prefix; the Logs keys work, Esc returns)',
    hint: 'logs',
  },
  { id: 'service.groupByStack', keys: ['P'], scope: 'services', help: 'Group the list by stack (as docker stack deploy labels it; STACK column first) on/off' },
  { id: 'service.inspect', keys: ['i'], scope: 'services', help: 'Inspect JSON of the selected service' },
  { id: 'service.scale', keys: ['s'], scope: 'services', help: 'Scale the selected service (replicas, a whole number ≥ 0)', danger: true, hint: 'scale' },
  {
    id: 'service.image',
    keys: ['u'],
    scope: 'services',
    help: 'Update the image of the selected service (rolling update)',
    danger: true,
    hint: 'update image',
  },
  { id: 'service.force', keys: ['F'], scope: 'services', help: 'Force an update: replace every task of the selected service (asks)', danger: true },
  {
    id: 'service.rollback',
    keys: ['R'],
    scope: 'services',
    help: 'Roll the selected service back to its previous spec (asks)',
    danger: true,
    hint: 'rollback',
  },
  { id: 'service.remove', keys: ['d'], scope: 'services', help: 'Remove the selected service (asks first)', danger: true, hint: 'remove' },
  { id: 'service.secrets', keys: ['C'], scope: 'services', help: 'Secrets and configs of the swarm: names, created, labels (never their data)' },
  { id: 'node.drain', keys: ['D'], scope: 'nodes', help: 'Drain the selected node: its tasks move to other nodes (asks first)', danger: true, hint: 'drain' },
  { id: 'node.pause', keys: ['p'], scope: 'nodes', help: 'Pause the selected node: no new tasks, running ones stay', danger: true, hint: 'pause' },
  { id: 'node.active', keys: ['a'], scope: 'nodes', help: 'Make the selected node active again (takes new tasks)', danger: true, hint: 'active' },
  { id: 'node.inspect', keys: ['i', 'enter'], scope: 'nodes', help: 'Inspect JSON of the selected node' },
  { id: 'engine.pruneContainers', keys: ['C'], scope: 'engine', help: 'Prune stopped containers (asks first)', danger: true, hint: 'prune containers' },
  { id: 'engine.pruneImages', keys: ['I'], scope: 'engine', help: 'Prune dangling images (asks first)', danger: true, hint: 'prune images' },
  { id: 'engine.pruneVolumes', keys: ['V'], scope: 'engine', help: 'Prune unused volumes (asks first)', danger: true, hint: 'prune volumes' },
  { id: 'engine.pruneBuildCache', keys: ['B'], scope: 'engine', help: 'Prune the build cache (asks first)', danger: true, hint: 'prune build cache' },
  { id: 'overlay.export', keys: ['o'], scope: 'overlay', help: 'Export the text to a file', hint: 'export' },
  { id: 'overlay.search', keys: ['/'], scope: 'overlay', help: 'Search the text (lowercase: any case)', hint: 'search' },
  { id: 'overlay.next', keys: ['n'], scope: 'overlay', help: 'Next search match' },
  { id: 'overlay.prev', keys: ['N'], scope: 'overlay', help: 'Previous search match' },
  { id: 'overlay.close', keys: ['esc', 'q'], scope: 'overlay', help: 'Close (↑↓ PgUp PgDn g G scroll)', hint: 'close' },
  {
    id: 'image.pull',
    keys: ['p'],
    scope: 'images',
    help: 'Pull an image by reference, with a progress bar per layer (Esc cancels)',
    danger: true,
    hint: 'pull',
  },
  {
    id: 'image.push',
    keys: ['P'],
    scope: 'images',
    help: 'Push the selected image to its registry (docker config credentials, or asks to log in)',
    danger: true,
    hint: 'push',
  },
  { id: 'image.tag', keys: ['t'], scope: 'images', help: 'Tag the selected image with a new repo:tag', danger: true, hint: 'tag' },
  {
    id: 'image.search',
    keys: ['F'],
    scope: 'images',
    help: 'Search Docker Hub, or a private registry named in the query (127.0.0.1:5000/team)',
    hint: 'search',
  },
  {
    id: 'container.exec',
    keys: ['e'],
    scope: 'containers',
    help: 'Shell in the selected container (bash if it has one, else sh); exit or Ctrl+D returns; Ctrl+P Ctrl+Q detaches, leaving it running',
    danger: true,
    hint: 'shell',
  },
  {
    id: 'container.execCommand',
    keys: ['E'],
    scope: 'containers',
    help: 'Run a command in the selected container, interactively (asks which)',
    danger: true,
    hint: 'run cmd',
  },
  {
    id: 'container.attach',
    keys: ['a'],
    scope: 'containers',
    help: 'Attach to the main process; Ctrl+P Ctrl+Q detaches and leaves it running',
    danger: true,
    hint: 'attach',
  },
  {
    id: 'image.run',
    keys: ['n', 'enter'],
    scope: 'images',
    help: 'Run a container from the selected image (docker run: name, command, -it, --rm, env, ports, volumes…)',
    danger: true,
    hint: 'run',
  },
  { id: 'detail.logs', keys: ['l'], scope: 'detail', help: 'Show the Logs tab', hint: 'logs' },
  { id: 'detail.top', keys: ['t'], scope: 'detail', help: 'Show the Top tab', hint: 'top' },
  { id: 'container.stats', keys: ['m'], scope: 'containers', help: 'Live CPU, memory, network and block I/O of the selected container', hint: 'stats' },
  { id: 'container.inspect', keys: ['i'], scope: 'containers', help: 'Inspect JSON of the selected container', hint: 'inspect' },
  {
    id: 'container.commit',
    keys: ['c'],
    scope: 'containers',
    help: 'Commit the selected container to a new image (docker commit)',
    danger: true,
    hint: 'commit',
  },
  {
    id: 'container.copy',
    keys: ['C'],
    scope: 'containers',
    help: 'Copy files between the selected container and this machine (docker cp)',
    danger: true,
    hint: 'cp',
  },
  {
    id: 'container.connect',
    keys: ['n'],
    scope: 'containers',
    owner: 'networks',
    help: 'Connect the selected container to a network (pick it; alias optional)',
    danger: true,
  },
  {
    id: 'container.disconnect',
    keys: ['N'],
    scope: 'containers',
    owner: 'networks',
    help: 'Disconnect the selected container from a network (pick it)',
    danger: true,
  },
  {
    id: 'container.mark',
    keys: ['space'],
    scope: 'containers',
    help: 'Mark or unmark the selected container: s S r p d and custom commands then act on every marked one (asking first)',
    hint: 'mark',
  },
  { id: 'image.mark', keys: ['space'], scope: 'images', help: 'Mark or unmark the selected image: d and custom commands then act on every marked one' },
  { id: 'volume.mark', keys: ['space'], scope: 'volumes', help: 'Mark or unmark the selected volume: d and custom commands then act on every marked one' },
  { id: 'network.mark', keys: ['space'], scope: 'networks', help: 'Mark or unmark the selected network: d and custom commands then act on every marked one' },
  {
    id: 'container.runningOnly',
    keys: ['A'],
    scope: 'containers',
    help: 'Running containers only, or all again: docker ps or docker ps -a (the title says "running only")',
    hint: 'all/running',
  },
  { id: 'image.inspect', keys: ['i'], scope: 'images', help: 'Inspect JSON of the selected image', hint: 'inspect' },
  { id: 'detail.stats', keys: ['m'], scope: 'detail', help: 'Show the Stats tab (live CPU, memory, network, block I/O)', hint: 'stats' },
  { id: 'detail.inspect', keys: ['i'], scope: 'detail', help: 'Show the Inspect tab (the inspect JSON)' },
  { id: 'detail.zoom', keys: ['z'], scope: 'detail', help: 'Zoom: the detail pane over the whole screen, on/off', hint: 'zoom' },
  { id: 'detail.search', keys: ['/'], scope: 'detail', help: 'Search the log or the inspect JSON (lowercase: any case)', hint: 'search' },
  { id: 'detail.next', keys: ['n'], scope: 'detail', help: 'Next search match' },
  { id: 'detail.prev', keys: ['N'], scope: 'detail', help: 'Previous search match' },
  { id: 'logs.follow', keys: ['f'], scope: 'detail', help: 'Logs: follow the end on/off' },
  { id: 'logs.filter', keys: ['&'], scope: 'detail', help: 'Logs: show only lines matching a regular expression' },
  { id: 'logs.timestamps', keys: ['T'], scope: 'detail', help: 'Logs: timestamps on/off' },
  { id: 'logs.wrap', keys: ['w'], scope: 'detail', help: 'Wrap long lines on/off: the log, the inspect JSON; in Top, each whole command', hint: 'wrap' },
  { id: 'logs.colour', keys: ['#'], scope: 'detail', help: "Logs: the container's own colours on/off" },
  { id: 'logs.tailLess', keys: ['['], scope: 'detail', help: 'Logs: start from fewer lines (100/1000/10000/all; re-opens the log)' },
  { id: 'logs.tailMore', keys: [']'], scope: 'detail', help: 'Logs: start from more lines (100/1000/10000/all; re-opens the log)' },
  // Not S: S starts a container in the list one Esc away; a harmless key here must not be a changing one there.
  { id: 'logs.since', keys: ['@'], scope: 'detail', help: 'Logs: only lines since a time or duration (10m, 2026-01-02T15:04:05Z)' },
  { id: 'logs.save', keys: ['o'], scope: 'detail', help: 'Save to a file: the log (as docker logs prints it), the inspect JSON', hint: 'save' },
  { id: 'filter.accept', keys: ['enter'], scope: 'filter', help: 'Keep the filter and return to the list', hint: 'keep' },
  { id: 'filter.clear', keys: ['esc'], scope: 'filter', help: 'Clear the filter', hint: 'clear' },
  { id: 'dialog.yes', keys: ['y', 'Y'], scope: 'dialog', help: 'Confirm', hint: 'yes' },
  { id: 'dialog.force', keys: ['f'], scope: 'dialog', help: 'Force (when the dialog offers it)' },
  { id: 'dialog.no', keys: ['n', 'N', 'esc', 'enter'], scope: 'dialog', help: 'Cancel (the default)', hint: 'no' },
  { id: 'form.submit', keys: ['enter'], scope: 'form', help: 'Check the fields and submit', hint: 'submit' },
  { id: 'form.cancel', keys: ['esc'], scope: 'form', help: 'Cancel', hint: 'cancel' },
  { id: 'form.next', keys: ['tab', 'down'], scope: 'form', help: 'Next field', hint: 'next field' },
  { id: 'form.prev', keys: ['shift+tab', 'up'], scope: 'form', help: 'Previous field' },
  { id: 'form.toggle', keys: ['space', 'left', 'right'], scope: 'form', help: 'Toggle a checkbox, change a choice' },
  {
    id: 'transfer.cancel',
    keys: ['esc'],
    scope: 'transfer',
    help: 'Cancel the running pull or push (aborts it) and close the progress view',
    hint: 'cancel/close',
  },
  { id: 'transfer.close', keys: ['enter'], scope: 'transfer', help: 'Close the progress view once the pull or push has finished', hint: 'close when done' },
  { id: 'search.up', keys: ['up', 'k'], scope: 'search', help: 'Previous result' },
  { id: 'search.down', keys: ['down', 'j'], scope: 'search', help: 'Next result', hint: 'move' },
  { id: 'search.pull', keys: ['enter', 'p'], scope: 'search', help: 'Pull the selected result', danger: true, hint: 'pull' },
  { id: 'search.close', keys: ['esc'], scope: 'search', help: 'Close the search results', hint: 'close' },
  { id: 'help.close', keys: ['esc', '?', 'q'], scope: 'help', help: 'Close help', hint: 'close' },
  { id: 'help.down', keys: ['down', 'j'], scope: 'help', help: 'Scroll help down', hint: 'scroll' },
  { id: 'help.up', keys: ['up', 'k'], scope: 'help', help: 'Scroll help up' },
  { id: 'help.pageDown', keys: ['pgdn', 'space'], scope: 'help', help: 'Next page of help' },
  { id: 'help.pageUp', keys: ['pgup'], scope: 'help', help: 'Previous page of help' },
  { id: 'back', keys: ['esc'], scope: 'global', help: 'Back / close', hint: 'back' },
  { id: 'status.show', keys: ['!'], scope: 'global', help: 'Show the last status message whole (long errors are cut in the status line)' },
  { id: 'help', keys: ['?'], scope: 'global', help: 'Show every key', hint: 'help' },
  {
    id: 'quit',
    keys: ['q', 'ctrl+c'],
    scope: 'global',
    help: 'Quit; in a view (detail pane, full-screen pane) q leaves it first; Ctrl+C always quits',
    hint: 'quit',
    always: ['ctrl+c'],
  },
  { id: 'redraw', keys: ['ctrl+l'], scope: 'global', help: 'Redraw the screen (after another program wrote over it)' },
  { id: 'suspend', keys: ['ctrl+z'], scope: 'global', help: 'Suspend dtui to the shell (fg brings it back)', always: ['ctrl+z'] },
] as const satisfies readonly KeyAction[];

/** The keymap as data: one entry per action (help, hints, the README table come from it). */
export const KEYMAP: readonly KeyAction[] = BINDINGS;

/** Every action id the keymap binds: a handler table keyed by it must be complete. */
export type ActionId = (typeof BINDINGS)[number]['id'];
/** The ids of the actions in one scope, e.g. ScopedActionId<'volumes'>. */
export type ScopedActionId<S extends string> = Extract<(typeof BINDINGS)[number], { scope: S }>['id'];
/** The ids of a scope that its own kind handles: those without an `owner`. */
export type OwnActionId<S extends string> = Exclude<Extract<(typeof BINDINGS)[number], { scope: S }>, { owner: string }>['id'];
/** The ids a kind handles on other kinds' panes (`owner: K`). */
export type ContributedActionId<K extends string> = Extract<(typeof BINDINGS)[number], { owner: K }>['id'];

export const SCOPE_TITLES: Record<Scope, string> = {
  global: 'Everywhere',
  list: 'Lists',
  containers: 'Containers',
  images: 'Images',
  volumes: 'Volumes',
  networks: 'Networks',
  projects: 'Compose projects',
  services: 'Swarm services',
  tasks: 'Swarm tasks',
  nodes: 'Swarm nodes',
  engine: 'Engine',
  engines: 'Engines (0)',
  fleet: 'Fleet (f in Engines)',
  overlay: 'Text views (history, inspect)',
  detail: 'Detail pane (Logs, Top, Stats, Inspect)',
  filter: 'While typing a filter',
  dialog: 'Confirm dialogs',
  form: 'Forms and prompts',
  transfer: 'Pull/push progress',
  search: 'Registry search results',
  help: 'Help',
};

/** The keymap without anything that changes engine state, for --read-only. */
export function activeKeymap(readOnly: boolean, keymap: readonly KeyAction[] = KEYMAP): readonly KeyAction[] {
  return readOnly ? keymap.filter((a) => !a.danger) : keymap;
}
