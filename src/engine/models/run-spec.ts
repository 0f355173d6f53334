// `docker run` options → an Engine API create body. Pure, so every rule the run form
// applies is testable without an engine. Inputs are checked with validate.ts; the first
// problem is returned as a message naming the field.
import { quoteShellWord, splitShellWords } from '../../text/shell-words.js';
import { parsePortSpec, portBindings, validateContainerName, validateEnvEntry, validateReference, validateVolumeSpec, RESTART_POLICIES } from './validate.js';

export interface RunOptions {
  image: string;
  name: string;
  command: string;
  /** -it: stdin open and a TTY; the session attaches once it starts. */
  interactive: boolean;
  /** --rm */
  autoRemove: boolean;
  /** -d: start and stay in dtui. */
  detached: boolean;
  env: string;
  ports: string;
  volumes: string;
  restart: string;
}

export interface CreateBody {
  name?: string;
  Image: string;
  Cmd?: string[];
  Tty: boolean;
  OpenStdin: boolean;
  StdinOnce: boolean;
  AttachStdin: boolean;
  AttachStdout: boolean;
  AttachStderr: boolean;
  Env?: string[];
  ExposedPorts?: Record<string, Record<string, never>>;
  /** Anonymous volumes (docker run -v /path). */
  Volumes?: Record<string, Record<string, never>>;
  HostConfig: {
    AutoRemove: boolean;
    PortBindings?: Record<string, { HostIp?: string; HostPort?: string }[]>;
    Binds?: string[];
    RestartPolicy?: { Name: string };
  };
}

/** "a=1, b=2" or "a=1 b=2" → entries; commas and whitespace both separate. */
export function splitList(input: string): string[] {
  return input.split(/[\s,]+/).filter(Boolean);
}

/**
 * The run form's lists (env, ports, volumes): entries separated by commas or spaces, quoted
 * like a shell word when a value holds either — `A=1 "B=hello world" C='x,y'` is three entries.
 */
export function splitQuotedList(input: string): string[] | { error: string } {
  const words = splitShellWords(input, { commas: true });
  return Array.isArray(words) ? words.filter((w) => w !== '') : words;
}

/** Entries written back as one field value (quoted where needed): splitQuotedList reads them back. */
export function joinQuotedList(entries: readonly string[]): string {
  return entries.map(quoteShellWord).join(' ');
}

function entries(input: string): string[] {
  const r = splitQuotedList(input);
  return Array.isArray(r) ? r : [];
}

export function validateEnvList(input: string): string | undefined {
  const list = splitQuotedList(input);
  if (!Array.isArray(list)) return `${list.error} (quote a value with spaces or commas: "B=hello world")`;
  for (const entry of list) {
    const err = validateEnvEntry(entry);
    if (err) return err;
  }
  return undefined;
}

export function validatePortList(input: string): string | undefined {
  const list = splitQuotedList(input);
  if (!Array.isArray(list)) return list.error;
  for (const entry of list) {
    const r = parsePortSpec(entry);
    if (typeof r === 'string') return r;
  }
  return undefined;
}

export function validateVolumeList(input: string): string | undefined {
  const list = splitQuotedList(input);
  if (!Array.isArray(list)) return `${list.error} (quote a path with spaces: "/my dir:/data")`;
  for (const entry of list) {
    const err = validateVolumeSpec(entry);
    if (err) return err;
  }
  return undefined;
}

export function validateCommand(input: string): string | undefined {
  const r = splitShellWords(input);
  return Array.isArray(r) ? undefined : r.error;
}

/** A reference, or an image id as the images pane shows for untagged images. */
export function validateRunImage(input: string): string | undefined {
  const ref = input.trim();
  if (!ref) return 'enter an image';
  if (/^(sha256:)?[a-f0-9]{12,64}$/.test(ref)) return undefined;
  return validateReference(ref);
}

export function createBody(o: RunOptions): CreateBody | { error: string } {
  const checks: [string, string | undefined][] = [
    ['Image', validateRunImage(o.image)],
    ['Name', validateContainerName(o.name.trim())],
    ['Command', validateCommand(o.command)],
    ['Env', validateEnvList(o.env)],
    ['Ports', validatePortList(o.ports)],
    ['Volumes', validateVolumeList(o.volumes)],
    ['Restart', (RESTART_POLICIES as readonly string[]).includes(o.restart) ? undefined : `"${o.restart}" is not a restart policy`],
  ];
  for (const [label, err] of checks) if (err) return { error: `${label}: ${err}` };
  if (o.autoRemove && o.restart !== 'no') return { error: 'Restart: --rm containers cannot have a restart policy (choose no)' };
  const cmd = splitShellWords(o.command) as string[];
  const ports: CreateBody['HostConfig']['PortBindings'] = {};
  const exposed: Record<string, Record<string, never>> = {};
  for (const spec of entries(o.ports)) {
    const p = parsePortSpec(spec) as Exclude<ReturnType<typeof parsePortSpec>, string>;
    for (const b of portBindings(p)) {
      const key = `${b.containerPort}/${p.protocol}`;
      exposed[key] = {};
      (ports[key] ??= []).push({ HostIp: p.hostIp ?? '', HostPort: b.hostPort ?? '' });
    }
  }
  const env = entries(o.env);
  const all = entries(o.volumes);
  // "/data" alone is an anonymous volume: declared in Volumes, not bound (as docker run -v /data).
  const anonymous = all.filter((v) => !v.includes(':'));
  const binds = all.filter((v) => v.includes(':'));
  const attached = !o.detached;
  return {
    ...(o.name.trim() ? { name: o.name.trim().replace(/^\//, '') } : {}),
    Image: o.image.trim(),
    ...(cmd.length > 0 ? { Cmd: cmd } : {}),
    Tty: o.interactive,
    OpenStdin: o.interactive,
    // As the CLI: a -it run that is attached closes stdin when the session ends.
    StdinOnce: o.interactive && attached,
    AttachStdin: o.interactive && attached,
    AttachStdout: attached,
    AttachStderr: attached,
    ...(env.length > 0 ? { Env: env } : {}),
    ...(Object.keys(exposed).length > 0 ? { ExposedPorts: exposed } : {}),
    ...(anonymous.length > 0 ? { Volumes: Object.fromEntries(anonymous.map((v) => [v, {}])) } : {}),
    HostConfig: {
      AutoRemove: o.autoRemove,
      ...(Object.keys(ports).length > 0 ? { PortBindings: ports } : {}),
      ...(binds.length > 0 ? { Binds: binds } : {}),
      ...(o.restart !== 'no' ? { RestartPolicy: { Name: o.restart } } : {}),
    },
  };
}
