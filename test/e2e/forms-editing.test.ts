// Issue 15, forms: a field edits anywhere (the cursor moves, text goes in at it), env values
// with spaces and commas survive quoting, -v /data makes an anonymous volume, port ranges are
// published, saving over a file asks first, ~ is home in file prompts, since takes a Unix time.
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runTestContainer, testDocker, uniqueName, waitFor } from '../support/engine.js';
import { launchDtui } from '../support/dtui.js';
import type { TuiHarness } from '../support/pty-harness.js';

describe('forms (issue 15)', () => {
  const docker = testDocker();
  const prefix = uniqueName('forms');
  const names: string[] = [];
  const home = mkdtempSync(join(tmpdir(), 'dtui-forms-home-'));
  let tui: TuiHarness | undefined;

  afterAll(async () => {
    await tui?.kill('SIGKILL').catch(() => undefined);
    // Containers made through the form carry no test label: remove them (and their anonymous volumes) by name.
    await Promise.all(
      names.map((n) =>
        docker
          .getContainer(n)
          .remove({ force: true, v: true })
          .catch(() => undefined),
      ),
    );
    rmSync(home, { recursive: true, force: true });
  });

  it('edits in the middle of a field and runs with quoted env, -v /data and a port range', async () => {
    const name = `${prefix}-run`;
    names.push(name);
    tui = await launchDtui();
    await tui.press('2', '/');
    await tui.type('dtui-test/busybox');
    await tui.press('enter');
    await tui.waitForText('Image dtui-test/busybox:latest');
    await tui.press('n');
    await tui.waitForText('Run a container from dtui-test/busybox:latest');
    // Name, typed with a letter missing in the middle, fixed with ←, Home, → and Delete.
    await tui.press('tab');
    await tui.type(`X${name.slice(0, 3)}${name.slice(4)}`);
    await tui.press('home', '\x1b[3~'); // Delete at the start removes the stray X
    for (let i = 0; i < 3; i++) await tui.press('right');
    await tui.type(name[3]!);
    await tui.press('end');
    await tui.press('tab');
    await tui.type('sleep 300');
    // -it off, --rm off, -d on.
    await tui.press('tab', 'space', 'tab', 'space', 'tab', 'space');
    // Env: the middle entry is inserted after the fact, before C.
    await tui.press('tab');
    await tui.waitForText('quote one that holds either');
    await tui.type(`A=1 C='x,y'`);
    for (let i = 0; i < `C='x,y'`.length; i++) await tui.press('left');
    await tui.type(`"B=hello world" `);
    await tui.waitForText(`A=1 "B=hello world" C='x,y'`);
    await tui.press('tab');
    await tui.type('18080-18081:80-81');
    await tui.press('tab');
    await tui.type('/data');
    await tui.press('enter');
    await tui.waitForText(`Started ${name} (detached)`);

    const info = await docker.getContainer(name).inspect();
    expect(info.Config.Env).toEqual(expect.arrayContaining(['A=1', 'B=hello world', 'C=x,y']));
    expect(info.Config.Cmd).toEqual(['sleep', '300']);
    expect(info.HostConfig.PortBindings).toEqual({
      '80/tcp': [{ HostIp: '', HostPort: '18080' }],
      '81/tcp': [{ HostIp: '', HostPort: '18081' }],
    });
    const mount = info.Mounts.find((m) => m.Destination === '/data');
    expect(mount?.Type).toBe('volume');
    expect(mount?.Name).toMatch(/^[0-9a-f]{64}$/);
  }, 60_000);

  it('names an engine-chosen container by its name in the run status', async () => {
    tui ??= await launchDtui();
    await tui.press('esc', '2', '/');
    await tui.type('dtui-test/busybox');
    await tui.press('enter');
    await tui.waitForText('Image dtui-test/busybox:latest');
    await tui.press('n');
    await tui.waitForText('Run a container from dtui-test/busybox:latest');
    await tui.press('tab', 'tab');
    await tui.type('sleep 300');
    await tui.press('tab', 'space', 'tab', 'tab', 'space', 'enter');
    const screen = await tui.waitForText(/Started (\S+) \(detached\)/);
    const shown = /Started (\S+) \(detached\)/.exec(screen)![1]!;
    names.push(shown);
    // The engine knows it by that name (an id would not be a name: inspect by name works).
    const info = await docker.getContainer(shown).inspect();
    expect(info.Name).toBe(`/${shown}`);
    expect(shown).not.toMatch(/^[0-9a-f]{12}$/);
  }, 60_000);

  it('expands ~ in the image save prompt, and asks before overwriting; only y overwrites', async () => {
    await tui?.kill('SIGKILL').catch(() => undefined);
    tui = await launchDtui({ env: { HOME: home } });
    await tui.press('2', '/');
    await tui.type('dtui-test/busybox');
    await tui.press('enter');
    await tui.waitForText('Image dtui-test/busybox:latest');
    const path = join(home, 'saved.tar');
    writeFileSync(path, 'keep me');
    await tui.press('x', '\x15');
    await tui.type('~/saved.tar');
    await tui.press('enter');
    await tui.waitForText(`${path} already exists — overwrite? y/N`);
    await tui.press('n');
    await tui.waitForText('Not overwritten: nothing was written');
    expect(readFileSync(path, 'utf8')).toBe('keep me');
    // Enter asks again; this time y.
    await tui.press('enter');
    await tui.waitForText(`${path} already exists — overwrite? y/N`);
    await tui.press('y');
    await tui.waitForText(/Saved dtui-test\/busybox:latest to .*saved\.tar \(\d/);
    expect(statSync(path).size).toBeGreaterThan(1000);
    expect(readFileSync(path).includes('manifest.json')).toBe(true);

    // A new name under ~ is written without a question.
    await tui.press('x', '\x15');
    await tui.type('~/fresh.tar');
    await tui.press('enter');
    await tui.waitForText(/Saved dtui-test\/busybox:latest to .*fresh\.tar \(\d/);
    expect(existsSync(join(home, 'fresh.tar'))).toBe(true);
  }, 90_000);

  it('filters the log by a Unix timestamp as since', async () => {
    await tui?.kill('SIGKILL').catch(() => undefined);
    const name = `${prefix}-log`;
    names.push(name);
    const id = await runTestContainer(docker, { name, cmd: ['sh', '-c', 'echo early-line; sleep 3; echo late-line; sleep 300'] });
    const logs = async () => (await docker.getContainer(id).logs({ stdout: true, stderr: true, timestamps: true })).toString();
    await waitFor(async () => (await logs()).includes('late-line'), { timeout: 15_000, message: 'the late line' });
    // The timestamp of the late line, as a Unix time with a fraction: the early line is older.
    const stamp = /(\d{4}-\d\d-\d\dT[\d:.]+Z) late-line/.exec(await logs())![1]!;
    const since = (Date.parse(stamp) / 1000 - 0.5).toFixed(3);
    tui = await launchDtui();
    await tui.press('/');
    await tui.type(name);
    await tui.press('enter');
    await tui.waitForText(name);
    await tui.press('l');
    await tui.waitForText('late-line');
    expect(tui.screen()).toContain('early-line');
    await tui.press('@');
    await tui.waitForText('Only lines since');
    await tui.type(since);
    await tui.press('enter');
    await tui.waitForScreen((s) => s.includes('late-line') && !s.includes('early-line'), { timeout: 15_000 });
  }, 90_000);
});
