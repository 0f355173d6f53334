// The Engines view (0) on real engines: two dockerds behind counting proxies, reached
// through contexts made with the real `docker context create`. Switching shows each
// engine's own containers and changes the header; an unreachable engine is refused and
// the current one kept; 20 switches leak no fd and leave no request open on the engine
// switched away from; the fleet list shows both engines' containers, stops a row on its
// own engine, and shows the logs and top of a row on the other engine and opens a shell
// there without switching. Both engines are this file's own: on the shared engine other
// files' containers come and go, and the selected row (whose log stream is part of "at
// rest") would be whichever of them sorts first at that moment.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dockerFor, runTestContainer, waitFor } from '../support/engine.js';
import { launchDtui } from '../support/dtui.js';
import type { TuiHarness } from '../support/pty-harness.js';
import { SLEEPER, group, stateOf, waitSelected, waitState } from '../support/core-e2e.js';
import { startPrivateEngine, type PrivateEngine } from '../support/private-engine.js';
import { startCountingProxy, type CountingProxy } from '../support/counting-proxy.js';

const g = group();
let engineA: PrivateEngine;
let dockerA: ReturnType<typeof dockerFor>;
let engineB: PrivateEngine;
let dockerB: ReturnType<typeof dockerFor>;
let proxyA: CountingProxy;
let proxyB: CountingProxy;
let config = '';
const nameA = `ea-${g}`;
const nameB = `eb-${g}`;
/** On beta, printing two lines: the fleet's detail pane reads it without switching. */
const nameL = `el-${g}`;
let idA = '';
let idB = '';
let idL = '';
/** The contexts in the view's order (`docker context ls`: default first, then by name). */
const ORDER = ['default', 'alpha', 'beta', 'gone'];

const env = () => ({ DOCKER_CONFIG: config, DOCKER_HOST: undefined, DOCKER_CONTEXT: undefined, DOCKER_TLS_VERIFY: undefined, DOCKER_CERT_PATH: undefined });
const cli = (...args: string[]) =>
  execFileSync('docker', args, { env: { ...process.env, DOCKER_CONFIG: config, DOCKER_HOST: '', DOCKER_CONTEXT: '' }, stdio: 'pipe' });

beforeAll(async () => {
  [engineA, engineB] = await Promise.all([startPrivateEngine(), startPrivateEngine()]);
  dockerA = dockerFor(engineA.host);
  dockerB = dockerFor(engineB.host);
  config = mkdtempSync(join(tmpdir(), 'dtui-engines-'));
  proxyA = await startCountingProxy(join(config, 'a.sock'), engineA.info.socketPath);
  proxyB = await startCountingProxy(join(config, 'b.sock'), engineB.info.socketPath);
  cli('context', 'create', 'alpha', '--docker', `host=${proxyA.host}`);
  cli('context', 'create', 'beta', '--docker', `host=${proxyB.host}`);
  cli('context', 'create', 'gone', '--docker', `host=unix://${join(config, 'nobody-listens.sock')}`);
  cli('context', 'use', 'alpha');
  idA = await runTestContainer(dockerA, { name: nameA, cmd: SLEEPER });
  idB = await runTestContainer(dockerB, { name: nameB, cmd: SLEEPER });
  idL = await runTestContainer(dockerB, { name: nameL, cmd: ['sh', '-c', "echo fleet-line-one; echo fleet-line-two; trap 'exit 0' TERM; sleep 3600 & wait"] });
}, 180_000);

afterAll(async () => {
  await proxyA?.close();
  await proxyB?.close();
  await Promise.all([engineA?.dispose(), engineB?.dispose()]);
  if (config) rmSync(config, { recursive: true, force: true });
}, 60_000);

async function launch(): Promise<TuiHarness> {
  const tui = await launchDtui({ env: env() });
  await tui.waitForText(`dtui context alpha · ${proxyA.host} · Docker`);
  return tui;
}

async function openEngines(tui: TuiHarness): Promise<void> {
  await tui.press('0');
  await tui.waitForText('[0] Engines (4)');
}

/** 0, select `name` (g then j…), Enter. */
async function pick(tui: TuiHarness, name: string): Promise<void> {
  await openEngines(tui);
  await tui.press('g', ...Array<string>(ORDER.indexOf(name)).fill('j'), 'enter');
}

async function switchTo(tui: TuiHarness, name: string, proxy: CountingProxy): Promise<void> {
  await pick(tui, name);
  await tui.waitForText(`dtui context ${name} · ${proxy.host} · Docker`);
  await tui.waitForText(/\[1\] Containers \(\d+/);
}

const fdCount = (pid: number) => readdirSync(`/proc/${pid}/fd`).length;
/** "GET /v1.41/containers/ID/logs?…" → "GET /logs": the kind of request. */
const route = (line: string) => line.replace(/^(\S+) \/v[\d.]+(?:\/\w+\/[0-9a-f]{12,})?\/(\w+).*$/, '$1 /$2');

describe('Engines view (0): switching at runtime', () => {
  it('switches between two contexts with 0 + Enter: each engine’s containers, the header, nothing left open on the old one', async () => {
    const tui = await launch();
    try {
      await tui.waitForText(nameA);
      expect(tui.screen()).not.toContain(nameB);
      await openEngines(tui);
      // Reachability, version and counts fill in without blocking the view.
      await tui.waitForText(/beta\s+unix:\S+\s+reachable\s+\S+\s+[\d.]+\s+\d+\/\d+/);
      await tui.waitForText(/gone\s+unix:\S+\s+unreachable/);
      await tui.press('g', 'j', 'j', 'enter');
      await tui.waitForText(`dtui context beta · ${proxyB.host} · Docker`);
      await tui.waitForText(nameB);
      expect(tui.screen()).not.toContain(nameA);
      // The old engine: no stream, no request, no connection left.
      await waitFor(() => proxyA.open() === 0, { message: () => `alpha still has ${proxyA.openRequests().join(', ')}` });
      await switchTo(tui, 'alpha', proxyA);
      await tui.waitForText(nameA);
      expect(tui.screen()).not.toContain(nameB);
      await waitFor(() => proxyB.open() === 0, { message: () => `beta still has ${proxyB.openRequests().join(', ')}` });
    } finally {
      await tui.kill('SIGKILL');
    }
  });

  it('refuses an unreachable engine, keeps the current one and says why', async () => {
    const tui = await launch();
    try {
      await pick(tui, 'gone');
      await tui.waitForText(/Cannot switch to gone \(still on alpha\): no such socket/);
      expect(tui.screen()).toContain(`dtui context alpha · ${proxyA.host}`);
      await tui.press('1');
      await tui.waitForText(nameA);
    } finally {
      await tui.kill('SIGKILL');
    }
  });

  it('20 switches back and forth: fds and open engine connections return to their baseline', async () => {
    const tui = await launch();
    try {
      // One round trip first, so what Node opens once (and keeps) is in the baseline.
      await switchTo(tui, 'beta', proxyB);
      await switchTo(tui, 'alpha', proxyA);
      // At rest on alpha: its one events stream and the selected container's log stream.
      const atRest = () => {
        const open = proxyA.openRequests().map(route).sort();
        return proxyB.open() === 0 && open.length === 2 && open[0] === 'GET /events' && open[1] === 'GET /logs';
      };
      const describe = () => `fds ${fdCount(tui.pid)}; open on alpha: ${proxyA.openRequests().join(', ')}; on beta: ${proxyB.openRequests().join(', ')}`;
      await waitFor(atRest, { message: describe });
      const baseline = fdCount(tui.pid);
      for (let i = 0; i < 10; i++) {
        await switchTo(tui, 'beta', proxyB);
        await waitFor(() => proxyA.open() === 0, { message: () => `switch ${2 * i + 1}: ${describe()}` });
        await switchTo(tui, 'alpha', proxyA);
        await waitFor(() => proxyB.open() === 0, { message: () => `switch ${2 * i + 2}: ${describe()}` });
      }
      // Back on alpha with the same screen: the same streams, and no fd more than before.
      await waitFor(() => atRest() && fdCount(tui.pid) <= baseline, { message: () => `baseline ${baseline} fds; ${describe()}` });
    } finally {
      await tui.kill('SIGKILL');
    }
  }, 120_000);
});

describe('Engines view (0): the fleet list (f)', () => {
  it('lists both engines’ containers with an ENGINE column, and s stops a row on its own engine', async () => {
    const tui = await launch();
    try {
      await openEngines(tui);
      await tui.press('f');
      await tui.waitForText(/\[0\] Fleet · 2 engine\(s\)/);
      await tui.press('/');
      await tui.type(g);
      await tui.press('enter');
      await tui.waitForText(new RegExp(`alpha\\s+${nameA}\\s`));
      await tui.waitForText(new RegExp(`beta\\s+${nameB}\\s`));
      expect(tui.screen()).toMatch(/ENGINE\s+NAME\s+IMAGE\s+STATE/);
      await tui.press('esc', '/');
      await tui.type(nameB);
      await tui.press('enter');
      await tui.waitForText(new RegExp(`beta\\s+${nameB}\\s+\\S+\\s+running`));
      await tui.press('s');
      await tui.waitForText(`Stopped ${nameB} on beta`);
      await waitState(dockerB, idB, 'exited');
      expect(await stateOf(dockerA, idA)).toBe('running');
      // The row follows its engine's events.
      await tui.waitForText(new RegExp(`beta\\s+${nameB}\\s+\\S+\\s+exited`));
      // Enter: the row's engine becomes the app's, its container selected (logs, top, exec there).
      await tui.press('enter');
      await tui.waitForText(`dtui context beta · ${proxyB.host} · Docker`);
      await waitSelected(tui, nameB);
    } finally {
      await tui.kill('SIGKILL');
    }
  });

  it('l, t and e on a row of the other engine: its logs, processes and a shell there, the app staying on its engine', async () => {
    const tui = await launch();
    try {
      await openEngines(tui);
      await tui.press('f', '/');
      await tui.type(nameL);
      await tui.press('enter');
      await tui.waitForText(new RegExp(`beta\\s+${nameL}\\s+\\S+\\s+running`));
      await tui.press('l');
      // The detail pane beside the row says the engine it reads, and shows that container's log.
      await tui.waitForText(new RegExp(`${nameL} running on beta`));
      await tui.waitForText('fleet-line-two');
      expect(tui.screen()).toContain('fleet-line-one');
      expect(tui.screen()).toContain(`dtui context alpha · ${proxyA.host}`);
      // On the engine: the log stream is beta's, and alpha was not asked for it.
      await waitFor(() => proxyB.openRequests().some((r) => r.includes(`/containers/${idL}/logs`)), {
        message: () => `beta has ${proxyB.openRequests().join(', ')}`,
      });
      expect(proxyA.openRequests().some((r) => r.includes(idL))).toBe(false);
      await tui.press('t');
      await tui.waitForText(/sleep 3600/);
      // Esc closes the pane; the fleet list takes the keys again.
      await tui.press('esc');
      await tui.waitForScreen((screen) => !screen.includes(`${nameL} running on beta`) && /\[0\] Fleet/.test(screen));
      await tui.press('e');
      await tui.waitForText('/ #');
      await tui.type('touch /tmp/fleet-mark; hostname\r');
      await tui.waitForText(new RegExp(`^${idL.slice(0, 12)}$`, 'm'));
      await tui.type('exit\r');
      await tui.waitForText(`exec sh in ${nameL} on beta exited with code 0`);
      expect(tui.screen()).toContain(`dtui context alpha · ${proxyA.host}`);
      // The shell ran in beta's container.
      await expect(dockerB.getContainer(idL).infoArchive({ path: '/tmp/fleet-mark' })).resolves.toBeTruthy();
    } finally {
      await tui.kill('SIGKILL');
    }
  });

  it('losing one engine marks its rows stale and keeps the other engine live', async () => {
    const tui = await launch();
    try {
      await openEngines(tui);
      await tui.press('f');
      await tui.press('/');
      await tui.type(g);
      await tui.press('enter');
      await tui.waitForText(new RegExp(`beta\\s+${nameB}\\s`));
      await tui.waitForText(new RegExp(`alpha\\s+${nameA}\\s+\\S+\\s+running`));
      await engineB.kill();
      await tui.waitForText(new RegExp(`beta\\s+${nameB}\\s+\\S+\\s+\\w+\\?\\s+engine lost \\(stale\\)`));
      // Alpha's rows still follow alpha's events.
      await dockerA.getContainer(idA).stop();
      await tui.waitForText(new RegExp(`alpha\\s+${nameA}\\s+\\S+\\s+exited`));
      await tui.press('f');
      await tui.waitForText(/beta\s+unix:\S+\s+lost/);
    } finally {
      await tui.kill('SIGKILL');
    }
  });
});
