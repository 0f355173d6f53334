// Small helpers shared by the core-*.test.ts e2e files: short unique names (the NAME
// column is narrow, and a name must be readable on screen to be asserted), reading the
// selection off the screen, and engine-side state checks.
import { randomBytes } from 'node:crypto';
import type Docker from 'dockerode';
import type { TuiHarness } from './pty-harness.js';
import { TEST_IMAGE, runTestContainer, waitFor, type RunTestContainerOptions } from './engine.js';

/** A group prefix unique across workers and runs, short enough to show in full (7 chars). */
export function group(): string {
  return `g${randomBytes(3).toString('hex')}`;
}

/** Name of the container the detail pane shows, i.e. the selected one: the word after
 * the last tab in the pane's title (full tab names, or short ones when narrow). */
export function selectedName(tui: TuiHarness): string | undefined {
  const titled = /(?:Logs l|Log l|Top t|Stats m|Stat m|Inspect i|Insp i)\s+(\S+)\s+(?:running|paused|exited|created|restarting|dead|removing)\b/.exec(
    tui.screen(),
  )?.[1];
  // A narrow detail pane keeps its tab names and leaves the name to the list: the row the
  // list's cursor is on (drawn on a background of its own) then names it.
  return titled ?? /^│ (\S+)/.exec(selectedLine(tui))?.[1];
}

/** The line of the row the focused list's cursor is on ('' when none). */
export function selectedLine(tui: TuiHarness): string {
  const lines = tui.screen().split('\n');
  const y = lines.findIndex((line, i) => {
    const cell = tui.cells(i)[2];
    // A row inside a pane's frame (the header's current pane tab is highlighted too).
    return line.startsWith('│') && cell !== undefined && cell.char !== '─' && (cell.inverse || !cell.bgDefault);
  });
  return y >= 0 ? lines[y]! : '';
}

/** Waits until the detail pane (or, narrow, the list's cursor) names `name` as the selected container. */
export async function waitSelected(tui: TuiHarness, name: string): Promise<void> {
  await tui.waitForScreen(() => selectedName(tui) === name, { timeout: 5000 });
}

/** Names of the rows the Containers list shows, top to bottom, among those starting with `prefix`. */
export function listedNames(tui: TuiHarness, prefix: string): string[] {
  const re = new RegExp(`^│ (${prefix}\\S*)`);
  return tui
    .screen()
    .split('\n')
    .map((l) => re.exec(l)?.[1])
    .filter((n): n is string => n !== undefined);
}

export async function stateOf(docker: Docker, id: string): Promise<string | undefined> {
  try {
    return (await docker.getContainer(id).inspect()).State.Status;
  } catch (err) {
    if ((err as { statusCode?: number }).statusCode === 404) return undefined;
    throw err;
  }
}

export async function waitState(docker: Docker, id: string, want: string | undefined, timeout = 10_000): Promise<void> {
  await waitFor(async () => (await stateOf(docker, id)) === want, { timeout, message: `container ${id.slice(0, 12)} to be ${want ?? 'gone'}` });
}

/** Sleeps until stopped, and exits at once on SIGTERM (a bare `sleep` as PID 1 ignores
 * it, so every stop would take the engine's 10 s grace period). */
export const SLEEPER = ['sh', '-c', "trap 'exit 0' TERM; sleep 3600 & wait"];

/** Long-running containers named `${prefix}-${suffix}`; returns name → id. */
export async function runSleepers(
  docker: Docker,
  prefix: string,
  suffixes: string[],
  opts: Partial<RunTestContainerOptions> = {},
): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  for (const s of suffixes) {
    const name = `${prefix}-${s}`;
    ids.set(name, await runTestContainer(docker, { name, cmd: SLEEPER, ...opts }));
  }
  return ids;
}

/** Tags the shared test image under a unique extra name (never touch TEST_IMAGE itself). */
export async function extraTag(docker: Docker, repo: string, tag = 'v1'): Promise<string> {
  await docker.getImage(TEST_IMAGE).tag({ repo, tag });
  return `${repo}:${tag}`;
}

export async function removeQuietly(docker: Docker, ids: Iterable<string>): Promise<void> {
  await Promise.all(
    [...ids].map((id) =>
      docker
        .getContainer(id)
        .remove({ force: true, v: true })
        .catch(() => undefined),
    ),
  );
}

// The hint-bar readers live in hints.ts so the fake-engine UI tests can share them.
export { hintedPane, hintsOf } from './hints.js';
