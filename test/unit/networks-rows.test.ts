// The Networks row model: the join with the containers list, the prune candidates, and
// every engine string sanitized / every wrong type tolerated (a hostile engine's answers).
import { describe, expect, it } from 'vitest';
import { attachedText, networkFlags, networkRows, newestCreated, unusedNetworks, type NetworkRow } from '../../src/resources/networks/rows.js';
import { networkColumns } from '../../src/resources/networks/columns.js';

const net = (name: string, extra: Record<string, unknown> = {}) => ({
  Id: `${name}-id`.padEnd(64, '0'),
  Name: name,
  Driver: 'bridge',
  Scope: 'local',
  Created: '2026-01-02T03:04:05.123456789Z',
  Internal: false,
  Attachable: false,
  Ingress: false,
  IPAM: { Config: [{ Subnet: '10.231.1.0/24', Gateway: '10.231.1.1' }] },
  Labels: {},
  ...extra,
});
/** The i-th row, failing the test when there is none. */
const at = (rows: readonly NetworkRow[], i: number): NetworkRow => {
  const row = rows[i];
  if (!row) throw new Error(`no row ${i} among ${rows.length}`);
  return row;
};
const ctr = (name: string, state: string, networks: Record<string, { NetworkID?: string }>) => ({
  Id: `${name}-cid`,
  Names: [`/${name}`],
  State: state,
  NetworkSettings: { Networks: networks },
});

describe('network rows', () => {
  it('joins containers by NetworkID, and stopped ones (no NetworkID) by name', () => {
    const a = net('alpha');
    const rows = networkRows({
      networks: [net('beta'), a, net('host', { Driver: 'host', IPAM: { Config: [] } })],
      containers: [
        ctr('web', 'running', { alpha: { NetworkID: a.Id } }),
        ctr('old', 'exited', { alpha: { NetworkID: '' }, beta: {} }),
        ctr('other', 'running', { gamma: { NetworkID: 'gamma-id' } }),
      ],
    });
    expect(rows.map((r) => r.name)).toEqual(['alpha', 'beta', 'host']);
    const [alpha, beta, host] = rows as [NetworkRow, NetworkRow, NetworkRow];
    expect(alpha.containers).toEqual([
      { id: 'old-cid', name: 'old', running: false },
      { id: 'web-cid', name: 'web', running: true },
    ]);
    expect(attachedText(alpha)).toBe('2 (1 running)');
    expect(attachedText(beta)).toBe('1 (0 running)');
    expect(attachedText(host)).toBe('0');
    expect(alpha.subnets).toEqual(['10.231.1.0/24']);
    expect(alpha.gateways).toEqual(['10.231.1.1']);
    expect(alpha.shortId).toHaveLength(12);
    expect(host.predefined).toBe(true);
    expect(alpha.predefined).toBe(false);
  });

  it('prunes only networks no running container is on, never bridge/host/none or ingress', () => {
    const rows = networkRows({
      networks: [net('used'), net('idle'), net('stale'), net('bridge'), net('none'), net('ingress', { Ingress: true, Scope: 'swarm' })],
      containers: [ctr('web', 'running', { used: { NetworkID: net('used').Id } }), ctr('old', 'exited', { stale: {} })],
    });
    expect(unusedNetworks(rows).map((r) => r.name)).toEqual(['idle', 'stale']);
  });

  it('gives the newest creation time as the engine wrote it (nanoseconds kept)', () => {
    const rows = networkRows({ networks: [net('a', { Created: '2026-01-01T00:00:00Z' }), net('b'), net('c', { Created: 'garbage' })], containers: [] });
    expect(newestCreated(rows)).toBe('2026-01-02T03:04:05.123456789Z');
    expect(newestCreated([])).toBeUndefined();
  });

  it('shows the flags and the columns a person reads', () => {
    const row = at(networkRows({ networks: [net('x', { Internal: true, Attachable: true })], containers: [] }), 0);
    expect(networkFlags(row)).toBe('internal,attachable');
    const now = Date.parse('2026-01-02T03:09:06Z');
    const cells = networkColumns(now).map((c) => [c.title, c.value(row)]);
    expect(cells).toEqual([
      ['NETWORK NAME', 'x'],
      ['DRIVER', 'bridge'],
      ['SCOPE', 'local'],
      ['SUBNET', '10.231.1.0/24'],
      ['CONTAINERS', '0'],
      ['FLAGS', 'internal,attachable'],
      ['CREATED', '5m ago'],
    ]);
  });

  it('sanitizes every string the engine sends, in every field', () => {
    const evil = (s: string) => `${s}\x1b[2J\x1b]0;pwned\x07\u202e\r\n`;
    const id = evil('f'.repeat(64));
    const rows = networkRows({
      networks: [
        {
          Id: id,
          Name: evil('n'),
          Driver: evil('d'),
          Scope: evil('s'),
          Created: evil('2026-01-01T00:00:00Z'),
          IPAM: { Config: [{ Subnet: evil('10.0.0.0/8'), Gateway: evil('10.0.0.1') }] },
          Labels: { [evil('k')]: evil('v') },
        },
      ],
      containers: [{ Id: evil('c'), Names: [evil('/name')], State: 'running', NetworkSettings: { Networks: { [evil('n')]: { NetworkID: id } } } }],
    });
    const strings: string[] = [];
    const walk = (v: unknown): void => {
      if (typeof v === 'string') strings.push(v);
      else if (v && typeof v === 'object')
        for (const [k, x] of Object.entries(v)) {
          strings.push(k);
          walk(x);
        }
    };
    walk(rows);
    expect(strings.length).toBeGreaterThan(15);
    for (const s of strings) expect(s).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u202e]/);
    expect(at(rows, 0).containers.map((c) => c.name)).toEqual(['name']);
    expect(at(rows, 0).labels).toEqual({ k: 'v' });
  });

  it('tolerates wrong types and missing fields without throwing', () => {
    const rows = networkRows({
      networks: [
        null,
        42,
        'x',
        { Id: 7 },
        { Id: 'ok', Name: ['arr'], IPAM: { Config: 'nope' }, Labels: [1, 2], Internal: 'yes', Created: 5 },
        { Id: 'p', Labels: { __proto__: 'x', a: 1 } },
      ],
      containers: [null, { Names: 'x', NetworkSettings: { Networks: [1] } }, { Id: 'c', NetworkSettings: { Networks: { '': null } } }],
    });
    expect(rows.map((r) => r.id)).toEqual(['ok', 'p']);
    expect(rows[0]).toMatchObject({ name: '', subnets: [], internal: false, createdMs: 0, containers: [] });
    expect(Object.keys(at(rows, 1).labels)).toEqual([]);
  });
});
