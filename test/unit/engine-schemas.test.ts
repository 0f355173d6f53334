// Issue 13: every field of every list/inspect answer, broken in every way a hostile engine
// can (wrong type, missing, an object where a list belongs), gives one line naming the call
// and the field — or, for optional fields, rows that still render — never a JavaScript error.
import { describe, expect, it } from 'vitest';
import type Dockerode from 'dockerode';
import { EngineAnswerError, parseAnswer } from '../../src/engine/models/schemas/parse.js';
import { ContainerList, DiskUsage, ImageList, VolumeList } from '../../src/engine/models/schemas/lists.js';
import { ContainerInspect, VersionAnswer } from '../../src/engine/models/schemas/version.js';
import { containerRow, imageRows } from '../../src/engine/models/rows.js';
import { volumeRows } from '../../src/engine/models/volumes.js';
import { negotiateApi, CLIENT_MAX_API, FALLBACK_API } from '../../src/engine/api/api-version.js';

const container = {
  Id: 'a'.repeat(64),
  Names: ['/web'],
  Image: 'busybox',
  ImageID: 'sha256:b',
  Command: 'sh',
  Created: 1700000000,
  State: 'running',
  Status: 'Up 1 s',
  Ports: [{ IP: '0.0.0.0', PrivatePort: 80, PublicPort: 8080, Type: 'tcp' }],
  Labels: { a: 'b' },
  Mounts: [{ Type: 'volume', Name: 'v', Source: '/s', Destination: '/d' }],
};
const image = { Id: 'sha256:' + 'c'.repeat(64), RepoTags: ['busybox:latest'], RepoDigests: ['busybox@sha256:d'], Size: 10, Created: 1700000000, Containers: 1 };
const volume = {
  Name: 'v',
  Driver: 'local',
  Mountpoint: '/m',
  Scope: 'local',
  CreatedAt: '2026-01-01T00:00:00Z',
  Labels: { a: 'b' },
  UsageData: { Size: 1, RefCount: 0 },
};
const inspect = { Id: 'a'.repeat(64), Name: '/web', Config: { Tty: false, Env: ['A=1'], Labels: { a: 'b' } }, State: { Status: 'running' } };
const version = { Version: '27.0', ApiVersion: '1.47', MinAPIVersion: '1.24', Os: 'linux', Arch: 'amd64' };

interface Case {
  call: string;
  /** Wraps one item into the whole answer, and names the item's path in messages. */
  wrap: (item: unknown) => unknown;
  prefix: string;
  item: Record<string, unknown>;
  schema: Parameters<typeof parseAnswer>[0];
  /** Turns a parsed answer into what views render (must not throw). */
  render: (parsed: unknown) => unknown;
}

const cases: Case[] = [
  {
    call: 'GET /containers/json',
    wrap: (i) => [i],
    prefix: '[0].',
    item: container,
    schema: ContainerList,
    render: (p) => (p as Dockerode.ContainerInfo[]).map((c) => containerRow(c, Date.now())),
  },
  {
    call: 'GET /images/json',
    wrap: (i) => [i],
    prefix: '[0].',
    item: image,
    schema: ImageList,
    render: (p) => (p as Dockerode.ImageInfo[]).flatMap(imageRows),
  },
  {
    call: 'GET /volumes',
    wrap: (i) => ({ Volumes: [i] }),
    prefix: 'Volumes[0].',
    item: volume,
    schema: VolumeList,
    render: (p) => volumeRows((p as { Volumes: never[] }).Volumes ?? []),
  },
  {
    call: 'GET /system/df',
    wrap: (i) => ({ Volumes: [i] }),
    prefix: 'Volumes[0].',
    item: volume,
    schema: DiskUsage,
    render: (p) => volumeRows([], (p as { Volumes: never[] }).Volumes ?? []),
  },
  { call: 'GET /containers/x/json', wrap: (i) => i, prefix: '', item: inspect, schema: ContainerInspect, render: (p) => p },
  { call: 'GET /version', wrap: (i) => i, prefix: '', item: version, schema: VersionAnswer, render: (p) => negotiateApi((p as typeof version).ApiVersion) },
];

const BROKEN: Array<[string, (v: unknown) => unknown]> = [
  ['missing', () => undefined],
  ['a number', () => 42],
  ['a string', () => 'x'],
  ['an object', () => ({ nested: { deeper: 1 } })],
  ['a list', () => [{ a: 1 }]],
  ['null', () => null],
];

/** Every path to a leaf or container in `value`, with a setter. */
function fields(value: Record<string, unknown>, path: string[] = []): string[][] {
  const out: string[][] = [];
  for (const [k, v] of Object.entries(value)) {
    out.push([...path, k]);
    if (v && typeof v === 'object') {
      const inner = Array.isArray(v) ? (typeof v[0] === 'object' ? { 0: v[0] } : {}) : v;
      out.push(...fields(inner as Record<string, unknown>, [...path, k]));
    }
  }
  return out;
}

function withField(item: unknown, path: string[], make: (v: unknown) => unknown): unknown {
  const copy = structuredClone(item) as Record<string, unknown>;
  let at = copy;
  for (const k of path.slice(0, -1)) at = at[k] as Record<string, unknown>;
  const last = path[path.length - 1]!;
  const value = make(at[last]);
  if (value === undefined) delete at[last];
  else at[last] = value;
  return copy;
}

describe('malformed engine answers', () => {
  for (const c of cases) {
    it(`${c.call}: a clear message naming the field, or rows that still render`, () => {
      expect(() => c.render(parseAnswer(c.schema, c.wrap(c.item), c.call))).not.toThrow();
      let refused = 0;
      for (const path of fields(c.item)) {
        for (const [how, make] of BROKEN) {
          const answer = c.wrap(withField(c.item, path, make));
          let parsed: unknown;
          try {
            parsed = parseAnswer(c.schema, answer, c.call);
          } catch (err) {
            refused++;
            expect(err, `${path.join('.')} ${how}`).toBeInstanceOf(EngineAnswerError);
            const message = (err as Error).message;
            expect(message).toContain(`answer to ${c.call} is malformed`);
            expect(message).toContain(c.prefix.replace(/\.$/, ''));
            expect(message).not.toMatch(/\n|undefined|is not a function|Cannot read/);
            continue;
          }
          // Accepted: the views' conversion must cope.
          expect(() => c.render(parsed), `${c.call} ${path.join('.')} ${how}`).not.toThrow();
        }
      }
      expect(refused).toBeGreaterThan(0);
    });

    it(`${c.call}: a wrong shape for the whole answer is named too`, () => {
      for (const whole of [null, 42, 'x', {}, []].filter((w) => JSON.stringify(w) !== JSON.stringify(c.wrap(c.item)))) {
        try {
          c.render(parseAnswer(c.schema, whole, c.call));
        } catch (err) {
          expect(err).toBeInstanceOf(EngineAnswerError);
        }
      }
    });
  }

  it('names the field: a numeric container id', () => {
    expect(() => parseAnswer(ContainerList, [{ ...container, Id: 7 }], 'GET /containers/json')).toThrow(
      "the engine's answer to GET /containers/json is malformed: [0].Id should be string, is a number",
    );
    expect(() => parseAnswer(ContainerList, { not: 'a list' }, 'GET /containers/json')).toThrow(/the answer should be Array, is an object/);
  });
});

describe('API version negotiation', () => {
  it("never speaks its own maximum because the engine's version was unreadable", () => {
    for (const bad of ['garbage', '', '1', '1.47.0.1', 'v1.47', '1.x', '\u001b[2J']) expect(negotiateApi(bad)).toBe(FALLBACK_API);
    expect(negotiateApi('nonsense', '1.30')).toBe('1.30');
    expect(negotiateApi('1.40')).toBe('1.40');
    expect(negotiateApi('1.99')).toBe(CLIENT_MAX_API);
  });
});
