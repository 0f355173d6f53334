// The config file end to end: bin/dtui started with --config in a pty, against the real
// engine. Remapped keys act (and the hint bar and help name them), settings take effect,
// custom commands run locally, inside the container and not at all under --read-only,
// and a bad file is one line and exit status 2.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ENV, TEST_IMAGE, runTestContainer, testDocker, waitFor } from '../support/engine.js';
import { startCountingProxy } from '../support/counting-proxy.js';
import { filterTo, launchDtui } from '../support/dtui.js';
import { dtuiCommand, spawnTui, type TuiHarness } from '../support/pty-harness.js';
import { group, removeQuietly, SLEEPER, stateOf, waitSelected, waitState } from '../support/core-e2e.js';

const docker = testDocker();
const created: string[] = [];
const dir = mkdtempSync(join(tmpdir(), 'dtui-config-e2e-'));
afterAll(() => removeQuietly(docker, created));

function configFile(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

async function sleeper(name: string): Promise<string> {
  const id = await runTestContainer(docker, { name, cmd: SLEEPER });
  created.push(id);
  return id;
}

/** Runs `cmd` in the container and returns its stdout (the test's own look at the engine). */
async function execOut(id: string, cmd: string[]): Promise<string> {
  const exec = await docker.getContainer(id).exec({ Cmd: cmd, AttachStdout: true, AttachStderr: true });
  const stream = await exec.start({});
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  // Multiplexed frames: 8-byte headers before each payload.
  const all = Buffer.concat(chunks);
  let out = '';
  for (let i = 0; i + 8 <= all.length;) {
    const size = all.readUInt32BE(i + 4);
    out += all.subarray(i + 8, i + 8 + size).toString('utf8');
    i += 8 + size;
  }
  return out;
}

describe('config file', () => {
  it('a bad file: one line naming file, line, column and what was expected; exit 2, no stack trace', async () => {
    const path = configFile('bad.yml', 'settings:\n  topRefresh: fast\n');
    const tui = spawnTui({ ...dtuiCommand(['--config', path]), waitForRawMode: false });
    expect((await tui.exited).exitCode).toBe(2);
    const lines = tui
      .raw()
      .split(/\r?\n/)
      .filter((l) => l.trim() !== '');
    expect(lines).toEqual([`dtui: config ${path}:2:15: settings.topRefresh: expected a number of seconds, got "fast"`]);
    expect(tui.raw()).not.toContain('\x1b[?1049h');
  });

  it('a key conflict is refused at start, naming both actions', async () => {
    const path = configFile('conflict.yml', 'keys:\n  containers:\n    container.stop: q\n');
    const tui = spawnTui({ ...dtuiCommand(['--config', path]), waitForRawMode: false });
    expect((await tui.exited).exitCode).toBe(2);
    expect(tui.raw()).toContain(
      `dtui: config ${path}:3:21: keys.containers.container.stop: key q of container.stop (Containers) is also the key of quit (Everywhere)`,
    );
  });

  it('remapped keys act end to end and every hint names them; settings start on Images and ask before stop', async () => {
    const g = group();
    const name = `${g}-remap`;
    const id = await sleeper(name);
    const path = configFile(
      'remap.yml',
      [
        'settings:',
        '  defaultPane: images',
        '  confirmStop: true',
        'keys:',
        '  containers:',
        '    container.stop: x',
        '  global:',
        '    pane.containers: [1, "~"]',
        '',
      ].join('\n'),
    );
    const tui = await launchDtui({ args: ['--config', path] });
    try {
      // defaultPane: images — the hint bar shows the Images pane's keys.
      await tui.waitForText('h history');
      await tui.press('~');
      await filterTo(tui, g);
      await waitSelected(tui, name);
      await tui.waitForText('x stop');
      expect(tui.screen()).not.toContain('s stop');
      // The old key does nothing now; the new one asks (confirmStop), then stops.
      await tui.press('x');
      await tui.waitForText(`Stop container ${name}? y/N`);
      await tui.press('y');
      await waitState(docker, id, 'exited');
      expect(await stateOf(docker, id)).toBe('exited');
      await tui.press('?');
      await tui.waitForScreen((s) => /x\s+Stop the selected container/.test(s));
    } finally {
      await tui.kill();
    }
  });

  it('custom commands: local writes the selected id to a file, exec runs inside the container', async () => {
    const g = group();
    const name = `${g}-cmd`;
    const id = await sleeper(name);
    const out = join(dir, `${g}-id.txt`);
    const path = configFile(
      'commands.yml',
      [
        'commands:',
        '  - name: id to file',
        '    key: W',
        '    scope: containers',
        `    command: [sh, -c, 'printf %s "$1" > "$2"', sh, "{{.ID}}", ${JSON.stringify(out)}]`,
        '  - name: mark inside',
        '    key: Y',
        '    scope: containers',
        '    run: exec',
        '    command: [sh, -c, "echo {{.Name}} > /tmp/made-by-dtui; exit 3"]',
        '',
      ].join('\n'),
    );
    const tui = await launchDtui({ args: ['--config', path] });
    try {
      await filterTo(tui, g);
      await waitSelected(tui, name);
      await tui.press('W');
      await tui.waitForText('id to file exited with code 0', { timeout: 15_000 });
      expect(readFileSync(out, 'utf8')).toBe(id);
      await tui.press('Y');
      await tui.waitForText(`mark inside in ${name} exited with code 3`, { timeout: 15_000 });
      expect((await execOut(id, ['cat', '/tmp/made-by-dtui'])).trim()).toBe(name);
      // Listed in help under their scope.
      await tui.press('?');
      await tui.waitForText('Keys — Esc');
      const listed = /W\s+id to file \(custom command: local\)/;
      for (let page = 0; page < 6 && !listed.test(tui.screen()); page++) {
        const before = tui.screen();
        await tui.press('pgdn');
        await tui.waitForScreen((s) => s !== before);
      }
      expect(tui.screen()).toMatch(listed);
    } finally {
      await tui.kill();
    }
  });

  it("a custom command gets the environment dtui was started with, not the #! line's malloc tuning", async () => {
    const g = group();
    const name = `${g}-env`;
    await sleeper(name);
    const out = join(dir, `${g}-env.txt`);
    const path = configFile(
      'env.yml',
      ['commands:', '  - name: env to file', '    key: W', '    scope: containers', `    command: [sh, -c, 'env > "$1"', sh, ${JSON.stringify(out)}]`, ''].join(
        '\n',
      ),
    );
    const tui = await launchDtui({ args: ['--config', path] });
    try {
      // dtui itself started with them (glibc reads them at start)…
      const own = readFileSync(`/proc/${tui.pid}/environ`, 'utf8').split('\0');
      expect(own).toEqual(expect.arrayContaining(['MALLOC_ARENA_MAX=1', 'MALLOC_TRIM_THRESHOLD_=131072', 'MALLOC_MMAP_THRESHOLD_=262144']));
      await filterTo(tui, g);
      await waitSelected(tui, name);
      await tui.press('W');
      await tui.waitForText('env to file exited with code 0', { timeout: 15_000 });
      // …and what it starts does not inherit them.
      const env = readFileSync(out, 'utf8');
      expect(env).toMatch(/^DOCKER_HOST=/m);
      expect(env).not.toMatch(/^MALLOC_/m);
    } finally {
      await tui.kill();
    }
  });

  it('a custom command on 2 marked containers: one confirmation lists both, it runs once for each, each output and exit code stays until a key', async () => {
    const g = group();
    const ids = [await sleeper(`${g}-a`), await sleeper(`${g}-b`), await sleeper(`${g}-c`)];
    const out = join(dir, `${g}-ids.txt`);
    // Appends the id (the engine-side record), prints a line naming the container, and
    // exits 3 for -b: two runs, two outputs, two exit codes to read after each ends.
    const script = 'printf "%s\\n" "$1" >> "$2"; echo "output of $3"; case "$3" in *-b) exit 3;; esac';
    const path = configFile(
      'marked-commands.yml',
      [
        'commands:',
        '  - name: append id',
        '    key: W',
        '    scope: containers',
        `    command: [sh, -c, '${script}', sh, "{{.ID}}", ${JSON.stringify(out)}, "{{.Name}}"]`,
        '',
      ].join('\n'),
    );
    const tui = await launchDtui({ args: ['--config', path] });
    try {
      await markAAndB(tui, g);
      await tui.waitForText('· 2 marked');
      await tui.press('W');
      const dialog = await tui.waitForText('Run append id on 2 marked containers (here, one after another)? y/N');
      expect(dialog).toContain(`${g}-a: sh -c`);
      expect(dialog).toContain(`${g}-b: sh -c`);
      expect(dialog).not.toContain(`${g}-c: sh -c`);
      expect(existsSync(out)).toBe(false);
      await tui.press('y');
      const code = (name: string) => (name.endsWith('-b') ? 3 : 0);
      // The first run has ended: its output and exit code stay on screen, the next waits for a key.
      const first = await tui.waitForText(/(\S+-[ab]) exited with code (\d) \(1 of 2\) — press any key to go on to (\S+-[ab])/, { timeout: 20_000 });
      const [, one, oneCode, two] = /(\S+-[ab]) exited with code (\d) \(1 of 2\) — press any key to go on to (\S+-[ab])/.exec(first)!;
      expect([one, two].sort()).toEqual([`${g}-a`, `${g}-b`]);
      expect(Number(oneCode)).toBe(code(one!));
      expect(first).toContain(`output of ${one}`);
      expect(readFileSync(out, 'utf8').split('\n').filter(Boolean)).toHaveLength(1);
      await tui.press('space');
      const second = await tui.waitForText(`${two} exited with code ${code(two!)} (2 of 2) — press any key to return to dtui`, { timeout: 20_000 });
      expect(second).toContain(`output of ${two}`);
      expect(second).not.toContain(`output of ${one}`);
      expect(readFileSync(out, 'utf8').split('\n').filter(Boolean).sort()).toEqual([ids[0], ids[1]].sort());
      await tui.press('space');
      await tui.waitForText(`append id ran on 2 of 2; ${g}-b exited with code 3`, { timeout: 20_000 });
      // Done: the marks are cleared, so a second W acts on the selected row alone.
      await tui.waitForScreen((s) => !s.includes('marked'));
    } finally {
      await tui.kill();
    }
  });

  it('an exec command on 2 marked containers: the output of each (read inside it) and exit code stay until a key', async () => {
    const g = group();
    const ids = [await sleeper(`${g}-a`), await sleeper(`${g}-b`)];
    const path = configFile(
      'marked-exec.yml',
      [
        'commands:',
        '  - name: where',
        '    key: W',
        '    scope: containers',
        '    run: exec',
        `    command: [sh, -c, 'echo "inside $(hostname)"; exit 4']`,
        '',
      ].join('\n'),
    );
    const tui = await launchDtui({ args: ['--config', path] });
    try {
      await markAAndB(tui, g);
      await tui.press('W');
      await tui.waitForText('Run where on 2 marked containers (inside each, one after another)? y/N');
      await tui.press('y');
      // The hostname is the container's short id: the output comes from inside each one.
      const shown: string[] = [];
      for (const step of [1, 2]) {
        const pattern = new RegExp(`(${g}-[ab]) exited with code 4 \\(${step} of 2\\) — press any key to (go on to ${g}-[ab]|return to dtui)`);
        const screen = await tui.waitForText(pattern, { timeout: 20_000 });
        const name = pattern.exec(screen)![1]!;
        expect(screen).toContain(`inside ${ids[name.endsWith('-a') ? 0 : 1]!.slice(0, 12)}`);
        shown.push(name);
        await tui.press('space');
      }
      expect(shown.sort()).toEqual([`${g}-a`, `${g}-b`]);
      await tui.waitForText(/where ran on 2 of 2; \S+-[ab] exited with code 4; \S+-[ab] exited with code 4/, { timeout: 20_000 });
    } finally {
      await tui.kill();
    }
  });

  it('--print-config prints what dtui config print prints (named in --help)', () => {
    const path = configFile('print.yml', 'settings:\n  topRefresh: 5\n');
    const run = (args: string[]) => execFileSync('bin/dtui', args, { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
    const printed = run(['--print-config', '--config', path]);
    expect(printed).toContain('topRefresh: 5');
    expect(printed).toBe(run(['config', 'print', '--config', path]));
    expect(run(['--help'])).toMatch(/--print-config\s+print the effective config and exit/);
  });

  it('settings: statsColumns false leaves out CPU% and MEM and reads no stats for the list; dateFormat absolute dates CREATED', async () => {
    const g = group();
    const name = `${g}-st`;
    const id = await sleeper(name);
    const proxy = await startCountingProxy(join(dir, `${g}.sock`), (process.env[ENV.dockerHost] ?? '').replace(/^unix:\/\//, ''));
    const path = configFile('settings-look.yml', ['settings:', '  statsColumns: false', '  dateFormat: absolute', ''].join('\n'));
    const tui = await launchDtui({ args: ['--config', path], env: { DOCKER_HOST: proxy.host } });
    try {
      await filterTo(tui, g);
      await waitSelected(tui, name);
      const header = tui
        .screen()
        .split('\n')
        .find((l) => /NAME\s+IMAGE\s+STATE/.test(l));
      expect(header).toMatch(/STATE\s+STATUS/);
      expect(header).not.toMatch(/CPU%|MEM/);
      // The log stream opens after the list's first frame told the sampler what is on screen:
      // by then a stats read would have started (new rows are read at once).
      await waitFor(() => proxy.requests().some((r) => r.includes(`/containers/${id}/logs`)), { message: 'the log of the selected container' });
      expect(proxy.requests().filter((r) => r.includes('/stats'))).toEqual([]);
      // The Stats tab still reads them, on demand: the proxy does see stats requests.
      await tui.press('m');
      await waitFor(() => proxy.requests().some((r) => r.includes(`/containers/${id}/stats`)), { message: 'the Stats tab to read stats' });

      // dateFormat: absolute — the Images list's CREATED is the local date and time, no age.
      const created = new Date((await docker.getImage(TEST_IMAGE).inspect()).Created);
      const two = (n: number) => String(n).padStart(2, '0');
      const local = `${created.getFullYear()}-${two(created.getMonth() + 1)}-${two(created.getDate())} ${two(created.getHours())}:${two(created.getMinutes())}`;
      await tui.press('2');
      const images = await tui.waitForText(new RegExp(`${TEST_IMAGE.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s+\\S+\\s+\\S+\\s+${local}`));
      expect(images).not.toMatch(/REPOSITORY[^\n]*\n[^\n]*ago/);
    } finally {
      await tui.kill();
      await proxy.close();
    }
  });

  it('--read-only drops a dangerous custom command and says so', async () => {
    const g = group();
    const name = `${g}-ro`;
    await sleeper(name);
    const out = join(dir, `${g}-danger.txt`);
    const path = configFile(
      'danger.yml',
      ['commands:', '  - name: wipe', '    key: W', '    scope: containers', '    dangerous: true', `    command: [touch, ${JSON.stringify(out)}]`, ''].join(
        '\n',
      ),
    );
    const tui = await launchDtui({ args: ['--config', path, '--read-only'] });
    try {
      await filterTo(tui, g);
      await waitSelected(tui, name);
      await tui.press('W');
      await tui.waitForText('Read-only mode: dtui will not run wipe. Nothing was changed.');
      expect(existsSync(out)).toBe(false);
    } finally {
      await tui.kill();
    }
  });
});

/** Marks the containers `<g>-a` and `<g>-b` one by one, then shows the whole group again. */
async function markAAndB(tui: TuiHarness, g: string): Promise<void> {
  for (const n of ['a', 'b']) {
    await filterTo(tui, `${g}-${n}`);
    await waitSelected(tui, `${g}-${n}`);
    await tui.press('space');
    await tui.waitForScreen((s) => s.includes(`│ * ${g}-${n}`));
  }
  await filterTo(tui, g);
}
