// The dateFormat setting reaches every time dtui shows. Two nets: every list's columns,
// for every kind (a new kind without a fixture here fails to compile), drawn with a row
// that has times, show ages when relative and the local date and time when absolute; and
// no source file formats a time except through the dateFormat-aware functions (a new
// "3m ago" written with shortAgo or toISOString somewhere fails here, naming the file).
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { absoluteTime, type DateFormat } from '../../src/engine/models/format.js';
import type { ServiceRow, TaskRow, NodeRow } from '../../src/engine/models/swarm.js';
import type { VolumeRow } from '../../src/engine/models/volumes.js';
import { RESOURCE_KINDS, type ResourceKind, type RowOf } from '../../src/resources/queries.js';
import { descriptorOf } from '../../src/resources/registry.js';
import type { NetworkRow } from '../../src/resources/networks/rows.js';
import type { ProjectRow } from '../../src/resources/projects/rows.js';
import { historyBlocks, historyLayers, historyText } from '../../src/engine/models/history.js';
import { secretAndConfigLines } from '../../src/resources/services/secrets.js';
import { containerStatus } from '../../src/engine/models/status-age.js';
import { FakeEngine, fakeApp, fakeContainer, fakeImage } from '../support/fake-engine.js';

const NOW = Date.parse('2026-12-02T14:00:00Z');
/** Every fixture time: 3 hours before NOW (an age of "3 hours" / "3h"). */
const T = NOW - 3 * 3_600_000;
const LOCAL = absoluteTime(T / 1000);
/** An age as any list or view writes one. */
const AGE = /\bago\b|\b\d+ (second|minute|hour|day|week|month|year)s?\b|About an? |Less than a second|^Up \d/;

const container = fakeContainer(1, { created: T / 1000, status: 'Up 3 hours', statusAt: NOW, state: 'running' });
const exited = fakeContainer(2, { created: T / 1000, status: 'Exited (0) 3 hours ago', statusAt: NOW, state: 'exited' });
const task: TaskRow = {
  ...{ id: 't1', shortId: 't1', serviceId: 's1', serviceName: 'web', name: 'web.1', slot: 1, nodeId: 'n1', node: 'host' },
  ...{ desired: 'running', state: 'running', error: '', sinceMs: T, image: 'busybox' },
};
const service: ServiceRow = {
  ...{ id: 's1', shortId: 's1', name: 'web', stack: '', mode: 'replicated', running: 1, desired: 1, image: 'busybox', ports: [] },
  ...{ updateState: '', updateMessage: '', updated: 1, createdMs: T, labels: {} },
};
const network: NetworkRow = {
  ...{ id: 'n1', shortId: 'n1', name: 'net', driver: 'bridge', scope: 'local', subnets: [], gateways: [], internal: false },
  ...{ attachable: false, ingress: false, created: new Date(T).toISOString(), createdMs: T, labels: {}, containers: [], predefined: false },
};
const volume: VolumeRow = { name: 'vol', driver: 'local', mountpoint: '/v', scope: 'local', createdAt: new Date(T).toISOString(), size: 1, labels: {} };
const project: ProjectRow = {
  ...{ key: 'project:p', level: 'project', project: 'p', service: '', containers: [container], services: 1, running: 1, total: 1 },
  ...{ state: 'running', workingDir: '/w', configFiles: 'compose.yml' },
};
const node: NodeRow = {
  ...{ id: 'n1', shortId: 'n1', hostname: 'host', role: 'manager', availability: 'active', status: 'ready', managerStatus: 'leader' },
  ...{ engineVersion: '27.0', addr: '10.0.0.1', labels: {}, tasks: 1, starting: 0 },
};

/** One or more rows of each kind, with every time it has set to T. */
const FIXTURES: { [K in ResourceKind]: RowOf<K>[] } = {
  containers: [container, exited],
  images: [fakeImage(1, { created: T / 1000 })],
  volumes: [volume],
  networks: [network],
  projects: [project],
  services: [service],
  tasks: [task],
  nodes: [node],
};

/** Every cell of every column `kind` can show (config look.columns only picks among these). */
async function cells(kind: ResourceKind, dateFormat: DateFormat): Promise<string[]> {
  const { session } = await fakeApp(new FakeEngine(), { cols: 200, rows: 40 });
  // The engine's start/finish times, as the inspect would give them.
  session.times.store.set(
    new Map([
      [container.id, { state: 'running', startedAt: T }],
      [exited.id, { state: 'exited', finishedAt: T }],
    ]),
  );
  const columns = descriptorOf(kind).columns({ session, now: NOW, settings: { statsColumns: true, dateFormat } });
  return (FIXTURES[kind] as unknown[]).flatMap((row) => columns.map((c) => c.value(row)));
}

describe('dateFormat reaches every list column', () => {
  it.each(RESOURCE_KINDS)('%s: absolute shows the local date and time and no age; relative shows no absolute time', async (kind) => {
    const absolute = await cells(kind, 'absolute');
    const relativeCells = await cells(kind, 'relative');
    for (const cell of absolute) expect(cell, `${kind}: "${cell}"`).not.toMatch(AGE);
    for (const cell of relativeCells) expect(cell, `${kind}: "${cell}"`).not.toContain(LOCAL);
    // A kind that shows a time shows it in both forms, in the same cells.
    const timed = relativeCells.filter((c) => AGE.test(c)).length;
    expect(absolute.filter((c) => c.includes(LOCAL)).length, kind).toBe(timed);
  });

  it('the kinds with times have them: containers (STATUS, CREATED), images, networks, services, tasks', async () => {
    expect(await cells('containers', 'absolute')).toEqual(expect.arrayContaining([`Up since ${LOCAL}`, `Exited (0) at ${LOCAL}`, LOCAL]));
    expect(await cells('containers', 'relative')).toEqual(expect.arrayContaining(['Up 3 hours', 'Exited (0) 3 hours ago', '3h ago']));
    expect(await cells('tasks', 'absolute')).toContain(`running ${LOCAL}`);
    expect(await cells('tasks', 'relative')).toContain('running 3h ago');
    for (const kind of ['images', 'networks', 'services'] as const) expect(await cells(kind, 'absolute')).toContain(LOCAL);
  });
});

describe('dateFormat reaches every text view with a time', () => {
  it('STATUS keeps the (Paused)/(healthy) note; before the engine time is read it stays an age', () => {
    expect(containerStatus({ status: 'Up 3 hours (healthy)', statusAt: NOW }, { startedAt: T }, NOW, 'absolute')).toBe(`Up since ${LOCAL} (healthy)`);
    expect(containerStatus({ status: 'Restarting (1) 3 hours ago', statusAt: NOW }, { finishedAt: T }, NOW, 'absolute')).toBe(`Restarting (1) at ${LOCAL}`);
    expect(containerStatus({ status: 'Up 3 hours', statusAt: NOW }, undefined, NOW, 'absolute')).toBe('Up 3 hours');
    expect(containerStatus({ status: 'Created', statusAt: NOW }, undefined, NOW, 'absolute')).toBe('Created');
  });

  it('image history (overlay and export) and swarm secrets/configs', () => {
    const layers = historyLayers([{ Id: 'sha256:abc', Created: T / 1000, CreatedBy: 'sh', Size: 1, Comment: '' }]);
    for (const lines of [historyText(layers, NOW, 'absolute'), historyBlocks(layers, NOW, 120, 'absolute')]) {
      expect(lines.join('\n')).toContain(LOCAL);
      expect(lines.join('\n')).not.toMatch(/ago/);
    }
    expect(historyText(layers, NOW, 'relative').join('\n')).toContain('3 hours ago');
    const secret = { id: 'x'.repeat(25), name: 's', createdMs: T, labels: {} };
    expect(secretAndConfigLines([secret], [], NOW, 'absolute').join('\n')).toContain(LOCAL);
    expect(secretAndConfigLines([secret], [], NOW, 'relative').join('\n')).toContain('3h ago');
  });
});

const ROOT = join(import.meta.dirname, '../..');
/** Files allowed to format a time another way, and why. */
const ALLOWED: Record<string, string> = {
  'src/engine/models/format.ts': 'the formatters themselves',
  'src/engine/models/status-age.ts': 'containerStatus: takes the dateFormat',
  'src/app/actions/detail-actions.ts': 'a file name stamp (logs-20261202-140000.txt), not a time on screen',
  'src/text/group-digits.ts': 'toLocaleString of a number, not a date',
};
/** Ways to write a time that bypass the setting. */
const TIME_FORMATTING =
  /\b(timeAgo|shortAgo|humanDuration|ageStatus|absoluteTime)\(|\.(toISOString|toLocaleString|toLocaleDateString|toLocaleTimeString|toUTCString|toDateString|toTimeString|getHours)\(/;

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return sources(path);
    return /\.tsx?$/.test(e.name) ? [relative(ROOT, path)] : [];
  });
}

describe('no time is formatted around the setting', () => {
  it('only format.ts and the files listed (with why) write a time or an age', () => {
    const offenders = sources(join(ROOT, 'src')).filter((file) => !(file in ALLOWED) && TIME_FORMATTING.test(readFileSync(join(ROOT, file), 'utf8')));
    expect(offenders).toEqual([]);
  });
});
