// Swarm on a real two-node swarm (two private dockerds on this machine, test/support/swarm.ts):
// scale from the Services pane and see the tasks spread over both nodes, follow a service's
// log live (new lines, a task scaled up joining, the Logs keys, the stream closed with the
// view), Esc from a service's tasks back to the service, services grouped by stack, drain
// the worker and see its tasks move, roll out a new image and watch the update finish, and
// --read-only binding none of the changing keys.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_IMAGE, TEST_LABELS, uniqueName, waitFor } from '../support/engine.js';
import { launchDtui } from '../support/dtui.js';
import { selectedLine } from '../support/core-e2e.js';
import type { TuiHarness } from '../support/pty-harness.js';
import { runningTasks, startTestSwarm, type TestSwarm } from '../support/swarm.js';
import { LEAK_MARKERS, startHostileEngine } from '../support/hostile-engine.js';
import { startCountingProxy, type CountingProxy } from '../support/counting-proxy.js';
import { timestampKey } from '../../src/engine/models/log-stamp.js';

const V2 = 'dtui-test/busybox:v2';

describe('swarm', () => {
  let swarm: TestSwarm;
  let tui: TuiHarness | undefined;
  const name = uniqueName('svc');
  let serviceId = '';
  // dtui reaches the manager through a proxy that counts its open requests (streams included).
  let proxy: CountingProxy;
  let dir = '';
  const launch = (args: string[] = []) => launchDtui({ args, env: { DOCKER_HOST: proxy.host } });
  const logStreams = () => proxy.openRequests().filter((r) => /\/services\/[^/ ]+\/logs/.test(r));
  const serviceRow = (replicas: string, image = TEST_IMAGE) => new RegExp(`${name}\\s+-\\s+replicated\\s+${replicas}\\s+${image.replace(/[.]/g, '\\.')}`);

  beforeAll(async () => {
    swarm = await startTestSwarm();
    dir = mkdtempSync(join(tmpdir(), 'dtui-swarm-'));
    proxy = await startCountingProxy(join(dir, 'manager.sock'), swarm.manager.info.socketPath);
    // The "new image" of the rolling update: the test image under another tag, on both nodes.
    for (const node of [swarm.manager, swarm.worker]) await node.docker.getImage(TEST_IMAGE).tag({ repo: 'dtui-test/busybox', tag: 'v2' });
    const created = (await swarm.manager.docker.createService({
      Name: name,
      Labels: TEST_LABELS,
      TaskTemplate: {
        ContainerSpec: {
          Image: TEST_IMAGE,
          Args: ['sh', '-c', 'while true; do echo "line from $(hostname)"; sleep 1; done'],
          // sh as PID 1 ignores SIGTERM: a stop would wait the default 10 s for the kill.
          StopGracePeriod: 500_000_000,
        },
      },
      Mode: { Replicated: { Replicas: 4 } },
      // One task at a time with a pause between: the update runs long enough to be seen.
      UpdateConfig: { Parallelism: 1, Delay: 1_000_000_000, Order: 'stop-first' },
    })) as { id?: string; ID?: string };
    serviceId = created.id ?? created.ID ?? '';
    await waitFor(async () => (await runningTasks(swarm.manager.docker, serviceId)).length === 4, {
      timeout: 60_000,
      message: '4 running tasks',
    });
  }, 180_000);

  afterAll(async () => {
    await tui?.kill('SIGKILL').catch(() => undefined);
    await proxy?.close();
    await swarm?.dispose();
    if (dir) rmSync(dir, { recursive: true, force: true });
  }, 120_000);

  it('scales the service to 6 from the Services pane: 6 tasks run across both nodes', async () => {
    tui = await launch();
    await tui.press('7');
    await tui.waitForText(/\[7\] Services \(1\)/);
    await tui.waitForText(serviceRow('4/4'));

    await tui.press('s');
    await tui.waitForText(`Scale service ${name}`);
    await tui.press('\x15');
    await tui.type('six');
    await tui.press('enter');
    await tui.waitForText('Replicas: "six" is not a whole number ≥ 0');
    await tui.press('\x15');
    await tui.type('-1');
    await tui.press('enter');
    await tui.waitForText('Replicas: "-1" is not a whole number ≥ 0');
    await tui.press('\x15');
    await tui.type('6');
    await tui.press('enter');
    await tui.waitForText(`Scaled ${name} to 6`);
    await tui.waitForText(serviceRow('6/6'), { timeout: 60_000 });

    const tasks = await runningTasks(swarm.manager.docker, serviceId);
    expect(tasks).toHaveLength(6);
    expect(new Set(tasks.map((t) => t.nodeId))).toEqual(new Set([swarm.manager.nodeId, swarm.worker.nodeId]));

    // Enter: the service's tasks, each on the node the engine put it on.
    await tui.press('enter');
    await tui.waitForText(new RegExp(`\\[9\\] Tasks \\(6/\\d+\\)\\s+/${name}\\.`));
    const screen = await tui.waitForScreen((s) => (s.match(new RegExp(`${name}\\.\\d\\s+\\S+ \\w{7}\\s+running\\s+running`, 'g')) ?? []).length === 6);
    for (const t of tasks) expect(screen).toMatch(new RegExp(`${name}\\.${t.slot}\\s+\\S+ ${t.nodeId.slice(0, 7)}\\s+running\\s+running`));
    await tui.press('esc');
    await tui.press('7');
    await tui.waitForText(serviceRow('6/6'));
  }, 120_000);

  it('shows the service log merged over every task, each line tagged task@node', async () => {
    const tasks = await runningTasks(swarm.manager.docker, serviceId);
    await tui!.press('l');
    // The detail pane over the whole body, titled by the service, live.
    await tui!.waitForText(new RegExp(`Logs l\\s+Service ${name}\\s+6/6 running`));
    // Every task prints a line a second, so all six are there at the end.
    const screen = await tui!.waitForScreen((s) => tasks.every((t) => s.includes(`${name}.${t.slot}@`)));
    for (const t of tasks) expect(screen).toMatch(new RegExp(`${name}\\.${t.slot}@\\S+ ${t.nodeId.slice(0, 7)}\\s*\\| line from [0-9a-f]{12}`));
    await tui!.waitForText(/following · [\d,]+ lines/);
    await tui!.press('esc');
    await tui!.waitForText(serviceRow('6/6'));
  }, 60_000);

  const ticker = uniqueName('tick');
  let tickerId = '';

  it('follows a service log live: new lines arrive, a task scaled up joins, the Logs keys work, Esc closes the stream', async () => {
    const made = (await swarm.manager.docker.createService({
      Name: ticker,
      Labels: TEST_LABELS,
      TaskTemplate: {
        ContainerSpec: {
          Image: TEST_IMAGE,
          Args: ['sh', '-c', 'i=0; while true; do i=$((i+1)); echo "tick $i"; sleep 1; done'],
          StopGracePeriod: 500_000_000,
        },
      },
      Mode: { Replicated: { Replicas: 1 } },
    })) as { id: string };
    tickerId = made.id;
    await waitFor(async () => (await runningTasks(swarm.manager.docker, tickerId)).length === 1, { timeout: 60_000, message: 'the ticker task to run' });
    await tui!.waitForText(new RegExp(`\\[7\\] Services \\(2\\)[\\s\\S]*${ticker}\\s+-\\s+replicated\\s+1/1`), { timeout: 30_000 });
    await tui!.press('/');
    await tui!.type(ticker);
    await tui!.press('enter');
    expect(logStreams()).toEqual([]);
    await tui!.press('l');
    await tui!.waitForText(new RegExp(`Logs l\\s+Service ${ticker}\\s+1/1 running`));
    const tick = (slot: number) => new RegExp(`${ticker}\\.${slot}@\\S+ \\w{7}\\s*\\| tick (\\d+)`, 'g');
    const highest = (screen: string, slot: number) => Math.max(0, ...[...screen.matchAll(tick(slot))].map((m) => Number(m[1])));
    const first = highest(await tui!.waitForScreen((s) => highest(s, 1) > 0), 1);
    // New lines arrive while watching, no key pressed.
    await tui!.waitForScreen((s) => highest(s, 1) >= first + 2, { timeout: 15_000 });
    expect(logStreams()).toHaveLength(1);

    // Scaled up outside dtui: the new task's lines join the open log, tagged by its slot.
    const spec = (await swarm.manager.docker.getService(tickerId).inspect()) as { Version: { Index: number }; Spec: Record<string, unknown> };
    await swarm.manager.docker.getService(tickerId).update({ version: spec.Version.Index, ...spec.Spec, Mode: { Replicated: { Replicas: 2 } } });
    await tui!.waitForScreen((s) => highest(s, 2) >= 2, { timeout: 60_000 });
    expect(await runningTasks(swarm.manager.docker, tickerId)).toHaveLength(2);
    expect(logStreams()).toHaveLength(1);

    // The Logs tab's keys: search (n/N), the & filter, save.
    await tui!.press('/');
    await tui!.waitForText('Search the log');
    await tui!.type('tick 2');
    await tui!.press('enter');
    await tui!.waitForText(/"tick 2" [\d/,]+ match/);
    await tui!.press('&');
    await tui!.waitForText('Show only matching lines');
    await tui!.type(`${ticker}\\.2@`);
    await tui!.press('enter');
    await tui!.waitForText(new RegExp(`& /${ticker}\\\\\\.2@/i [\\d,]+ shown`));
    let screen = await tui!.waitForScreen((s) => highest(s, 2) > 0 && highest(s, 1) === 0);
    expect(screen).not.toContain(`${ticker}.1@`);
    await tui!.press('&');
    await tui!.press('\x15');
    await tui!.press('enter');
    await tui!.waitForScreen((s) => !/& \//.test(s) && highest(s, 1) > 0);

    const file = join(dir, 'ticker.log');
    await tui!.press('T');
    await tui!.press('o');
    await tui!.waitForText(`Save the merged log of service ${ticker}`);
    await tui!.waitForText('as docker service logs -t --no-color prints them');
    await tui!.press('\x15');
    await tui!.type(file);
    await tui!.press('enter');
    await tui!.waitForText(new RegExp(`Saved [\\d,]+ lines of service ${ticker}'s merged log to ${file}`));
    await tui!.press('T');
    const saved = readFileSync(file, 'utf8').trimEnd().split('\n');
    expect(saved.join('\n')).not.toContain('\u001b');
    const parsed = saved.map((l) => new RegExp(`^(\\S+) ${ticker}\\.([12])@\\S+ \\w{7}\\s*\\| tick \\d+$`).exec(l));
    expect(parsed.every(Boolean)).toBe(true);
    // In time order, both tasks in it.
    const keys = parsed.map((m) => timestampKey(m![1]!));
    expect(keys).toEqual([...keys].sort());
    expect(new Set(parsed.map((m) => m![2]))).toEqual(new Set(['1', '2']));

    // Esc: back to the Services pane, and the log stream closes with the view.
    await tui!.press('esc');
    await tui!.waitForText(new RegExp(`\\[7\\] Services \\(1/2\\)[\\s\\S]*${ticker}\\s+-\\s+replicated\\s+2/2`));
    await waitFor(() => logStreams().length === 0, { timeout: 5_000, message: 'the service log stream to close' });
    screen = tui!.screen();
    expect(screen).not.toContain('Logs l');
  }, 120_000);

  it('Esc or q from the tasks of a service goes back to Services with that service still selected', async () => {
    try {
      // Clear the filter: both services listed, the ticker selected.
      await tui!.press('esc');
      await tui!.waitForText(/\[7\] Services \(2\)/);
      await tui!.press('home');
      await tui!.waitForScreen(() => selectedLine(tui!).includes(name));
      await tui!.press('down');
      await tui!.waitForScreen(() => selectedLine(tui!).includes(ticker));

      for (const key of ['esc', 'q']) {
        await tui!.press('enter');
        await tui!.waitForText(new RegExp(`\\[9\\] Tasks \\(2/\\d+\\)\\s+/${ticker}\\.`));
        await tui!.press(key);
        await tui!.waitForText(/\[7\] Services \(2\)/);
        await tui!.waitForScreen(() => selectedLine(tui!).includes(ticker));
      }
      // The narrowing went with the view: 9 shows every task again.
      await tui!.press('9');
      await tui!.waitForText(/\[9\] Tasks \(\d+\)/);
      expect(tui!.screen()).not.toMatch(/\[9\] Tasks \(\d+\/\d+\)/);
      await tui!.press('7');
    } finally {
      // The later tests count the services: the ticker goes even if this one failed.
      await swarm.manager.docker.getService(tickerId).remove();
    }
    await tui!.waitForText(/\[7\] Services \(1\)/, { timeout: 30_000 });
  }, 60_000);

  it('groups the services by stack (com.docker.stack.namespace) with P, services of no stack last', async () => {
    const api = uniqueName('api');
    const db = uniqueName('db');
    const web = uniqueName('web');
    const ids: string[] = [];
    for (const [svc, stack] of [
      [web, 'shop'],
      [api, 'blog'],
      [db, 'shop'],
    ] as const) {
      const made = (await swarm.manager.docker.createService({
        Name: svc,
        Labels: { ...TEST_LABELS, 'com.docker.stack.namespace': stack },
        TaskTemplate: { ContainerSpec: { Image: TEST_IMAGE, Args: ['sleep', '3600'] } },
        Mode: { Replicated: { Replicas: 0 } },
      })) as { id: string };
      ids.push(made.id);
    }
    try {
      const shop = (await swarm.manager.docker.listServices({ filters: { label: ['com.docker.stack.namespace=shop'] } })) as unknown[];
      expect(shop).toHaveLength(2);
      await tui!.waitForText(/\[7\] Services \(4\)/, { timeout: 30_000 });
      // Ungrouped: by name, the stack in its own column.
      await tui!.waitForText(new RegExp(`${api}\\s+blog\\s[\\s\\S]*${db}\\s+shop\\s[\\s\\S]*${name}\\s+-\\s[\\s\\S]*${web}\\s+shop\\s`));
      expect(tui!.screen()).not.toContain('(no stack)');

      await tui!.press('P');
      await tui!.waitForText('Services grouped by stack (com.docker.stack.namespace)');
      // Stacks by name, their services by name; no stack last. STACK leads.
      await tui!.waitForText(
        new RegExp(
          `STACK\\s+SERVICE\\s+MODE[\\s\\S]*blog\\s+${api}\\s[\\s\\S]*shop\\s+${db}\\s[\\s\\S]*shop\\s+${web}\\s[\\s\\S]*\\(no stack\\)\\s+${name}\\s`,
        ),
      );
      // The selection and the keys still work on the grouped rows.
      await tui!.press('home');
      await tui!.waitForScreen(() => selectedLine(tui!).includes(api));
      await tui!.press('P');
      await tui!.waitForText('Services no longer grouped');
      await tui!.waitForText(new RegExp(`SERVICE\\s+STACK\\s+MODE`));
    } finally {
      for (const id of ids) await swarm.manager.docker.getService(id).remove();
    }
    await tui!.waitForText(/\[7\] Services \(1\)/, { timeout: 30_000 });
  }, 60_000);

  it('lists the swarm secrets and configs by name, never their data', async () => {
    const secret = uniqueName('secret');
    const config = uniqueName('config');
    await swarm.manager.docker.createSecret({ Name: secret, Labels: { team: 'db' }, Data: Buffer.from('s3cret-payload').toString('base64') });
    await swarm.manager.docker.createConfig({ Name: config, Data: Buffer.from('config-payload').toString('base64') });
    await tui!.press('C');
    await tui!.waitForText('Swarm secrets and configs');
    await tui!.waitForText(
      new RegExp(`SECRETS \\(1\\)[\\s\\S]*${secret}\\s+\\w{12}\\s+\\d+s ago\\s+team=db[\\s\\S]*CONFIGS \\(1\\)[\\s\\S]*${config}\\s+\\w{12}`),
    );
    for (const data of ['payload', Buffer.from('s3cret-payload').toString('base64'), Buffer.from('config-payload').toString('base64')])
      expect(tui!.screen()).not.toContain(data);
    await tui!.press('esc');
    await tui!.waitForText(serviceRow('6/6'));
  }, 60_000);

  it('drains the worker from the Nodes pane (asks first): its tasks move to the manager', async () => {
    const worker = swarm.worker.nodeId.slice(0, 12);
    await tui!.press('8');
    await tui!.waitForText(/\[8\] Nodes \(2\)/);
    await tui!.waitForText(new RegExp(`${worker}\\s+\\S+\\s+worker\\s+ready\\s+active\\s+-\\s+[1-5]\\s`));
    await tui!.press('/');
    await tui!.type(worker);
    await tui!.press('enter');
    await tui!.press('D');
    await tui!.waitForText(new RegExp(`Drain node \\S+ \\(${worker}, worker\\)\\?`));
    await tui!.press('y');
    await tui!.waitForText(new RegExp(`Node \\S+ \\(${worker}, worker\\) is now drain`));
    await tui!.waitForText(new RegExp(`${worker}\\s+\\S+\\s+worker\\s+ready\\s+drain\\s+-\\s+0\\s`), { timeout: 60_000 });

    await waitFor(
      async () => {
        const tasks = await runningTasks(swarm.manager.docker, serviceId);
        return tasks.length === 6 && tasks.every((t) => t.nodeId === swarm.manager.nodeId);
      },
      { timeout: 60_000, message: 'all 6 tasks running on the manager' },
    );
    await tui!.press('esc');
    await tui!.waitForText(new RegExp(`${swarm.manager.nodeId.slice(0, 12)}\\s+\\S+\\s+manager\\s+ready\\s+active\\s+leader\\s+6\\s`), { timeout: 30_000 });

    // a: active again (takes new tasks; running ones stay where they are).
    await tui!.press('/');
    await tui!.type(worker);
    await tui!.press('enter');
    await tui!.press('a');
    await tui!.waitForText(new RegExp(`${worker}\\s+\\S+\\s+worker\\s+ready\\s+active`));
    const node = (await swarm.manager.docker.getNode(swarm.worker.nodeId).inspect()) as { Spec: { Availability: string } };
    expect(node.Spec.Availability).toBe('active');
    await tui!.press('esc');
  }, 120_000);

  it('rolls out a new image from dtui and shows the update progress until it completes', async () => {
    await tui!.press('7');
    await tui!.waitForText(serviceRow('6/6'));
    await tui!.press('u');
    await tui!.waitForText(`Update the image of ${name}`);
    await tui!.press('\x15');
    await tui!.type('Not An Image');
    await tui!.press('enter');
    await tui!.waitForText('Image: "Not An Image" is not an image reference');
    await tui!.press('\x15');
    await tui!.type(V2);
    await tui!.press('enter');
    await tui!.waitForText(`Updating ${name} to ${V2}`);
    // Tasks are replaced one at a time with a 1 s pause: the progress is on screen meanwhile.
    await tui!.waitForText(/updating [0-5]\/6/, { timeout: 30_000 });
    await tui!.waitForText(new RegExp(`${serviceRow('6/6', V2).source}\\s+-\\s+completed`), { timeout: 90_000 });

    const service = (await swarm.manager.docker.getService(serviceId).inspect()) as { UpdateStatus?: { State?: string } };
    expect(service.UpdateStatus?.State).toBe('completed');
    const tasks = await runningTasks(swarm.manager.docker, serviceId);
    expect(tasks).toHaveLength(6);
    expect(tasks.every((t) => t.image === V2)).toBe(true);
  }, 150_000);

  it('rolls the service back (asks), then forces an update that replaces every task (asks)', async () => {
    await tui!.press('R');
    await tui!.waitForText(`Roll back ${name} to its previous spec?`);
    await tui!.press('y');
    await tui!.waitForText(`Rolling back ${name}`);
    await tui!.waitForText(new RegExp(`${serviceRow('6/6').source}\\s+-\\s+rollback completed`), { timeout: 90_000 });
    const rolled = (await swarm.manager.docker.getService(serviceId).inspect()) as { UpdateStatus?: { State?: string } };
    expect(rolled.UpdateStatus?.State).toBe('rollback_completed');
    await waitFor(async () => (await runningTasks(swarm.manager.docker, serviceId)).every((t) => t.image === TEST_IMAGE), {
      timeout: 30_000,
      message: 'every task on the previous image',
    });

    const before = new Set((await runningTasks(swarm.manager.docker, serviceId)).map((t) => t.id));
    await tui!.press('F');
    await tui!.waitForText(`Force an update of ${name}?`);
    await tui!.waitForText('Every task is replaced');
    await tui!.press('y');
    await tui!.waitForText(`Forced an update of ${name}`);
    await tui!.waitForText(/updating [0-5]\/6/, { timeout: 30_000 });
    await tui!.waitForText(new RegExp(`${serviceRow('6/6').source}\\s+-\\s+completed`), { timeout: 90_000 });
    const after = await runningTasks(swarm.manager.docker, serviceId);
    expect(after).toHaveLength(6);
    expect(after.filter((t) => before.has(t.id))).toEqual([]);
  }, 200_000);

  it('--read-only binds none of the keys that change services or nodes', async () => {
    const ro = await launch(['--read-only']);
    await ro.press('7');
    await ro.waitForText(serviceRow('6/6'));
    for (const [key, what] of [
      ['s', 'scale the selected service'],
      ['u', 'update the image of the selected service'],
      ['F', 'force an update: replace every task of the selected service'],
      ['R', 'roll the selected service back to its previous spec'],
      ['d', 'remove the selected service'],
    ] as const) {
      await ro.press(key);
      await ro.waitForText(`Read-only mode: dtui will not ${what}. Nothing was changed.`);
    }
    await ro.press('8');
    await ro.waitForText(/\[8\] Nodes \(2\)/);
    for (const [key, what] of [
      ['D', 'drain the selected node: its tasks move to other nodes'],
      ['p', 'pause the selected node: no new tasks, running ones stay'],
      ['a', 'make the selected node active again'],
    ] as const) {
      await ro.press(key);
      await ro.waitForText(`Read-only mode: dtui will not ${what}. Nothing was changed.`);
    }
    await ro.kill('SIGKILL');
    const service = (await swarm.manager.docker.getService(serviceId).inspect()) as { Spec: { Mode: { Replicated: { Replicas: number } } } };
    expect(service.Spec.Mode.Replicated.Replicas).toBe(6);
    const worker = (await swarm.manager.docker.getNode(swarm.worker.nodeId).inspect()) as { Spec: { Availability: string } };
    expect(worker.Spec.Availability).toBe('active');
  }, 60_000);

  it('a hostile engine and a task printing escape sequences reach the terminal only as printable text', async () => {
    // Every field of every swarm answer carries terminal attacks (test/support/hostile-engine.ts);
    // the task's own log lines carry them too (the log stream is passed through unchanged).
    const evil = uniqueName('evil');
    const made = (await swarm.manager.docker.createService({
      Name: evil,
      Labels: TEST_LABELS,
      TaskTemplate: {
        ContainerSpec: {
          Image: TEST_IMAGE,
          Args: [
            'sh',
            '-c',
            String.raw`while true; do printf 'evil ]52;c;UFdORUQ=[2JHâ® line
'; sleep 1; done`,
          ],
          StopGracePeriod: 500_000_000,
        },
        Placement: { Constraints: ['node.role==manager'] },
      },
      Mode: { Replicated: { Replicas: 1 } },
    })) as { id: string };
    const dir = mkdtempSync(join(tmpdir(), 'dtui-hswarm-'));
    const engine = await startHostileEngine(join(dir, 'hostile.sock'), swarm.manager.info.socketPath);
    const hostile = await launchDtui({ env: { DOCKER_HOST: `unix://${engine.socketPath}` } });
    try {
      await waitFor(async () => (await runningTasks(swarm.manager.docker, made.id)).length === 1, { timeout: 60_000, message: 'the evil task to run' });
      await hostile.press('7');
      await hostile.waitForText(/\[7\] Services \(2\)/);
      await hostile.waitForText(evil);
      await hostile.press('/');
      await hostile.type(evil);
      await hostile.press('enter');
      await hostile.press('l');
      // The slot is a number the hostile engine poisoned: the task is named by its node instead.
      await hostile.waitForText(new RegExp(`${evil}\\.\\w+@\\S+ \\w{7} \\| evil \\S* ?line`), { timeout: 20_000 });
      await hostile.press('esc');
      await hostile.press('i');
      await hostile.waitForText(`"Name": "${evil}`);
      await hostile.press('esc');
      await hostile.press('C');
      await hostile.waitForText(/SECRETS \(\d+\)[\s\S]*CONFIGS \(\d+\)/);
      await hostile.press('esc');
      await hostile.press('9');
      await hostile.waitForText(new RegExp(`${evil}\\.\\S+\\s+\\S+ \\w{7}\\s+running`));
      await hostile.press('8');
      await hostile.waitForText(/\[8\] Nodes \(2\)[\s\S]*manager\s+ready/);
      const raw = hostile.raw();
      for (const [what, seq] of LEAK_MARKERS) expect(raw.includes(seq), `${what} reached the terminal`).toBe(false);
    } finally {
      await hostile.kill('SIGKILL');
      await engine.close();
      rmSync(dir, { recursive: true, force: true });
      await swarm.manager.docker.getService(made.id).remove();
    }
  }, 120_000);

  it('pauses a node, and removes the service after naming it', async () => {
    const worker = swarm.worker.nodeId.slice(0, 12);
    await tui!.press('8');
    await tui!.press('/');
    await tui!.type(worker);
    await tui!.press('enter');
    await tui!.press('p');
    await tui!.waitForText(new RegExp(`${worker}\\s+\\S+\\s+worker\\s+ready\\s+pause`));
    const node = (await swarm.manager.docker.getNode(swarm.worker.nodeId).inspect()) as { Spec: { Availability: string } };
    expect(node.Spec.Availability).toBe('pause');

    await tui!.press('7');
    await tui!.waitForText(serviceRow('6/6'));
    // Live: a service made and removed outside dtui comes and goes without a key.
    const other = uniqueName('other');
    const made = (await swarm.manager.docker.createService({
      Name: other,
      Labels: TEST_LABELS,
      TaskTemplate: {
        ContainerSpec: { Image: TEST_IMAGE, Args: ['sleep', '3600'], StopGracePeriod: 500_000_000 },
        Placement: { Constraints: ['node.role==manager'] },
      },
      Mode: { Replicated: { Replicas: 1 } },
    })) as { id: string };
    await tui!.waitForText(new RegExp(`\\[7\\] Services \\(2\\)[\\s\\S]*${other}\\s+-\\s+replicated\\s+1/1`), { timeout: 30_000 });
    await swarm.manager.docker.getService(made.id).remove();
    await tui!.waitForText(/\[7\] Services \(1\)/);
    expect(tui!.screen()).not.toContain(other);
    await tui!.press('d');
    await tui!.waitForText(`Remove service ${name}?`);
    await tui!.waitForText(`${name} · replicated · 6/6 running · ${TEST_IMAGE}`);
    await tui!.press('y');
    await tui!.waitForText(`Removed service ${name}`);
    await tui!.waitForText('No services (docker service create makes one');
    await expect(swarm.manager.docker.getService(serviceId).inspect()).rejects.toMatchObject({ statusCode: 404 });
  }, 60_000);
});

describe('swarm panes on an engine that is no swarm manager', () => {
  it('say so and how to make one, in each swarm pane', async () => {
    const tui = await launchDtui();
    try {
      for (const [key, title] of [
        ['7', 'Services'],
        ['8', 'Nodes'],
        ['9', 'Tasks'],
      ] as const) {
        await tui.press(key);
        await tui.waitForText(`[${key}] ${title}`);
        await tui.waitForText('This engine is not a swarm manager: `docker swarm init` makes it one (or connect dtui to a manager)');
      }
    } finally {
      await tui.kill('SIGKILL');
    }
  }, 60_000);
});
