// Launching the real bin/dtui against the test engine, as a person would in a terminal.
import { ENV } from './engine.js';
import { dtuiCommand, spawnTui, type SpawnTuiOptions, type TuiHarness } from './pty-harness.js';

export interface LaunchOptions extends Omit<SpawnTuiOptions, 'args'> {
  /** Extra dtui arguments. */
  args?: string[];
  /** Wait for this text before returning (default: the Containers title). */
  ready?: string | RegExp | false;
}

/** Starts bin/dtui in a pty at 160×45 against DTUI_TEST_DOCKER_HOST. */
export async function launchDtui(opts: LaunchOptions = {}): Promise<TuiHarness> {
  const host = process.env[ENV.dockerHost];
  if (!host) throw new Error(`${ENV.dockerHost} is not set: the vitest global setup should have set it`);
  const tui = spawnTui({
    ...opts,
    ...dtuiCommand(opts.args),
    env: { DOCKER_HOST: host, DOCKER_TLS_VERIFY: undefined, DOCKER_CERT_PATH: undefined, ...opts.env },
  });
  if (opts.ready !== false) {
    try {
      await tui.waitForText(opts.ready ?? /\[1\] Containers \(\d+/, { timeout: 15_000 });
    } catch (err) {
      await tui.kill('SIGKILL').catch(() => undefined);
      throw err;
    }
  }
  return tui;
}

/** Narrows the Containers list to one name so other test files' containers do not interfere. */
export async function filterTo(tui: TuiHarness, text: string): Promise<void> {
  await tui.press('/');
  await tui.type(text);
  await tui.press('enter');
  await tui.waitForText(`/${text}`);
}
