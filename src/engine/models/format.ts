// Pure formatters for list columns. Every string that came from the engine is
// sanitized by the caller (rows are built in rows.ts); these only shape numbers.

export const SIZE_UNITS = ['B', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB'];

/**
 * Every size dtui shows, in one system: binary (IEC) units, the ones memory limits, the
 * kernel and `docker stats` use, scaled to the largest unit that keeps the number under
 * 1000 and given with 3 significant digits ("1.98MiB", "72.8MiB", "23.5GiB"): at most
 * 7 characters. (The docker CLI's lists use decimal kB/MB/GB; mixing both on one screen
 * made 24105.0 MiB sit beside 23.5GB.)
 */
export function formatSize(bytes: number): string {
  if (!Number.isFinite(bytes) || bytes < 0) return '?';
  let value = bytes;
  let unit = 0;
  while (value >= 1000 && unit < SIZE_UNITS.length - 1) {
    value /= 1024;
    unit++;
  }
  const digits = unit === 0 ? 0 : value < 10 ? 2 : value < 100 ? 1 : 0;
  return `${value.toFixed(digits).replace(/\.0+$|(\.\d*?)0+$/, '$1')}${SIZE_UNITS[unit]}`;
}

/** Go's units.HumanDuration, which the engine uses for "Up …" and "… ago". */
export function humanDuration(ms: number): string {
  const seconds = Math.floor(ms / 1000);
  if (seconds < 1) return 'Less than a second';
  if (seconds === 1) return '1 second';
  if (seconds < 60) return `${seconds} seconds`;
  const minutes = Math.floor(ms / 60000);
  if (minutes === 1) return 'About a minute';
  if (minutes < 60) return `${minutes} minutes`;
  const hours = Math.round(ms / 3600000);
  if (hours === 1) return 'About an hour';
  if (hours < 48) return `${hours} hours`;
  if (hours < 24 * 7 * 2) return `${Math.floor(hours / 24)} days`;
  if (hours < 24 * 30 * 2) return `${Math.floor(hours / 24 / 7)} weeks`;
  if (hours < 24 * 365 * 2) return `${Math.floor(hours / 24 / 30)} months`;
  return `${Math.floor(hours / 24 / 365)} years`;
}

const DURATION_UNITS: Record<string, number> = {
  second: 1000,
  seconds: 1000,
  minute: 60000,
  minutes: 60000,
  hour: 3600000,
  hours: 3600000,
  day: 86400000,
  days: 86400000,
  week: 604800000,
  weeks: 604800000,
  month: 2592000000,
  months: 2592000000,
  year: 31536000000,
  years: 31536000000,
};

/** Inverse of humanDuration, for the duration inside an engine status text. */
export function parseHumanDuration(text: string): number | undefined {
  if (/^Less than a second/.test(text)) return 0;
  if (/^About a minute/.test(text)) return 60000;
  if (/^About an hour/.test(text)) return 3600000;
  const m = /^(\d+) (\w+)/.exec(text);
  if (!m) return undefined;
  const unit = DURATION_UNITS[m[2]!];
  return unit === undefined ? undefined : Number(m[1]) * unit;
}

const HOUR = 3600000;
/** Hours per unit above "hours": humanDuration picks these from the rounded hours. */
const HOURS_PER: Record<string, number> = { hour: 1, hours: 1, day: 24, days: 24, week: 168, weeks: 168, month: 720, months: 720, year: 8760, years: 8760 };

/**
 * The least duration humanDuration prints as `text`. The label is a range ("2 hours" is
 * 90–149 minutes, rounded), so ageing from its lower bound never shows more than the true
 * age — a later exact reading can then only move the age forward.
 */
export function minHumanDuration(text: string): number | undefined {
  const m = /^(\d+) (\w+)/.exec(text);
  const per = m ? HOURS_PER[m[2]!] : undefined;
  if (m && per !== undefined) return Math.max(0, (Number(m[1]) * per - 0.5) * HOUR);
  return parseHumanDuration(text);
}

/**
 * Re-ages an engine status ("Up 3 minutes", "Exited (0) 2 hours ago", "Up 5 seconds (Paused)")
 * to `now`, so the column stays true between re-lists without asking the engine again.
 */
export function ageStatus(status: string, readAt: number, now: number): string {
  const up = /^Up (.+?)( \(.+\))?$/.exec(status);
  if (up) {
    const d = minHumanDuration(up[1]!);
    if (d === undefined) return status;
    return `Up ${humanDuration(d + (now - readAt))}${up[2] ?? ''}`;
  }
  const exited = /^((?:Exited|Restarting) \(-?\d+\)) (.+) ago$/.exec(status);
  if (exited) {
    const d = minHumanDuration(exited[2]!);
    if (d === undefined) return status;
    return `${exited[1]} ${humanDuration(d + (now - readAt))} ago`;
  }
  return status;
}

export function timeAgo(epochSeconds: number, now: number): string {
  if (!epochSeconds) return '';
  return `${humanDuration(Math.max(0, now - epochSeconds * 1000))} ago`;
}

export interface PortSpec {
  IP?: string;
  PrivatePort: number;
  PublicPort?: number;
  Type: string;
}

/** Ports like `docker ps`: "0.0.0.0:8080->80/tcp, 443/tcp", IPv6 duplicates folded. */
export function formatPorts(ports: PortSpec[] | undefined): string {
  if (!ports || ports.length === 0) return '';
  const seen = new Set<string>();
  const out: string[] = [];
  const sorted = [...ports].sort((a, b) => a.PrivatePort - b.PrivatePort || (a.PublicPort ?? 0) - (b.PublicPort ?? 0));
  for (const p of sorted) {
    const text = p.PublicPort
      ? `${p.IP && p.IP.includes(':') ? `[${p.IP}]` : p.IP || '0.0.0.0'}:${p.PublicPort}->${p.PrivatePort}/${p.Type}`
      : `${p.PrivatePort}/${p.Type}`;
    const key = p.PublicPort ? `${p.PublicPort}->${p.PrivatePort}/${p.Type}` : text;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(text);
  }
  return out.join(', ');
}

export function shortId(id: string): string {
  return id.replace(/^sha256:/, '').slice(0, 12);
}

/** "42s ago", "3m ago", "5h ago", "2d ago": the compact age for narrow list columns. */
export function shortAgo(epochSeconds: number, now: number): string {
  if (!epochSeconds) return '';
  const s = Math.max(0, Math.floor(now / 1000 - epochSeconds));
  if (s < 60) return `${s}s ago`;
  if (s < 3600) return `${Math.floor(s / 60)}m ago`;
  if (s < 86400 * 2) return `${Math.floor(s / 3600)}h ago`;
  if (s < 86400 * 14) return `${Math.floor(s / 86400)}d ago`;
  if (s < 86400 * 60) return `${Math.floor(s / 604800)}w ago`;
  if (s < 86400 * 730) return `${Math.floor(s / 2592000)}mo ago`;
  return `${Math.floor(s / 31536000)}y ago`;
}

/**
 * How every time dtui shows reads (the `dateFormat` setting): an age ("5m ago", "Up 5
 * minutes") or the local date and time ("2026-12-02 13:05", "Up since 2026-12-02 13:05").
 * Every time on screen goes through whenText or eventWhen below, or containerStatus
 * (status-age.ts): test/unit/date-format-coverage.test.ts fails on one that does not.
 */
export type DateFormat = 'relative' | 'absolute';

/** Cells an absolute time takes: "2026-12-02 13:05". */
export const ABSOLUTE_TIME_WIDTH = 16;

const two = (n: number) => String(n).padStart(2, '0');

/** Local date and time to the minute: "2026-12-02 13:05" (sorts as text, reads everywhere); with seconds: "…13:05:09". */
export function absoluteTime(epochSeconds: number, seconds = false): string {
  if (!epochSeconds) return '';
  const d = new Date(epochSeconds * 1000);
  const minute = `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())} ${two(d.getHours())}:${two(d.getMinutes())}`;
  return seconds ? `${minute}:${two(d.getSeconds())}` : minute;
}

/**
 * An event's time (the Engines view's last events): "42s ago", or the local date and time
 * to the second — events come seconds apart, the minute alone would not order them.
 */
export function eventWhen(epochSeconds: number, now: number, format: DateFormat): string {
  return format === 'absolute' ? absoluteTime(epochSeconds, true) : shortAgo(epochSeconds, now);
}

/** A created-at cell: the age ("3m ago" `short`, "3 minutes ago" `long`) or the absolute time. */
export function whenText(epochSeconds: number, now: number, format: DateFormat, style: 'short' | 'long'): string {
  if (format === 'absolute') return absoluteTime(epochSeconds);
  return style === 'short' ? shortAgo(epochSeconds, now) : timeAgo(epochSeconds, now);
}
