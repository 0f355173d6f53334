// Podman's real answers (captured with curl --unix-socket from Podman 4.3.1's Docker-compatible
// socket, test/fixtures/podman-4.3.1) pass dtui's schemas and come out as Docker's would:
// the product and version, list rows, the Engine pane, events, top and network joins.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type Dockerode from 'dockerode';
import { parseAnswer } from '../../src/engine/models/schemas/parse.js';
import { ContainerList, DiskUsage, ImageList, VolumeList } from '../../src/engine/models/schemas/lists.js';
import { VersionAnswer } from '../../src/engine/models/schemas/version.js';
import { engineProduct } from '../../src/engine/models/engine-product.js';
import { engineOverview, overviewLines, type RawDf, type RawInfo } from '../../src/engine/models/engine-overview.js';
import { containerRow, familiarName, imageRows } from '../../src/engine/models/rows.js';
import { toEngineEvent } from '../../src/engine/api/events.js';
import { splitTop } from '../../src/engine/models/top.js';
import { networkRows } from '../../src/resources/networks/rows.js';
import { cpuPercent, memoryUsage, type RawStats } from '../../src/engine/models/stats.js';

const dir = join(import.meta.dirname, '../fixtures/podman-4.3.1');
const fixture = (name: string): unknown => JSON.parse(readFileSync(join(dir, name), 'utf8'));

describe('Podman 4.3.1 answers', () => {
  it('/version: the schema accepts it and the product is Podman with its component version', () => {
    const version = parseAnswer(VersionAnswer, fixture('version.json'), 'GET /version');
    expect(engineProduct(version)).toEqual({ product: 'Podman', version: '4.3.1' });
    // dockerd's shape, and anything malformed, is Docker.
    expect(engineProduct({ Version: '27.0', Platform: { Name: 'Docker Engine - Community' }, Components: [{ Name: 'Engine', Version: '27.0' }] })).toEqual({
      product: 'Docker',
      version: '27.0',
    });
    for (const junk of [null, 7, 'x', { Components: 'x' }, { Components: [null, 3, { Name: 5 }] }, { Platform: 'podman' }]) {
      expect(engineProduct(junk).product).toBe('Docker');
    }
  });

  it('lists pass the schemas and become rows', () => {
    const containers = parseAnswer(ContainerList, fixture('containers.json'), 'GET /containers/json');
    expect(containers.length).toBeGreaterThan(0);
    const row = containerRow(containers[0] as unknown as Dockerode.ContainerInfo, Date.now());
    expect(row.name).not.toMatch(/^\//);
    const images = parseAnswer(ImageList, fixture('images.json'), 'GET /images/json');
    const rows = images.flatMap((i) => imageRows(i as unknown as Dockerode.ImageInfo));
    // Podman qualifies every name; dtui shows the familiar one, and hands the engine its own.
    const hub = rows.find((r) => r.ref.startsWith('docker.io/library/'));
    expect(hub?.repository).toBe(hub?.ref.slice('docker.io/library/'.length).split(':')[0]);
    expect(rows.some((r) => r.repository === 'localhost/dtui-test/busybox')).toBe(true);
    expect(parseAnswer(VolumeList, fixture('volumes.json'), 'GET /volumes').Volumes?.[0]?.Name).toBe('pv9');
    expect(parseAnswer(DiskUsage, fixture('df.json'), 'GET /system/df')).toBeDefined();
  });

  it('the Engine pane names Podman and its root dir', () => {
    const lines = overviewLines(engineOverview(fixture('version.json') as object, fixture('info.json') as RawInfo, fixture('df.json') as RawDf, '1.41')).map(
      (l) => l.text,
    );
    expect(lines).toContainEqual(expect.stringMatching(/^Version\s+Podman 4\.3\.1$/));
    expect(lines).toContainEqual(expect.stringMatching(/^Root dir\s+\//));
    expect(lines.join('\n')).not.toMatch(/Docker root dir/);
  });

  it("events: a removed container reads as dockerd's destroy; other names pass unchanged", () => {
    const events = readFileSync(join(dir, 'events.ndjson'), 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((l) => toEngineEvent(JSON.parse(l)));
    expect(events.some((e) => e.type === 'container' && e.action === 'destroy')).toBe(true);
    expect(events.some((e) => e.action === 'remove' && e.type === 'container')).toBe(false);
    expect(events.some((e) => e.type === 'volume' && e.action === 'remove')).toBe(true);
    expect(events.find((e) => e.action === 'pause')?.attributes.name).toBe('t1');
  });

  it('top: the unsplit rows of ps run in the container become columns', () => {
    const raw = fixture('top-default.json') as { Titles: string[]; Processes: string[][] };
    const top = splitTop({ titles: raw.Titles, processes: raw.Processes });
    expect(top.titles).toEqual(['PID', 'USER', 'COMMAND']);
    expect(top.processes[0]).toEqual(['1', '0', 'sleep 3600']);
    // A table already split is left alone.
    const docker = { titles: ['UID', 'PID', 'CMD'], processes: [['root', '1', 'sleep 1']] };
    expect(splitTop(docker)).toBe(docker);
  });

  it('networks: containers join by the name Podman puts in NetworkID', () => {
    const rows = networkRows({ networks: fixture('networks.json') as unknown[], containers: fixture('containers.json') as unknown[] });
    const pn3 = rows.find((r) => r.name === 'pn3');
    expect(pn3?.containers.map((c) => c.name).sort()).toEqual(['n3', 'n4']);
  });

  it('stats: a one-shot sample has memory and no CPU delta yet', () => {
    const stats = fixture('stats.json') as RawStats;
    expect(cpuPercent(stats)).toBeNull();
    expect(memoryUsage(stats)).toBeGreaterThan(0);
  });

  it('familiarName strips only docker.io', () => {
    expect(familiarName('docker.io/library/app:v1')).toBe('app:v1');
    expect(familiarName('docker.io/org/app:v1')).toBe('org/app:v1');
    expect(familiarName('localhost/app:v1')).toBe('localhost/app:v1');
    expect(familiarName('127.0.0.1:5000/docker.io/x:1')).toBe('127.0.0.1:5000/docker.io/x:1');
  });
});
