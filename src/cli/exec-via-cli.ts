// --exec-via-cli: `docker exec -it` run by the docker CLI in a local pty, for people whose
// setup lives in the CLI (contexts, plugins, credential helpers). node-pty is loaded
// only when this is used; everything else talks to the Engine API directly.
import type { TerminalSession } from '../engine/api/terminal-session.js';
import { ptyCommand } from './pty-command.js';
import type { CliTarget } from './exec-via-cli-target.js';

export function execViaCli(containerId: string, cmd: readonly string[], size: { cols: number; rows: number }, target: CliTarget): Promise<TerminalSession> {
  return ptyCommand({
    file: 'docker',
    args: [...target.args, 'exec', '-it', containerId, ...cmd],
    size,
    env: target.env,
    cwd: process.cwd(),
    noPty: '--exec-via-cli needs node-pty (an optional dependency that did not install here); without the flag, exec uses the Engine API',
  });
}
