// Scenario 8: the same launch and idle figures through tmux, a real terminal emulator
// whose parsing and redraw differ from xterm-headless. tmux is where people leave dtui
// open all day, and its server pays for every byte dtui writes: its CPU is counted too.
//
// tmux is read by polling `capture-pane` (a process per look, ~3–6 ms), so launch times
// here are a few ms coarser than through node-pty; the baseline is measured the same way
// (node printing a line in the same pane), which cancels most of that.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { row, type BenchContext, type ResultRow } from '../common.js';
import { ensureSet, RUN200 } from '../fixtures.js';
import { cpuPercentSlices, pause, summarize } from '../measure.js';

const run = promisify(execFile);
const SCOPE = ['bench.set=run200'];
const ROWS_READY = (s: string) => /Containers \(200\)/.test(s) && /│ bench-run-\S+/.test(s);

class Tmux {
  readonly socket = `dtui-bench-${process.pid}`;
  constructor(private readonly log: (line: string) => void) {}

  tmux(...args: string[]): Promise<string> {
    return run('tmux', ['-L', this.socket, '-f', '/dev/null', ...args], { encoding: 'utf8' }).then((r) => r.stdout);
  }

  async start(): Promise<void> {
    await this.tmux('new-session', '-d', '-s', 'b', '-x', '160', '-y', '45', 'sleep 100000');
    await this.tmux('set-option', '-g', 'remain-on-exit', 'on');
    await this.tmux('set-option', '-g', 'status', 'off');
  }

  /** Replaces whatever runs in the pane with `command` (through sh, as tmux does). */
  respawn(command: string, env: Record<string, string>): Promise<string> {
    const envArgs = Object.entries(env).flatMap(([k, v]) => ['-e', `${k}=${v}`]);
    return this.tmux('respawn-pane', '-k', ...envArgs, '-t', 'b', command);
  }

  screen(): Promise<string> {
    return this.tmux('capture-pane', '-p', '-t', 'b');
  }

  async panePid(): Promise<number> {
    return Number((await this.tmux('display-message', '-p', '-t', 'b', '#{pane_pid}')).trim());
  }

  async serverPid(): Promise<number> {
    return Number((await this.tmux('display-message', '-p', '#{pid}')).trim());
  }

  /** ms from `t0` until the pane shows what `ready` wants (polled). */
  async waitFor(ready: (screen: string) => boolean, t0: number, timeoutMs = 30_000): Promise<number> {
    for (;;) {
      if (ready(await this.screen())) return performance.now() - t0;
      if (performance.now() - t0 > timeoutMs) throw new Error(`tmux pane never showed what was expected:\n${await this.screen()}`);
    }
  }

  async waitDead(): Promise<void> {
    for (let i = 0; i < 200; i++) {
      if ((await this.tmux('display-message', '-p', '-t', 'b', '#{pane_dead}')).trim() === '1') return;
      await pause(25);
    }
    this.log('tmux: the pane did not exit after q; killing it');
  }

  async stop(): Promise<void> {
    await this.tmux('kill-server').catch(() => undefined);
  }
}

export async function tmuxScenario(ctx: BenchContext): Promise<ResultRow[]> {
  await ensureSet(ctx.engine.docker, RUN200, ctx.log);
  ctx.proxy.scope = SCOPE;
  const tmux = new Tmux(ctx.log);
  await tmux.start();
  const env = { DOCKER_HOST: ctx.proxy.dockerHost, TERM: 'tmux-256color' };
  const repeats = ctx.quick ? 3 : 7;
  const launches: number[] = [];
  const nodes: number[] = [];
  try {
    for (let i = 0; i < repeats; i++) {
      let t0 = performance.now();
      // The baseline stays alive after its line: tmux 3.3a sometimes showed a pane whose
      // process had exited at once as dead with its output gone (seen by hand, no dtui run).
      await tmux.respawn(`exec ${process.execPath} -e "console.log('node-ready'); setTimeout(() => {}, 60000)"`, env);
      nodes.push(await tmux.waitFor((s) => s.includes('node-ready'), t0));
      t0 = performance.now();
      await tmux.respawn(`exec ${ctx.dtuiBin}`, env);
      launches.push(await tmux.waitFor(ROWS_READY, t0));
      await tmux.tmux('send-keys', '-t', 'b', 'q');
      await tmux.waitDead();
    }
    // Idle: dtui and the tmux server together, after the first samples of the visible rows.
    await tmux.respawn(`exec ${ctx.dtuiBin}`, env);
    await tmux.waitFor(ROWS_READY, performance.now());
    await pause(8000);
    const dtuiPid = await tmux.panePid();
    const serverPid = await tmux.serverPid();
    const seconds = ctx.quick ? 20 : 60;
    const slices = ctx.quick ? 4 : 6;
    ctx.log(`dtui idle in tmux (${seconds} s)`);
    const [dtuiCpu, serverCpu] = await Promise.all([cpuPercentSlices(() => [dtuiPid], seconds, slices), cpuPercentSlices(() => [serverPid], seconds, slices)]);
    await tmux.tmux('send-keys', '-t', 'b', 'q');
    await tmux.waitDead();
    const scenario = '8 through tmux, 200 containers';
    return [
      row(
        {
          scenario,
          figure: 'launch → rows on screen (tmux)',
          unit: 'ms',
          value: summarize(launches),
          stat: 'median',
          baseline: { name: 'node prints a line in the same pane', value: summarize(nodes) },
          target: '≤ 2.5× node',
        },
        (_v, ratio) => ratio !== undefined && ratio <= 2.5,
      ),
      row({ scenario, figure: 'dtui idle CPU (tmux)', unit: '% of a core', value: summarize(dtuiCpu), stat: 'median', target: '≤ 0.5 %' }, (v) => v <= 0.5),
      row(
        {
          scenario,
          figure: 'tmux server CPU while dtui idles',
          unit: '% of a core',
          value: summarize(serverCpu),
          stat: 'median',
          target: 'reported',
          note: 'what the terminal pays for what dtui redraws',
        },
        () => true,
      ),
    ];
  } finally {
    await tmux.stop();
  }
}
