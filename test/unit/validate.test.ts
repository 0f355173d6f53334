import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  parsePortSpec,
  portBindings,
  type PortMapping,
  parseReference,
  parseSince,
  validateContainerName,
  validateEnvEntry,
  validatePath,
  validatePortSpec,
  validateReference,
  validateTag,
  validateTagTarget,
  validateVolumeSpec,
} from '../../src/engine/models/validate.js';

describe('image references', () => {
  it.each([
    ['busybox', { path: 'busybox' }],
    ['busybox:1.36', { path: 'busybox', tag: '1.36' }],
    ['library/busybox:latest', { path: 'library/busybox', tag: 'latest' }],
    ['127.0.0.1:5000/team/app:1.0', { domain: '127.0.0.1:5000', path: 'team/app', tag: '1.0' }],
    ['localhost/app', { domain: 'localhost', path: 'app' }],
    ['ghcr.io/o-r/a_b.c', { domain: 'ghcr.io', path: 'o-r/a_b.c' }],
    [`app@sha256:${'a'.repeat(64)}`, { path: 'app', digest: `sha256:${'a'.repeat(64)}` }],
  ])('accepts %s', (input, expected) => {
    expect(parseReference(input)).toMatchObject(expected);
  });
});

// Malformed inputs of every form field kind, each with the message it must produce.
const MALFORMED: Array<[string, (v: string) => string | undefined, string, RegExp]> = [
  ['reference', validateReference, '', /enter an image reference/],
  ['reference', validateReference, 'Busybox', /lowercase/],
  ['reference', validateReference, 'busy box', /spaces/],
  ['reference', validateReference, 'busybox:', /not a valid tag/],
  ['reference', validateReference, 'busybox:-x', /not a valid tag/],
  ['reference', validateReference, 'busybox:.x', /not a valid tag/],
  ['reference', validateReference, `busybox:${'t'.repeat(129)}`, /not a valid tag/],
  ['reference', validateReference, 'a//b', /empty part/],
  ['reference', validateReference, '/busybox', /empty part/],
  ['reference', validateReference, 'busybox/', /empty part/],
  ['reference', validateReference, 'bad_-name', /not a valid repository name part/],
  ['reference', validateReference, 'x@sha256:zz', /not a digest/],
  ['reference', validateReference, 'x@md5', /not a digest/],
  ['reference', validateReference, 'host:99999999/app', /not a valid registry host/],
  ['reference', validateReference, '-host.io/app', /not a valid registry host/],
  ['reference', validateReference, 'a'.repeat(256), /at most 255/],
  ['reference', validateReference, 'app:tag:more', /not a valid repository name part/],
  ['tag target', validateTagTarget, `app@sha256:${'b'.repeat(64)}`, /cannot contain a digest/],
  ['tag', validateTag, '', /not a valid tag/],
  ['tag', validateTag, 'has space', /not a valid tag/],
  ['tag', validateTag, 'ünïcode', /not a valid tag/],
  ['name', (v) => validateContainerName(v, { required: true }), '', /enter a name/],
  ['name', validateContainerName, 'a', /not a valid name/],
  ['name', validateContainerName, '-web', /not a valid name/],
  ['name', validateContainerName, 'web 1', /not a valid name/],
  ['name', validateContainerName, 'web/1', /not a valid name/],
  ['name', validateContainerName, 'wéb', /not a valid name/],
  ['port', validatePortSpec, '', /enter a port mapping/],
  ['port', validatePortSpec, '8080:', /not a port/],
  // '0:80' is valid docker syntax (issue 15: any host port); a container port 0 is not.
  ['port', validatePortSpec, '8080:0', /not a port/],
  ['port', validatePortSpec, '8080-8082:80-81', /same length/],
  ['port', validatePortSpec, '8080:80-81', /same length/],
  ['port', validatePortSpec, '8081-8080:80', /not a port/],
  ['port', validatePortSpec, '0-2:80', /not a port/],
  ['port', validatePortSpec, '70000:80', /not a port/],
  ['port', validatePortSpec, '8080:80/xyz', /protocol must be/],
  ['port', validatePortSpec, '8080:80/tcp/udp', /protocol must be/],
  ['port', validatePortSpec, 'a:b', /not a port/],
  ['port', validatePortSpec, '1.2.3:8080:80', /not an IP address/],
  ['port', validatePortSpec, '300.1.1.1:8080:80', /not an IP address/],
  ['port', validatePortSpec, '1:2:3:4', /not a port mapping/],
  ['env', validateEnvEntry, '=value', /name is empty/],
  ['env', validateEnvEntry, 'MY VAR=1', /cannot contain spaces/],
  ['env', validateEnvEntry, 'A=\u0007', /control characters/],
  ['volume', validateVolumeSpec, 'data', /not SOURCE/],
  ['volume', validateVolumeSpec, 'relative/path', /not SOURCE/],
  [
    'since',
    (v) => {
      const r = parseSince(v);
      return typeof r === 'string' ? r : undefined;
    },
    '12.',
    /neither a duration/,
  ],
  ['volume', validateVolumeSpec, 'data:relative', /must be absolute/],
  ['volume', validateVolumeSpec, ':/data', /source .* is empty/],
  ['volume', validateVolumeSpec, 'data:/data:rx', /mode must be ro or rw/],
  ['volume', validateVolumeSpec, 'bad name:/data', /not a volume name/],
  ['path', (v) => validatePath(v), '', /enter a path/],
  ['path', (v) => validatePath(v), 'a\u0000b', /control characters/],
  ['path', (v) => validatePath(v, { absolute: true }), 'relative/x', /must be an absolute path/],
];

describe('malformed input is refused with a message', () => {
  it(`covers at least 40 cases (${MALFORMED.length})`, () => {
    expect(MALFORMED.length).toBeGreaterThanOrEqual(40);
  });
  it.each(MALFORMED)('%s %#', (_kind, check, input, message) => {
    expect(check(input)).toMatch(message);
  });
});

describe('valid input passes', () => {
  it.each([
    [validateContainerName, 'web-1'],
    [validateContainerName, ''],
    [validatePortSpec, '8080:80'],
    [validatePortSpec, '127.0.0.1:8080:80/udp'],
    [validatePortSpec, '[::1]:8080:80'],
    [validatePortSpec, '80'],
    [validateEnvEntry, 'A=b=c'],
    [validateEnvEntry, 'PATH'],
    [validateVolumeSpec, 'data:/data:ro'],
    [validateVolumeSpec, '/srv:/srv'],
    [validateTag, 'v1.2.3-rc_1'],
    // Valid docker syntax (issue 15).
    [validatePortSpec, '0:80'],
    [validatePortSpec, '127.0.0.1::80'],
    [validatePortSpec, '8080-8081:80-81'],
    [validatePortSpec, '8080-8081:80'],
    [validatePortSpec, '127.0.0.1:8080-8081:80-81/udp'],
    [validateVolumeSpec, '/data'],
  ] as Array<[(v: string) => string | undefined, string]>)('%#: %s', (check, input) => {
    expect(check(input)).toBeUndefined();
  });

  it('parses port specs', () => {
    expect(parsePortSpec('127.0.0.1:8080:80/udp')).toEqual({ hostIp: '127.0.0.1', hostPort: '8080', containerPort: '80', protocol: 'udp' });
  });

  it('parses since', () => {
    const now = Date.parse('2026-01-01T01:00:00Z');
    expect(parseSince('1h', now)).toBe(now / 1000 - 3600);
    expect(parseSince('1h30m', now)).toBe(now / 1000 - 5400);
    expect(parseSince('2026-01-01T00:00:00Z', now)).toBe(Date.parse('2026-01-01T00:00:00Z') / 1000);
    expect(parseSince('yesterday', now)).toMatch(/neither a duration/);
    // Issue 13: durations that overflow or reach before 1970 are refused, not sent to the engine.
    for (const big of ['99999999999999999999999d', '9999999999999999s', `${Math.floor(now / 1000) + 1}s`, '1000000d'])
      expect(parseSince(big, now)).toMatch(/before 1970/);
    // A Unix timestamp, as the docker CLI takes it.
    expect(parseSince('1700000000', now)).toBe(1700000000);
    expect(parseSince('1700000000.5', now)).toBe(1700000000);
    expect(parseSince('99999999999999999999', now)).toMatch(/after the year 9999/);
  });

  it('parses a Unix timestamp as since, fractional too, as the docker CLI does', () => {
    expect(parseSince('1767225600')).toBe(1767225600);
    // A fraction is accepted; the engine is asked from the whole second before it.
    expect(parseSince('1767225600.25')).toBe(1767225600);
    fc.assert(fc.property(fc.integer({ min: 0, max: 4102444800 }), (t) => parseSince(String(t)) === t));
  });

  it('expands port ranges to one binding per container port', () => {
    const range = parsePortSpec('8080-8081:80-81') as PortMapping;
    expect(portBindings(range)).toEqual([
      { containerPort: '80', hostPort: '8080' },
      { containerPort: '81', hostPort: '8081' },
    ]);
    expect(portBindings(parsePortSpec('8080-8081:80') as PortMapping)).toEqual([{ containerPort: '80', hostPort: '8080-8081' }]);
    expect(portBindings(parsePortSpec('127.0.0.1::80') as PortMapping)).toEqual([{ containerPort: '80', hostPort: undefined }]);
    expect(parsePortSpec('127.0.0.1::80')).toMatchObject({ hostIp: '127.0.0.1', hostPort: undefined });
    expect(parsePortSpec('0:80')).toMatchObject({ hostPort: '0', containerPort: '80' });
  });
});
