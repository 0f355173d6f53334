// The stamps engines put before each log message (`timestamps=1`). dockerd writes
// RFC3339Nano in UTC with all nine digits (2026-12-02T13:11:13.684555366Z); Podman 4.3.1's
// Docker-compatible API writes whole seconds (2026-12-02T16:05:48Z, measured).

/** RFC3339 with the fraction padded to nine digits, so stamps of one zone compare as strings. */
export function timestampKey(ts: string): string {
  const m = /^(.+?)(?:\.(\d+))?(Z|[+-]\d\d:\d\d)$/.exec(ts);
  if (!m) return ts;
  return `${m[1]}.${(m[2] ?? '').padEnd(9, '0')}${m[3]}`;
}

/** The engine's `since` takes "seconds.nanoseconds". */
export function sinceParam(ts: string): string | undefined {
  const ms = Date.parse(ts);
  if (Number.isNaN(ms)) return undefined;
  const nanos = (/\.(\d+)/.exec(ts)?.[1] ?? '').padEnd(9, '0').slice(0, 9);
  return `${Math.floor(ms / 1000)}.${nanos}`;
}

const SHAPE = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.(\d+))?(Z|[+-]\d\d:\d\d)$/;
const shapes = new Map<string, { zone: string; pattern: RegExp }>();

/**
 * Stamps written the way `ts` is (as many fraction digits, the same zone), each with the
 * space the engine puts after it: what an engine glues into a line next to its own stamp.
 * Undefined when `ts` is not an RFC3339 stamp.
 */
export function stampsShapedLike(ts: string): { zone: string; pattern: RegExp } | undefined {
  const m = SHAPE.exec(ts);
  if (!m) return undefined;
  const digits = m[1]?.length ?? 0;
  const zone = m[2]!;
  const id = `${digits}${zone}`;
  let shape = shapes.get(id);
  if (!shape) {
    const fraction = digits ? `\\.\\d{${digits}}` : '';
    const zonePattern = zone === 'Z' ? 'Z' : `\\${zone}`;
    shape = { zone, pattern: new RegExp(`\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d${fraction}${zonePattern} `, 'g') };
    shapes.set(id, shape);
  }
  return shape;
}
