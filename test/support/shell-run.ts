// Runs bin/dtui inside a job-control shell on a pty, recording the terminal settings
// (`stty -g`) before and after, so a test can compare them and signal dtui itself.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ENV } from './engine.js';
import { spawnTui, type SpawnTuiOptions, type TuiHarness } from './pty-harness.js';
import { waitFor } from './wait.js';

export interface ShellRun {
  tui: TuiHarness;
  dir: string;
  /** dtui's pid (a child of the shell). */
  dtuiPid: number;
  read(name: 'before' | 'after' | 'code' | 'suspended'): string;
  has(name: string): boolean;
  /** Kills the shell (and dtui, if still there) and removes the temp dir. */
  dispose(): Promise<void>;
}

/**
 * The script: stty -g > before; dtui; [if it stopped: stty -g > suspended, wait for a
 * line, fg]; echo $? > code; stty -g > after. `set -m` gives dtui its own process group
 * whose parent (the shell) is in the same session, so SIGTSTP really stops it (a stop
 * signal to an orphaned process group is discarded by the kernel).
 */
export async function runDtuiInShell(
  opts: { args?: string[]; env?: Record<string, string | undefined>; modeReports?: SpawnTuiOptions['modeReports'] } = {},
): Promise<ShellRun> {
  const dir = mkdtempSync(join(tmpdir(), 'dtui-sh-'));
  const args = (opts.args ?? []).map((a) => `'${a.replace(/'/g, `'\\''`)}'`).join(' ');
  const script = [
    'set -m',
    `stty -g > ${dir}/before`,
    `${process.execPath} bin/dtui ${args}`,
    'code=$?',
    // 148 = 128 + SIGTSTP: the job stopped.
    `if [ $code = 148 ]; then stty -g > ${dir}/suspended; echo SHELL-SEES-SUSPEND; read -r go; fg; code=$?; fi`,
    `echo $code > ${dir}/code`,
    `stty -g > ${dir}/after`,
    'echo SHELL-DONE',
    'sleep 60',
  ].join('\n');
  const host = process.env[ENV.dockerHost];
  const tui = spawnTui({
    command: '/bin/bash',
    args: ['-c', script],
    env: { DOCKER_HOST: host, DOCKER_TLS_VERIFY: undefined, DOCKER_CERT_PATH: undefined, ...opts.env },
    waitForRawMode: false,
    modeReports: opts.modeReports,
  });
  let dtuiPid = 0;
  await waitFor(
    () => {
      const children = readChildren(tui.pid);
      // argv[0] must be node itself: a just-forked shell child (about to exec stty or node)
      // still shows the shell's command line, which mentions bin/dtui too.
      dtuiPid = children.find((pid) => cmdline(pid).startsWith(`${process.execPath} bin/dtui`)) ?? 0;
      return dtuiPid > 0;
    },
    { message: 'dtui to start under the shell' },
  );
  return {
    tui,
    dir,
    dtuiPid,
    read: (name) => readFileSync(join(dir, name), 'utf8').trim(),
    has: (name) => existsSync(join(dir, name)),
    async dispose() {
      if (alive(dtuiPid)) process.kill(dtuiPid, 'SIGKILL');
      await tui.kill('SIGKILL');
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

function readChildren(pid: number): number[] {
  try {
    return readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number);
  } catch {
    return [];
  }
}

function cmdline(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ');
  } catch {
    return '';
  }
}

/** True while the process exists and is not a zombie. */
export function alive(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const state = stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3);
    return state !== 'Z' && state !== 'X';
  } catch {
    return false;
  }
}

/** The process state letter from /proc (R, S, T = stopped, …). */
export function procState(pid: number): string {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3);
  } catch {
    return '';
  }
}
