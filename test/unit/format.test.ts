import { describe, expect, it } from 'vitest';
import {
  absoluteTime,
  ageStatus,
  formatPorts,
  formatSize,
  humanDuration,
  parseHumanDuration,
  shortId,
  timeAgo,
  whenText,
} from '../../src/engine/models/format.js';

describe('format', () => {
  it('sizes in one system, binary units, scaled to keep under 1000 with 3 significant digits', () => {
    expect(formatSize(0)).toBe('0B');
    expect(formatSize(999)).toBe('999B');
    expect(formatSize(1000)).toBe('0.98KiB');
    expect(formatSize(2 * 1024 ** 2)).toBe('2MiB');
    expect(formatSize(1.98 * 1024 ** 2)).toBe('1.98MiB');
    expect(formatSize(72.8 * 1024 ** 2)).toBe('72.8MiB');
    expect(formatSize(999 * 1024 ** 2)).toBe('999MiB');
    // The example: 24105.0 MiB of memory is 23.5GiB.
    expect(formatSize(24105 * 1024 ** 2)).toBe('23.5GiB');
    expect(formatSize(1.5 * 1024 ** 4)).toBe('1.5TiB');
    expect(formatSize(-1)).toBe('?');
  });

  it('never takes more than 7 characters below 1000 PiB', () => {
    for (let bytes = 1; bytes < 1024 ** 5 * 999; bytes = Math.ceil(bytes * 1.37) + 1) expect(formatSize(bytes).length, String(bytes)).toBeLessThanOrEqual(7);
  });

  it('durations like Go units.HumanDuration', () => {
    expect(humanDuration(500)).toBe('Less than a second');
    expect(humanDuration(1000)).toBe('1 second');
    expect(humanDuration(59_000)).toBe('59 seconds');
    expect(humanDuration(61_000)).toBe('About a minute');
    expect(humanDuration(3 * 60_000)).toBe('3 minutes');
    expect(humanDuration(3_600_000)).toBe('About an hour');
    expect(humanDuration(5 * 3_600_000)).toBe('5 hours');
    expect(humanDuration(3 * 86_400_000)).toBe('3 days');
  });

  it('parses what it prints', () => {
    for (const ms of [0, 1000, 30_000, 60_000, 300_000, 3_600_000, 7_200_000]) {
      expect(parseHumanDuration(humanDuration(ms))).toBe(ms);
    }
    expect(parseHumanDuration('nonsense')).toBeUndefined();
  });

  it('re-ages engine status text', () => {
    const t0 = 1_000_000;
    expect(ageStatus('Up 5 seconds', t0, t0 + 10_000)).toBe('Up 15 seconds');
    expect(ageStatus('Up 3 minutes (Paused)', t0, t0 + 120_000)).toBe('Up 5 minutes (Paused)');
    expect(ageStatus('Exited (137) 2 seconds ago', t0, t0 + 60_000)).toBe('Exited (137) About a minute ago');
    expect(ageStatus('Created', t0, t0 + 60_000)).toBe('Created');
    expect(ageStatus('Up 2 minutes (healthy)', t0, t0)).toBe('Up 2 minutes (healthy)');
  });

  it('ports like docker ps, IPv6 duplicates folded', () => {
    expect(formatPorts([])).toBe('');
    expect(
      formatPorts([
        { IP: '0.0.0.0', PrivatePort: 80, PublicPort: 8080, Type: 'tcp' },
        { IP: '::', PrivatePort: 80, PublicPort: 8080, Type: 'tcp' },
        { PrivatePort: 443, Type: 'tcp' },
      ]),
    ).toBe('0.0.0.0:8080->80/tcp, 443/tcp');
  });

  it('short ids and ages', () => {
    expect(shortId('sha256:67581a338a4ddffeba93c0a7e03f86b1208ed0b7')).toBe('67581a338a4d');
    expect(timeAgo(100, 100_000 + 120_000)).toBe('2 minutes ago');
  });
});

describe('shortAgo', () => {
  it('is compact', async () => {
    const { shortAgo } = await import('../../src/engine/models/format.js');
    const now = 1_000_000_000_000;
    expect(shortAgo(now / 1000 - 42, now)).toBe('42s ago');
    expect(shortAgo(now / 1000 - 180, now)).toBe('3m ago');
    expect(shortAgo(now / 1000 - 5 * 3600, now)).toBe('5h ago');
    expect(shortAgo(now / 1000 - 3 * 86400, now)).toBe('3d ago');
    expect(shortAgo(0, now)).toBe('');
  });
});

describe('dateFormat', () => {
  // 2026-12-02 13:05:42 local time, whatever the test machine's zone.
  const at = new Date(2026, 11, 2, 13, 5, 42).getTime() / 1000;
  it('absolute: the local date and time to the minute, zero-padded', () => {
    expect(absoluteTime(at)).toBe('2026-12-02 13:05');
    expect(absoluteTime(new Date(2027, 0, 3, 4, 7).getTime() / 1000)).toBe('2027-01-03 04:07');
    expect(absoluteTime(0)).toBe('');
  });
  it('whenText: relative is the age (short or long), absolute ignores the clock', () => {
    const now = (at + 300) * 1000;
    expect(whenText(at, now, 'relative', 'short')).toBe('5m ago');
    expect(whenText(at, now, 'relative', 'long')).toBe(timeAgo(at, now));
    expect(whenText(at, now, 'absolute', 'short')).toBe('2026-12-02 13:05');
    expect(whenText(at, now + 86_400_000, 'absolute', 'long')).toBe('2026-12-02 13:05');
  });
});
