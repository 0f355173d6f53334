// The Logs tab against the real engine: search with n/N, a regex filter, timestamps,
// saving (byte-identical to the engine's own log) and a restart without duplicates or gaps.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runTestContainer, TEST_IMAGE, TEST_LABELS, testDocker, uniqueName, waitFor } from '../support/engine.js';
import { filterTo, launchDtui } from '../support/dtui.js';
import type { TuiHarness } from '../support/pty-harness.js';
import { onPodman } from '../support/podman.js';

/** The engine's log bytes, demultiplexed here independently of dtui's code. */
function demux(body: Buffer): Buffer {
  const out: Buffer[] = [];
  for (let at = 0; at + 8 <= body.length;) {
    const size = body.readUInt32BE(at + 4);
    out.push(body.subarray(at + 8, at + 8 + size));
    at += 8 + size;
  }
  return Buffer.concat(out);
}

describe('logs view', () => {
  const docker = testDocker();
  const ids: string[] = [];
  let tui: TuiHarness | undefined;
  afterAll(async () => {
    await tui?.kill('SIGKILL').catch(() => undefined);
    await Promise.all(
      ids.map((id) =>
        docker
          .getContainer(id)
          .remove({ force: true })
          .catch(() => undefined),
      ),
    );
  });

  async function openLogs(name: string, cmd: string, args: string[] = [], tty = false): Promise<{ id: string; tui: TuiHarness }> {
    const id = await runTestContainer(docker, { name, cmd: ['sh', '-c', cmd], tty });
    ids.push(id);
    tui = await launchDtui({ args });
    await filterTo(tui, name);
    await tui.waitForText(/\(1\/\d+\)/);
    await tui.press('l');
    return { id, tui };
  }

  it('searches with n/N, filters by regex, marks stderr and shows timestamps', async () => {
    const name = uniqueName('logs-search');
    const { tui } = await openLogs(name, 'for i in $(seq 1 300); do echo "line-$i alpha"; echo "err-$i" >&2; done; sleep 3600');
    await tui.waitForText('600 lines');

    await tui.press('/');
    await tui.waitForText('Search the log');
    await tui.type('line-42 alpha');
    await tui.press('enter');
    // Jumped back to the match and paused there; the status counts matches.
    let screen = await tui.waitForScreen((s) => s.includes('"line-42 alpha" 1/1 match ') && /paused at line/.test(s) && !s.includes('Search the log'));
    expect(screen).toMatch(/│\s+line-42 alpha\s+│/);
    expect(screen).not.toContain('line-300 alpha');

    await tui.press('n');
    await tui.waitForText('no other match');
    await tui.press('end');
    await tui.waitForText(/following ·/);

    await tui.press('&');
    await tui.waitForText('Show only matching lines');
    await tui.type('^ERR-1[0-9]$');
    await tui.press('enter');
    screen = await tui.waitForText(/& \/\^ERR-1\[0-9\]\$\/i 10 shown/);
    for (let i = 10; i <= 19; i++) expect(screen).toContain(`err-${i}`);
    expect(screen).not.toMatch(/│\s+line-\d+ alpha/);
    // stderr lines carry the gutter mark.
    expect(screen).toMatch(/▌err-19/);

    await tui.press('T');
    await tui.waitForText(/▌\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{3} err-19/);
    // Case-sensitive now: nothing matches the upper-case pattern.
    await tui.press('&');
    await tui.waitForText('Show only matching lines');
    await tui.press('tab', 'space', 'enter');
    await tui.waitForText('No line matches the filter');
    await tui.kill();
  });

  it('saves exactly what the engine prints for the same range, with and without timestamps', async () => {
    const name = uniqueName('logs-save');
    // stdout and stderr reach the engine's log through separate copiers that drift apart
    // under load, so which lines end the log varies: wait for the container to end (its log
    // is then complete), and compare with the engine rather than expect particular last lines.
    const { id, tui } = await openLogs(name, 'for i in $(seq 1 1500); do echo "out-$i ✓ tab\there"; echo "err-$i" >&2; done; printf "no newline"');
    await tui.waitForText(/end of log · the container is not running · 1,000 lines/, { timeout: 20_000 });
    const dir = mkdtempSync(join(tmpdir(), 'dtui-save-'));
    const save = async (file: string) => {
      await tui.press('o');
      await tui.waitForText(`Save the log of ${name}`);
      await tui.press('\x15'); // Ctrl+U clears the field
      await tui.type(join(dir, file));
      await tui.press('enter');
      await tui.waitForText(`log to ${join(dir, file)}`);
    };
    await save('plain.log');
    const engine = demux(await docker.getContainer(id).logs({ stdout: true, stderr: true, follow: false, tail: 1000 }));
    expect(readFileSync(join(dir, 'plain.log')).equals(engine)).toBe(true);

    await tui.press('T');
    await save('stamped.log');
    const stamped = demux(await docker.getContainer(id).logs({ stdout: true, stderr: true, follow: false, tail: 1000, timestamps: true }));
    expect(readFileSync(join(dir, 'stamped.log')).equals(stamped)).toBe(true);

    // ] raises the tail to 10000: the whole log (3001 lines) is read again.
    await tui.press(']');
    await tui.waitForText(/3,001 lines/);
    // Saved again, the whole log holds both streams to their last line.
    await save('all.log');
    const all = demux(await docker.getContainer(id).logs({ stdout: true, stderr: true, follow: false, tail: 10_000, timestamps: true }));
    expect(readFileSync(join(dir, 'all.log')).equals(all)).toBe(true);
    for (const last of ['out-1500 ✓', 'err-1500', 'no newline']) expect(all.toString()).toContain(last);
    await tui.kill();
  });

  it('a restarted container continues the log without duplicates or gaps', async () => {
    const name = uniqueName('logs-restart');
    // The counter lives in the container's filesystem, so it survives the restart.
    const cmd = 'trap \'exit 0\' TERM; i=$(cat /tmp/n 2>/dev/null || echo 0); while :; do sleep 0.25; i=$((i+1)); echo "count-$i"; echo $i > /tmp/n; done';
    const { id, tui } = await openLogs(name, cmd);
    await tui.waitForText(/count-8\b/);
    const startedBefore = (await docker.getContainer(id).inspect()).State.StartedAt;
    await docker.getContainer(id).restart({ t: 5 });
    expect((await docker.getContainer(id).inspect()).State.StartedAt).not.toBe(startedBefore);
    const numbers = (s: string) => [...s.matchAll(/count-(\d+)/g)].map((m) => Number(m[1]));
    const screen = await tui.waitForScreen(
      (s) => {
        const n = numbers(s);
        return n.length > 0 && Math.max(...n) >= 20;
      },
      { timeout: 20_000 },
    );
    const seen = numbers(screen);
    // Consecutive, each once, across the restart (the screen window covers it).
    for (let i = 1; i < seen.length; i++) expect(seen[i]).toBe(seen[i - 1]! + 1);
    expect(Math.min(...seen)).toBeLessThanOrEqual(8);
    await tui.kill();
  });

  it('keeps --log-lines lines and counts the dropped ones; wraps long lines; since re-opens the log', async () => {
    const name = uniqueName('logs-bound');
    const long = 'x'.repeat(150);
    const { tui } = await openLogs(name, `for i in $(seq 1 300); do echo "n-$i"; done; echo "long-${long}-end"; sleep 3600`, ['--log-lines', '50']);
    await tui.waitForText('301 lines (251 dropped)');
    // Truncated: the end of the long line is not on screen; wrapped it is.
    expect(tui.screen()).not.toContain('x-end');
    await tui.press('w');
    await tui.waitForText('xxx-end');

    // Since a time in the future: nothing; a bad value is refused; since 1h: everything again.
    await tui.press('@');
    await tui.waitForText('Only lines since');
    await tui.type('yesterday');
    await tui.press('enter');
    await tui.waitForText('is neither a duration');
    await tui.press('\x15');
    await tui.type('2099-01-01T00:00:00Z');
    await tui.press('enter');
    await tui.waitForText('No log output yet');
    await tui.press('@');
    await tui.waitForText('Only lines since');
    await tui.press('\x15');
    await tui.type('1h');
    await tui.press('enter');
    await tui.waitForScreen((s) => s.includes('since 1h') && s.includes('301 lines (251 dropped)'));
    await tui.kill();
  });

  it("draws the container's own colours, and # turns them off", async () => {
    const name = uniqueName('logs-colour');
    const { tui } = await openLogs(name, "printf '\\033[31mRED-LINE\\033[0m and \\033]0;title\\007plain\\n'; sleep 3600");
    await tui.waitForText('RED-LINE and plain');
    expect(tui.raw()).toMatch(/\x1b\[31mRED-LINE/);
    // The OSC title sequence never reaches the terminal.
    expect(tui.raw()).not.toContain('\x1b]0;title');
    const mark = tui.raw().length;
    await tui.press('#');
    await tui.waitForText('no colour');
    // Frames drawn after `mark` but before the key was handled (the CPU%/MEM and age columns
    // redraw every second) still carry the colours; look from the frame that says "no colour"
    // on. Ink brackets each frame with the synchronized-output start \x1b[?2026h.
    const since = tui.raw().slice(mark);
    const after = since.slice(Math.max(0, since.lastIndexOf('\x1b[?2026h', since.indexOf('no colour'))));
    expect(after).toContain('RED-LINE');
    expect(after).not.toMatch(/\x1b\[31mRED-LINE/);
    await tui.kill();
  });

  it('draws lines like a terminal: a carriage-return progress line shows its last state, tabs reach 8-column stops', async () => {
    const name = uniqueName('logs-terminal');
    // Two lines of flags too long for the pane, one shifted by a cell: one of them is cut
    // where a flag would straddle the edge.
    const flags = '🇩🇪'.repeat(60);
    const cmd = `printf "fetch 10%%\\rfetch 50%%\\rfetch 100%% done\\n"; printf "a\\tb\\tc\\nlonger-name\\tx\\ty\\n"; printf "F${flags}\\nGg${flags}\\n"; sleep 3600`;
    const { id, tui } = await openLogs(name, cmd);
    const screen = await tui.waitForText('fetch 100% done');
    expect(screen).not.toMatch(/10%|50%/);
    // Tab stops at columns 8 and 16 of the line, whatever came before the tab.
    const rowOf = (text: string) => screen.split('\n').find((l) => l.includes(text))!;
    const abc = rowOf('a       b       c');
    const xy = rowOf('longer-name     x       y');
    // Both lines start in the pane's first text column, so their tab stops line up.
    expect(abc.indexOf('a       b       c')).toBe(xy.indexOf('longer-name     x       y'));
    // A flag (two regional indicators, one grapheme cluster) is never cut in half at the edge.
    for (const start of ['F🇩🇪', 'Gg🇩🇪']) {
      const row = rowOf(start);
      expect(row).toContain('…');
      const indicators = [...row].filter((c) => /\p{Regional_Indicator}/u.test(c)).length;
      expect(indicators % 2, row).toBe(0);
      expect(indicators).toBeGreaterThan(20);
    }
    // The engine holds the bytes as printed: the view, not the log, resolved them.
    const engine = demux(await docker.getContainer(id).logs({ stdout: true, stderr: true, follow: false }));
    expect(engine.toString()).toContain('fetch 10%\rfetch 50%\rfetch 100% done\n');
    expect(engine.toString()).toContain('a\tb\tc\n');
    await tui.kill();
  });

  it("strips the engine's stamps from a TTY log across a container restart, the first line after it included", async () => {
    const name = uniqueName('logs-tty-restart');
    // Each round leaves "waiting-N " without a newline until it ends: a stop in between leaves
    // it unterminated, and the restarted container's first line continues it.
    const cmd =
      'trap \'exit 0\' TERM; i=$(cat /tmp/n 2>/dev/null || echo 0); while :; do i=$((i+1)); echo $i > /tmp/n; echo "count-$i"; printf "waiting-$i "; sleep 1; printf "\\n"; done';
    const { id, tui } = await openLogs(name, cmd, [], true);
    await tui.waitForText(/count-5\b/);
    await docker.getContainer(id).restart({ t: 5 });
    // The engine's own log glues the next message's stamp into the unterminated line
    // (dockerd's in nanoseconds; Podman's, measured with 4.3.1, in whole seconds, and into
    // every "waiting-N " line, not only the one the restart cut)…
    const fraction = onPodman() ? '' : '\\.\\d+';
    const gluedIn = async () =>
      new RegExp(`waiting-(\\d+) \\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d${fraction}Z count-(\\d+)`).exec(
        (await docker.getContainer(id).logs({ stdout: true, stderr: true, follow: false, timestamps: true })).toString(),
      );
    await waitFor(async () => (await gluedIn()) !== null, { timeout: 15_000, message: 'the restarted container to continue the unterminated line' });
    const glued = await gluedIn();
    // …and the view, which resumed after the restart, shows the line without it.
    const joined = `waiting-${glued![1]} count-${glued![2]}`;
    const screen = await tui.waitForText(joined, { timeout: 20_000 });
    await tui.waitForText(new RegExp(`count-${Number(glued![2]) + 3}\\b`), { timeout: 20_000 });
    expect(screen).not.toMatch(/\d{4}-\d\d-\d\dT\d\d:\d\d/);
    expect(tui.screen()).not.toMatch(/\d{4}-\d\d-\d\dT\d\d:\d\d/);
    await tui.kill();
  });

  it('says in full that a container run with --log-driver none keeps no logs, and what to do instead', async () => {
    const name = uniqueName('logs-none');
    const container = await docker.createContainer({
      name,
      Image: TEST_IMAGE,
      Labels: TEST_LABELS,
      Cmd: ['sh', '-c', 'echo printed-but-not-kept; sleep 3600'],
      HostConfig: { LogConfig: { Type: 'none', Config: {} } },
    });
    ids.push(container.id);
    await container.start();
    // The engine really keeps nothing to read (Podman 4.3.1: 500 "… cannot read logs: this container is not logging output").
    await expect(container.logs({ stdout: true, stderr: true, follow: false })).rejects.toThrow(onPodman() ? /cannot read logs/ : /does not support reading/);
    tui = await launchDtui();
    await filterTo(tui, name);
    await tui.waitForText(/\(1\/\d+\)/);
    await tui.press('l');
    // The detail pane (right of the list) wraps the sentence: read its rows as one text.
    const prose = (s: string) =>
      s
        .split('\n')
        .map((row) => row.split('││')[1] ?? '')
        .join(' ')
        .replace(/[│╭╮╰╯─]/g, ' ')
        .replace(/\s+/g, ' ');
    const sentence =
      "This container's logging driver (none) keeps no logs, so there is nothing to show here. To watch its output as it is printed, attach to it: press a.";
    const screen = await tui.waitForScreen((s) => prose(s).includes(sentence));
    expect(screen).toContain('no logs: logging driver none');
    // Read where an error would show (the detail pane and the status lines), not the list: its
    // MEM column can read "501KiB".
    const raw = /\b501\b|does not support reading|cannot read logs|No log output yet/;
    expect(prose(screen)).not.toMatch(raw);
    expect(screen.split('\n').slice(-3).join('\n')).not.toMatch(raw);
    await tui.kill();
  });
});
