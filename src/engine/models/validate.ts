// Input checks for every form, run before anything is sent to the engine. Each returns
// an error message (what is wrong, and what would be right) or undefined when valid.
// Grammars follow the docker CLI and the distribution reference spec.

/** distribution/reference: a path component is lowercase alnum runs joined by . _ __ or -+. */
const PATH_COMPONENT = /^[a-z0-9]+(?:(?:\.|_|__|-+)[a-z0-9]+)*$/;
const DOMAIN_COMPONENT = /^(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])$/;
const TAG = /^[\w][\w.-]{0,127}$/;
const DIGEST = /^[a-z0-9]+(?:[.+_-][a-z0-9]+)*:[a-fA-F0-9]{32,}$/;

export interface ParsedReference {
  domain?: string;
  path: string;
  tag?: string;
  digest?: string;
}

function validDomain(domain: string): boolean {
  if (/^\[[0-9a-fA-F:]+\](?::\d+)?$/.test(domain)) return true; // [::1]:5000
  const [host, port, extra] = domain.split(':');
  if (extra !== undefined) return false;
  if (port !== undefined && !/^\d{1,5}$/.test(port)) return false;
  return host!.split('.').every((c) => DOMAIN_COMPONENT.test(c));
}

/** Parses "[domain/]path[:tag][@digest]" or explains why it is not a reference. */
export function parseReference(input: string): ParsedReference | string {
  const ref = input.trim();
  if (!ref) return 'enter an image reference, e.g. busybox:latest or 127.0.0.1:5000/team/app:1.0';
  if (ref.length > 255) return 'a reference is at most 255 characters';
  if (/\s/.test(ref)) return 'a reference cannot contain spaces';
  let rest = ref;
  let digest: string | undefined;
  const at = rest.indexOf('@');
  if (at >= 0) {
    digest = rest.slice(at + 1);
    rest = rest.slice(0, at);
    if (!DIGEST.test(digest)) return `"${digest}" is not a digest (algorithm:hex, e.g. sha256:…)`;
  }
  let tag: string | undefined;
  const lastSlash = rest.lastIndexOf('/');
  const colon = rest.lastIndexOf(':');
  if (colon > lastSlash) {
    tag = rest.slice(colon + 1);
    rest = rest.slice(0, colon);
    if (!TAG.test(tag)) return `"${tag}" is not a valid tag (letters, digits, _ . -; at most 128; not starting with . or -)`;
  }
  const parts = rest.split('/');
  let domain: string | undefined;
  if (parts.length > 1 && /[.:]|^localhost$/.test(parts[0]!)) {
    domain = parts.shift()!;
    if (!validDomain(domain)) return `"${domain}" is not a valid registry host`;
  } else if (parts.length > 1 && /[A-Z]/.test(parts[0]!)) {
    return `"${parts[0]}" must be lowercase (or a registry host with a dot or port)`;
  }
  if (parts.length === 0 || parts.some((p) => p === '')) return 'the repository name has an empty part';
  for (const p of parts) {
    if (/[A-Z]/.test(p)) return `repository names must be lowercase ("${p}")`;
    if (!PATH_COMPONENT.test(p)) return `"${p}" is not a valid repository name part (lowercase letters, digits, separators . _ -)`;
  }
  return { domain, path: parts.join('/'), tag, digest };
}

export function validateReference(input: string): string | undefined {
  const r = parseReference(input);
  return typeof r === 'string' ? r : undefined;
}

/** A new repo:tag for `docker tag`: a reference without a digest. */
export function validateTagTarget(input: string): string | undefined {
  const r = parseReference(input);
  if (typeof r === 'string') return r;
  if (r.digest) return 'a tag target cannot contain a digest';
  return undefined;
}

export function validateTag(input: string): string | undefined {
  return TAG.test(input) ? undefined : `"${input}" is not a valid tag (letters, digits, _ . -; at most 128; not starting with . or -)`;
}

/** Container names as the engine accepts them: [a-zA-Z0-9][a-zA-Z0-9_.-]+. Empty means "let the engine pick". */
export function validateContainerName(input: string, opts: { required?: boolean } = {}): string | undefined {
  if (!input) return opts.required ? 'enter a name' : undefined;
  if (!/^\/?[a-zA-Z0-9][a-zA-Z0-9_.-]+$/.test(input))
    return `"${input}" is not a valid name (letters, digits, _ . -; at least 2; starts with a letter or digit)`;
  return undefined;
}

export interface PortMapping {
  hostIp?: string;
  /** A port, a range "8080-8081", "0" (the engine picks one) or undefined (random). */
  hostPort?: string;
  /** A port or a range "80-81". */
  containerPort: string;
  protocol: 'tcp' | 'udp' | 'sctp';
}

/** "80" or "80-81" → [first, last], or undefined. `allowZero`: host port 0 means "any" (docker -p 0:80). */
function portRange(p: string, allowZero = false): [number, number] | undefined {
  const m = /^(\d{1,5})(?:-(\d{1,5}))?$/.exec(p);
  if (!m) return undefined;
  const first = Number(m[1]);
  const last = m[2] === undefined ? first : Number(m[2]);
  const min = allowZero && m[2] === undefined ? 0 : 1;
  if (first < min || last < first || last > 65535) return undefined;
  return [first, last];
}

/**
 * docker run -p, as the CLI's nat.ParsePortSpec reads it: "8080:80", "127.0.0.1:8080:80/tcp",
 * "80", "53/udp", ":80" and "127.0.0.1::80" (random host port), "0:80" (the engine picks),
 * ranges "8080-8081:80-81" (same length) and "8080-8081:80" (one of the host ports).
 */
export function parsePortSpec(input: string): PortMapping | string {
  const spec = input.trim();
  if (!spec) return 'enter a port mapping, e.g. 8080:80 or 127.0.0.1:8080:80/tcp';
  const [main, proto = 'tcp', extra] = spec.split('/');
  if (extra !== undefined || !['tcp', 'udp', 'sctp'].includes(proto)) return `"${spec}": protocol must be tcp, udp or sctp`;
  const ipv6 = /^\[([0-9a-fA-F:]+)\]:(.*)$/.exec(main!);
  let parts: string[];
  let hostIp: string | undefined;
  if (ipv6) {
    hostIp = ipv6[1];
    parts = ipv6[2]!.split(':');
  } else {
    parts = main!.split(':');
    if (parts.length === 3) hostIp = parts.shift();
  }
  if (parts.length > 2 || parts.length === 0) return `"${spec}" is not a port mapping (HOST:CONTAINER, IP:HOST:CONTAINER or CONTAINER)`;
  if (hostIp !== undefined && !ipv6 && !/^(\d{1,3}\.){3}\d{1,3}$/.test(hostIp)) return `"${hostIp}" is not an IP address`;
  if (hostIp && !ipv6 && hostIp.split('.').some((o) => Number(o) > 255)) return `"${hostIp}" is not an IP address`;
  const containerPort = parts[parts.length - 1]!;
  const hostPort = parts.length === 2 ? parts[0]! : undefined;
  const inner = portRange(containerPort);
  if (!inner) return `"${containerPort}" is not a port (1–65535) or a range (80-81)`;
  if (hostPort) {
    const outer = portRange(hostPort, true);
    if (!outer) return `"${hostPort}" is not a port (1–65535, 0 for any) or a range (8080-8081)`;
    const span = (r: [number, number]) => r[1] - r[0];
    if (span(inner) > 0 && span(outer) !== span(inner)) {
      return `"${spec}": the host range ${hostPort} and the container range ${containerPort} must have the same length`;
    }
  }
  return { hostIp, hostPort: hostPort || undefined, containerPort, protocol: proto as PortMapping['protocol'] };
}

/** One binding per container port, as the engine wants them (docker CLI's nat.ParsePortSpecs). */
export function portBindings(p: PortMapping): { containerPort: string; hostPort?: string }[] {
  const [first, last] = portRange(p.containerPort)!;
  if (first === last) return [{ containerPort: String(first), hostPort: p.hostPort }];
  const host = p.hostPort ? portRange(p.hostPort, true)! : undefined;
  const out: { containerPort: string; hostPort?: string }[] = [];
  for (let i = 0; i <= last - first; i++) out.push({ containerPort: String(first + i), hostPort: host ? String(host[0] + i) : undefined });
  return out;
}

export function validatePortSpec(input: string): string | undefined {
  const r = parsePortSpec(input);
  return typeof r === 'string' ? r : undefined;
}

/** KEY=value (or KEY alone, passed through from the environment like `docker run -e KEY`). */
export function validateEnvEntry(input: string): string | undefined {
  const key = input.split('=')[0]!;
  if (!key) return `"${input}": the variable name is empty`;
  if (/\s/.test(key)) return `"${key}": variable names cannot contain spaces`;
  if (/[\u0000-\u001f]/.test(input)) return 'control characters are not allowed';
  return undefined;
}

/**
 * docker run -v: "name:/path[:ro]" (named volume), "/host:/path[:ro]" (bind mount) or
 * "/path" alone (an anonymous volume, created by the engine).
 */
export function validateVolumeSpec(input: string): string | undefined {
  const parts = input.split(':');
  if (parts.length === 1 && input.startsWith('/')) return undefined;
  if (parts.length < 2 || parts.length > 3) return `"${input}" is not SOURCE:/container/path[:ro|rw] (or /container/path for an anonymous volume)`;
  const [source, target, mode] = parts as [string, string, string | undefined];
  if (!source) return 'the source (volume name or host path) is empty';
  if (!source.startsWith('/') && !/^[a-zA-Z0-9][a-zA-Z0-9_.-]*$/.test(source)) return `"${source}" is not a volume name or an absolute host path`;
  if (!target.startsWith('/')) return `"${target}": the container path must be absolute`;
  if (mode !== undefined && !['ro', 'rw'].includes(mode)) return `"${mode}": mode must be ro or rw`;
  return undefined;
}

/** A path typed into a form: not empty, no control characters or NUL. */
export function validatePath(input: string, opts: { absolute?: boolean } = {}): string | undefined {
  if (!input.trim()) return 'enter a path';
  if (/[\u0000-\u001f]/.test(input)) return 'a path cannot contain control characters';
  if (opts.absolute && !input.startsWith('/')) return `"${input}" must be an absolute path (starting with /)`;
  return undefined;
}

export const RESTART_POLICIES = ['no', 'always', 'unless-stopped', 'on-failure'] as const;

/** The latest time `since` may name (9999-12-31T23:59:59Z): past it the engine answers 400. */
const LAST_SINCE = 253402300799;

/** "10m", "1h30m", "45s", "2d", an RFC3339 time or a Unix timestamp (as the docker CLI
 * takes it) → unix seconds (for `since`), or an error. A duration reaching back before
 * 1970 or a time past year 9999 is refused here: the engine would answer 400. */
export function parseSince(input: string, now = Date.now()): number | string {
  const s = input.trim();
  if (!s) return 'enter a duration like 10m or 1h30m, a time like 2026-01-02T15:04:05Z or a Unix timestamp';
  const units: Record<string, number> = { s: 1, m: 60, h: 3600, d: 86400 };
  const nowSeconds = Math.floor(now / 1000);
  if (/^(\d+[smhd])+$/.test(s)) {
    let seconds = 0;
    for (const [, n, u] of s.matchAll(/(\d+)([smhd])/g)) seconds += Number(n) * units[u!]!;
    if (!Number.isSafeInteger(seconds) || seconds > nowSeconds) return `"${s}" reaches back before 1970: give a shorter duration`;
    return nowSeconds - seconds;
  }
  if (/^\d+(\.\d+)?$/.test(s)) {
    const seconds = Math.floor(Number(s));
    if (seconds > LAST_SINCE) return `"${s}" as a Unix timestamp is after the year 9999`;
    return seconds;
  }
  if (/^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})?)?$/.test(s)) {
    const t = Date.parse(s);
    if (!Number.isNaN(t)) return Math.floor(t / 1000);
  }
  return `"${s}" is neither a duration (10m, 1h30m), a time (2026-01-02T15:04:05Z) nor a Unix timestamp`;
}
