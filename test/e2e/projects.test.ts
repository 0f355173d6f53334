// Compose projects (6) against a real project made by Debian's docker-compose 1.29 on the
// test engine: three services, two replicas of one. The pane groups them by their labels;
// merged logs interleave every replica's lines by time; restarting one service and
// stopping the project act on the engine; removing asks, naming every container;
// hand-labelled containers count too; --read-only binds none of the changing keys.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENV, TEST_IMAGE, runTestContainer, testDocker, uniqueName, waitFor } from '../support/engine.js';
import { removeQuietly } from '../support/core-e2e.js';
import { launchDtui } from '../support/dtui.js';
import { startCountingProxy } from '../support/counting-proxy.js';
import type { TuiHarness } from '../support/pty-harness.js';
import { timestampKey } from '../../src/engine/models/log-stamp.js';

const run = promisify(execFile);

/** Each line says who wrote it; "started <uuid>" once per start, so a restart is visible. TERM ends it at once. */
const loop = (what: string) =>
  `sh -c 'trap "exit 0" TERM; echo "${what} started $$(cat /proc/sys/kernel/random/uuid)"; i=0; while true; do i=$$((i+1)); echo "${what} line $$i"; sleep 0.3; done'`;

const COMPOSE_FILE = `version: "2.4"
services:
  web:
    image: ${TEST_IMAGE}
    command: ${loop('web $$HOSTNAME')}
    scale: 2
    network_mode: none
    labels: { dtui.test: "1" }
  db:
    image: ${TEST_IMAGE}
    command: ${loop('db')}
    network_mode: none
    labels: { dtui.test: "1" }
  worker:
    image: ${TEST_IMAGE}
    command: ${loop('worker')}
    network_mode: none
    labels: { dtui.test: "1" }
`;

/** The log lines on screen with timestamps on: [stamp, tag] in screen order. */
function stampedLines(screen: string): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  for (const line of screen.split('\n')) {
    const m = /(\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{3}) (web-1|web-2|db-1|worker-1)\s*\| /.exec(line);
    if (m) out.push([m[1]!, m[2]!]);
  }
  return out;
}

describe('compose projects', () => {
  const docker = testDocker();
  const project = uniqueName('proj').replace(/[^a-z0-9]/g, '');
  const dir = mkdtempSync(join(tmpdir(), 'dtui-compose-'));
  let tui: TuiHarness | undefined;
  const created: string[] = [];

  const compose = (...args: string[]) =>
    run('docker-compose', ['-p', project, ...args], { cwd: dir, env: { ...process.env, DOCKER_HOST: process.env[ENV.dockerHost] } });
  const members = async () =>
    (await docker.listContainers({ all: true, filters: { label: [`com.docker.compose.project=${project}`] } })).map((c) => ({
      name: (c.Names[0] ?? '').slice(1),
      service: c.Labels['com.docker.compose.service'],
      state: c.State,
    }));
  const startedAt = async (name: string) => ((await docker.getContainer(name).inspect()) as { State: { StartedAt: string } }).State.StartedAt;

  beforeAll(async () => {
    writeFileSync(join(dir, 'docker-compose.yml'), COMPOSE_FILE);
    await compose('up', '-d');
    expect((await members()).length).toBe(4);
  }, 120_000);

  afterAll(async () => {
    await tui?.kill('SIGKILL').catch(() => undefined);
    await compose('down', '-v').catch(() => undefined);
    // Only what this file made: other files run beside it on the same engine.
    await removeQuietly(docker, created);
    rmSync(dir, { recursive: true, force: true });
  }, 120_000);

  it('shows the project, its services and replicas; merged logs interleave every replica by time', async () => {
    tui = await launchDtui();
    await tui.press('6');
    await tui.waitForText(/\[6\] Projects/);
    await tui.press('/');
    await tui.type(project);
    await tui.press('enter');
    await tui.waitForText(new RegExp(`${project}\\s+3\\s+4/4\\s+running\\s+${dir.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
    await tui.waitForText(/ {2}web\s+2\/2\s+running/);
    await tui.waitForText(/ {2}db\s+1\/1\s+running/);
    await tui.waitForText(/ {2}worker\s+1\/1\s+running/);

    // l: the merged log of the whole project, beside the list; T: with the engine's stamps.
    await tui.press('l');
    await tui.waitForText(`project ${project} 4/4 running`);
    await tui.press('T');
    const screen = await tui.waitForScreen((s) => {
      const tags = new Set(stampedLines(s).map(([, tag]) => tag));
      return ['web-1', 'web-2', 'db-1', 'worker-1'].every((t) => tags.has(t)) && stampedLines(s).length >= 20;
    });
    const stamps = stampedLines(screen).map(([stamp]) => stamp);
    expect(stamps).toEqual([...stamps].sort());
    expect(screen).toMatch(/web-1\s+\| web [0-9a-f]{12} line \d+/);

    // o saves the merged lines as `docker compose logs -t --no-color` prints them.
    const file = join(dir, 'merged.log');
    await tui.press('o');
    await tui.waitForText(`Save the merged log of project ${project}`);
    await tui.press('\x15');
    await tui.type(file);
    await tui.press('enter');
    await tui.waitForText(new RegExp(`Saved [\\d,]+ lines of project ${project}'s merged log to ${file}`));
    const saved = readFileSync(file, 'utf8').trimEnd().split('\n');
    expect(saved.join('\n')).not.toContain('\u001b');
    const parsed = saved.map((l) => /^(\S+) (web-1|web-2|db-1|worker-1)\s*\| (.*)$/.exec(l));
    expect(parsed.every(Boolean)).toBe(true);
    const keys = parsed.map((m) => timestampKey(m![1]!));
    expect(keys).toEqual([...keys].sort());
    expect(new Set(parsed.map((m) => m![2]))).toEqual(new Set(['web-1', 'web-2', 'db-1', 'worker-1']));
  }, 60_000);

  it("a service's merged log opened again reads its logs again but inspects none of its containers again", async () => {
    const web = (await docker.listContainers({ filters: { label: [`com.docker.compose.project=${project}`, 'com.docker.compose.service=web'] } })).map(
      (c) => c.Id,
    );
    expect(web).toHaveLength(2);
    const proxy = await startCountingProxy(join(dir, 'counted.sock'), (process.env[ENV.dockerHost] ?? '').replace(/^unix:\/\//, ''));
    const t = await launchDtui({ env: { DOCKER_HOST: proxy.host } });
    try {
      await t.press('6');
      await t.waitForText(/\[6\] Projects/);
      await t.press('/');
      await t.type(project);
      await t.press('enter');
      // The list keeps the focus (↓ moves its selection); the detail pane shows the merged log.
      await t.waitForText(`project ${project} 4/4 running`);
      // Rows: the project, then its services by name (db, web, worker).
      const onDb = `service ${project}/db 1/1 running`;
      const onWeb = `service ${project}/web 2/2 running`;
      await t.press('down');
      await t.waitForText(onDb);
      await t.press('down');
      await t.waitForText(onWeb);
      await t.waitForText(/web-\d\s+\| web [0-9a-f]{12} line \d+/);
      const of = (ids: string[], path: RegExp) => (lines: string[]) => lines.filter((l) => ids.some((id) => l.includes(`/containers/${id}/`)) && path.test(l));
      // The first opening of a log with them (the project's or this one) inspected both
      // replicas (TTY or not) before asking for their logs.
      for (const id of web) expect(of([id], /\/json /)(proxy.requests()).length).toBeGreaterThanOrEqual(1);
      const mark = proxy.requests().length;
      await t.press('up');
      await t.waitForText(onDb);
      await t.press('down');
      await t.waitForText(onWeb);
      await waitFor(() => of(web, /\/logs\?/)(proxy.requests().slice(mark)).length >= 2, { message: 'both web logs asked for again' });
      await t.waitForText(/web-\d\s+\| web [0-9a-f]{12} line \d+/);
      expect(of(web, /\/json /)(proxy.requests().slice(mark))).toEqual([]);
    } finally {
      await t.kill();
      await proxy.close();
    }
  }, 60_000);

  it('restarts one service: only its replicas restart, and they rejoin the merged log without reopening it', async () => {
    const before = { web1: await startedAt(`${project}_web_1`), web2: await startedAt(`${project}_web_2`), db: await startedAt(`${project}_db_1`) };
    // Back to the list, down to the web service (rows: project, db, web, worker).
    await tui!.press('esc', 'j', 'j');
    await tui!.waitForText(`service ${project}/web 2/2 running`);
    // & keeps only the start lines: two now, four once both replicas have restarted.
    await tui!.press('l');
    await tui!.press('&');
    await tui!.waitForText('Show only matching lines');
    await tui!.type('started');
    await tui!.press('enter');
    await tui!.waitForScreen((s) => (s.match(/web-[12] \| web [0-9a-f]{12} started/g) ?? []).length === 2);
    await tui!.press('esc');
    await tui!.press('r');
    await tui!.waitForText(new RegExp(`Restarted service ${project}/web — ${project}_web_[12] ok · ${project}_web_[12] ok`), { timeout: 30_000 });
    await waitFor(async () => (await startedAt(`${project}_web_1`)) !== before.web1 && (await startedAt(`${project}_web_2`)) !== before.web2, {
      message: 'both web replicas to restart',
    });
    expect(await startedAt(`${project}_db_1`)).toBe(before.db);
    const screen = await tui!.waitForScreen((s) => (s.match(/web-[12] \| web [0-9a-f]{12} started/g) ?? []).length === 4, { timeout: 15_000 });
    expect(screen.match(/web-1 \| web [0-9a-f]{12} started/g)).toHaveLength(2);
    expect(screen.match(/web-2 \| web [0-9a-f]{12} started/g)).toHaveLength(2);
    expect(screen).toMatch(/& \/started\/i \d+ shown/);
  }, 60_000);

  it('stops the whole project: every container, each one named in the status line', async () => {
    await tui!.press('g');
    await tui!.waitForText(`project ${project} 4/4 running`);
    await tui!.press('s');
    await tui!.waitForText(new RegExp(`Stopped project ${project} — (${project}_\\w+_\\d ok( · )?){4}`), { timeout: 30_000 });
    await waitFor(async () => (await members()).every((c) => c.state === 'exited'), { message: 'every container of the project to stop' });
    await tui!.waitForText(new RegExp(`${project}\\s+3\\s+0/4\\s+stopped`));
    await tui!.waitForText(/ {2}web\s+0\/2\s+stopped/);
  }, 60_000);

  it('removes a service only after asking, naming every container; volumes are kept unless chosen', async () => {
    await tui!.press('j', 'j');
    await tui!.waitForText(`service ${project}/web 0/2 running`);
    await tui!.press('d');
    await tui!.waitForText(`Remove the 2 containers of service ${project}/web?`);
    await tui!.waitForText(new RegExp(`${project}_web_1 \\([0-9a-f]{12}\\) · ${TEST_IMAGE.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')} · exited`));
    await tui!.waitForText(`${project}_web_2 (`);
    await tui!.waitForText('f remove with their anonymous volumes');
    await tui!.press('n');
    await waitFor(async () => (await members()).length === 4, { timeout: 1000, message: 'nothing removed on n' });
    await tui!.press('d');
    await tui!.waitForText(`Remove the 2 containers of service ${project}/web?`);
    await tui!.press('y');
    await tui!.waitForText(new RegExp(`Removed service ${project}/web — `), { timeout: 30_000 });
    await waitFor(async () => (await members()).every((c) => c.service !== 'web'), { message: 'the web replicas to be removed' });
    expect((await members()).map((c) => c.service).sort()).toEqual(['db', 'worker']);
    await tui!.waitForScreen((s) => !/ {2}web\s+\d\/\d/.test(s));
  }, 60_000);

  it('groups hand-labelled containers as a project, and Containers can group by project (P)', async () => {
    const hand = uniqueName('byhand').replace(/[^a-z0-9]/g, '');
    const name = uniqueName('handmade');
    created.push(
      await runTestContainer(docker, {
        name,
        cmd: ['sh', '-c', 'trap "exit 0" TERM; while true; do sleep 1; done'],
        labels: { 'com.docker.compose.project': hand, 'com.docker.compose.service': 'solo', 'com.docker.compose.container-number': '1' },
      }),
    );
    await tui!.press('esc', '/');
    await tui!.type(hand);
    await tui!.press('enter');
    await tui!.waitForText(new RegExp(`${hand}\\s+1\\s+1/1\\s+running`));
    await tui!.waitForText(/ {2}solo\s+1\/1\s+running/);

    await tui!.press('1');
    await tui!.waitForText(/\[1\] Containers/);
    await tui!.press('P');
    await tui!.waitForText('Containers grouped by Compose project');
    await tui!.waitForText(/PROJECT\s+SERVICE\s+NAME/);
    // A long project name is cut (…) before the container's name is.
    await tui!.waitForText(new RegExp(`${hand.slice(0, 10)}\\S*\\s+solo\\s+${name.slice(0, 14)}`));
    await tui!.waitForText(new RegExp(`${project.slice(0, 10)}\\S*\\s+db\\s+${project}_db_1`));
  }, 60_000);

  it('--read-only binds none of the keys that change a project', async () => {
    await tui?.kill('SIGKILL').catch(() => undefined);
    tui = await launchDtui({ args: ['--read-only'] });
    await tui.press('6');
    await tui.waitForText(new RegExp(`${project}\\s+2\\s+0/2\\s+stopped`));
    for (const [key, what] of [
      ['S', 'start every container of the selected project or service'],
      ['s', 'stop every container of the selected project or service'],
      ['r', 'restart every container of the selected project or service'],
      ['p', 'pause (or unpause) the selected project or service'],
      ['d', 'remove the containers of the selected project or service'],
      ['u', 'run docker-compose up -d for the selected project'],
      ['D', 'run docker-compose down for the selected project'],
    ] as const) {
      await tui.press(key);
      await tui.waitForText(`Read-only mode: dtui will not ${what}`);
    }
    await waitFor(async () => (await members()).every((c) => c.state === 'exited'), { timeout: 1000, message: 'nothing started' });
  }, 60_000);
  it('u / D run docker-compose up -d / down of the project in a pty (dtui suspended), output shown, exit code reported', async () => {
    await tui?.kill('SIGKILL').catch(() => undefined);
    tui = await launchDtui();
    await tui.press('6', '/');
    await tui.type(project);
    await tui.press('enter');
    await tui.waitForText(new RegExp(`${project}\\s+2\\s+0/2\\s+stopped`));
    await tui.press('u');
    await tui.waitForText(`docker-compose up -d of project ${project} — its output below`);
    await tui.waitForText(/Creating \S+_web_2/, { timeout: 60_000 });
    await tui.waitForText('[docker-compose exited with code 0 — press Enter to return to dtui]', { timeout: 60_000 });
    await tui.press('enter');
    await tui.waitForText(`docker-compose up -d of project ${project} exited with code 0`);
    await waitFor(async () => (await members()).filter((c) => c.state === 'running').length === 4, { message: 'up -d to run all four containers' });
    await tui.waitForText(new RegExp(`${project}\\s+3\\s+4/4\\s+running`));

    await tui.press('D');
    await tui.waitForText(`docker-compose down project ${project}?`);
    await tui.waitForText(`${project}_web_2 (`);
    await tui.press('y');
    // The main screen still holds up's output until down's session clears it: wait for down's banner.
    await tui.waitForText(`docker-compose down of project ${project} — its output below`);
    await tui.waitForText('[docker-compose exited with code 0 — press Enter to return to dtui]', { timeout: 60_000 });
    expect(tui.screen()).toMatch(/Removing \S+_db_1/);
    await tui.press('enter');
    await tui.waitForText(`docker-compose down of project ${project} exited with code 0`);
    expect(await members()).toEqual([]);
  }, 150_000);
});
