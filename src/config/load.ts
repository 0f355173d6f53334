// Finding, reading and checking the config file. Where: --config FILE, else
// $XDG_CONFIG_HOME/dtui/config.yml, else ~/.config/dtui/config.yml (a missing default file
// is no config; a missing --config file is an error). A bad file is one ConfigError naming
// the file, line and column and what was expected; keys dtui does not know are warnings.
// dtui never writes the file.
import { readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { isAbsolute, join, resolve } from 'node:path';
import * as v from 'valibot';
import { LineCounter, isMap, isScalar, isSeq, parseDocument, type Document, type ParsedNode } from 'yaml';
import { configSchema, type Config } from './schema.js';

/** A config that cannot be used; `message` is the whole line to print (exit status 2). */
export class ConfigError extends Error {}

export interface ConfigSource {
  path: string;
  /** Named by --config: it must exist. */
  explicit: boolean;
}

export type ConfigPath = readonly (string | number)[];

export interface LoadedConfig {
  config: Config;
  source: ConfigSource;
  /** The file existed and was read (false: defaults only). */
  found: boolean;
  /** Unknown keys, each one line with file:line:col. */
  warnings: string[];
  /** "FILE:LINE:COL" of the value at `path` (or its nearest parent), for later checks' messages. */
  locate: (path: ConfigPath) => string;
}

export function configSource(flag: string | undefined, env: NodeJS.ProcessEnv): ConfigSource {
  if (flag !== undefined) return { path: resolve(flag), explicit: true };
  // The XDG spec: a relative XDG_CONFIG_HOME is invalid and ignored.
  const xdg = env.XDG_CONFIG_HOME;
  const base = xdg && isAbsolute(xdg) ? xdg : join(env.HOME || homedir(), '.config');
  return { path: join(base, 'dtui', 'config.yml'), explicit: false };
}

/** The file's text; undefined when the default file is absent, or (with a warning) unreadable. */
function readText(source: ConfigSource, warnings: string[]): string | undefined {
  try {
    return readFileSync(source.path, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' && !source.explicit) return undefined;
    // The default place under a home dtui may not enter (another user's HOME, as with sudo -u):
    // like the docker CLI with its config.json, say so and go on with the defaults. A file
    // named by --config must be read.
    if (code === 'EACCES' && !source.explicit) {
      warnings.push(`config ${source.path}: permission denied — the defaults are in effect`);
      return undefined;
    }
    const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : code === 'EACCES' ? 'permission denied' : (err as Error).message;
    throw new ConfigError(`config ${source.path}: ${why}`);
  }
}

export function loadConfig(source: ConfigSource): LoadedConfig {
  const warnings: string[] = [];
  const text = readText(source, warnings);
  if (text === undefined) return { config: v.parse(configSchema, {}), source, found: false, warnings, locate: () => source.path };
  return parseConfig(text, source);
}

/** Parses and checks the text of a config file (exported for tests). */
export function parseConfig(text: string, source: ConfigSource): LoadedConfig {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const at = (offset: number) => {
    const { line, col } = lineCounter.linePos(offset);
    return `${source.path}:${line}:${col}`;
  };
  const yamlError = doc.errors[0];
  if (yamlError) throw new ConfigError(`config ${at(yamlError.pos[0])}: ${yamlError.message.split('\n')[0]} (not valid YAML)`);
  const locate = (path: ConfigPath) => at(nodeAt(doc, path)?.range[0] ?? 0);

  const data: unknown = doc.contents === null ? {} : doc.toJS();
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    throw new ConfigError(`config ${locate([])}: expected a mapping of sections (settings:, keys:, commands:, …), got ${describe(data)}`);
  }
  const result = v.safeParse(configSchema, data);
  if (!result.success) {
    const issue = result.issues[0];
    const path = (issue.path ?? []).map((p) => p.key as string | number);
    throw new ConfigError(`config ${locate(path)}: ${dotted(path) || 'the file'}: ${explain(issue)}`);
  }
  const warnings: string[] = [];
  unknownKeys(configSchema, doc.contents, [], (path, offset) => warnings.push(`config ${at(offset)}: unknown key ${dotted(path)} (ignored)`));
  return { config: result.output, source, found: true, warnings, locate };
}

/** The node at `path`, or the nearest parent that exists (a missing key points at its mapping). */
function nodeAt(doc: Document.Parsed, path: ConfigPath): ParsedNode | undefined {
  let node = doc.contents ?? undefined;
  for (let i = 1; i <= path.length; i++) {
    const next = doc.getIn(path.slice(0, i), true) as ParsedNode | undefined;
    if (next === undefined || next === null || typeof next !== 'object' || !('range' in next)) break;
    node = next;
  }
  return node;
}

export function dotted(path: ConfigPath): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? p : `.${p}`)).join('');
}

function describe(value: unknown): string {
  if (value === undefined) return 'nothing (missing)';
  if (value === null) return 'an empty value';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  if (typeof value === 'string') return JSON.stringify(value);
  return typeof value === 'number' || typeof value === 'boolean' ? String(value) : typeof value;
}

function explain(issue: v.BaseIssue<unknown>): string {
  // Checks across fields (check, raw_check) carry whole sentences; the rest say what they want.
  if (issue.kind === 'validation' && (issue.type === 'check' || issue.type === 'raw_check')) return issue.message;
  if (issue.type === 'object' && issue.input === undefined) return 'missing (required)';
  return `expected ${issue.message}, got ${describe(issue.input)}`;
}

type AnySchema = v.GenericSchema & {
  wrapped?: AnySchema;
  entries?: Record<string, AnySchema>;
  item?: AnySchema;
};

/** Walks the file beside the schema and reports each mapping key the schema does not have. */
function unknownKeys(schema: AnySchema, node: unknown, path: ConfigPath, report: (path: ConfigPath, offset: number) => void): void {
  let s = schema;
  while (s.wrapped) s = s.wrapped;
  if (s.type === 'object' && s.entries && isMap(node)) {
    for (const pair of node.items) {
      const key = isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
      const entry = Object.hasOwn(s.entries, key) ? s.entries[key] : undefined;
      const offset = (pair.key as ParsedNode | null)?.range[0] ?? 0;
      if (entry) unknownKeys(entry, pair.value, [...path, key], report);
      else report([...path, key], offset);
    }
  } else if (s.type === 'array' && s.item && isSeq(node)) {
    node.items.forEach((item, i) => unknownKeys(s.item!, item, [...path, i], report));
  }
}
