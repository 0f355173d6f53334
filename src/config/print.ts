// `dtui config print`: the effective config — the file's values over every default — as
// YAML, each setting preceded by the comment its schema carries. `keys:` lists every
// action with the keys it has now, so the output is a complete, loadable config.
import * as v from 'valibot';
import { Document, isMap, isScalar, isSeq } from 'yaml';
import type { KeyAction } from '../keys/keymap.js';
import { COMMAND_ID_PREFIX } from './keymap.js';
import { configSchema, type Config } from './schema.js';

type AnySchema = v.GenericSchema & { wrapped?: AnySchema; entries?: Record<string, AnySchema>; item?: AnySchema };

function unwrap(schema: AnySchema): AnySchema {
  let s = schema;
  while (s.wrapped) s = s.wrapped;
  return s;
}

/** The description of a schema, looking through optional() to the piped schema inside. */
export function describeSchema(schema: AnySchema): string | undefined {
  let s: AnySchema | undefined = schema;
  while (s) {
    const text = v.getDescription(s);
    if (text) return text;
    s = s.wrapped;
  }
  return undefined;
}

function annotate(schema: AnySchema, node: unknown): void {
  const s = unwrap(schema);
  if (s.type === 'object' && s.entries && isMap(node)) {
    for (const pair of node.items) {
      const key = isScalar(pair.key) ? String(pair.key.value) : '';
      const entry = s.entries[key];
      if (!entry) continue;
      const text = describeSchema(entry);
      if (text && isScalar(pair.key)) pair.key.commentBefore = ` ${text}`;
      annotate(entry, pair.value);
    }
  } else if (s.type === 'array' && s.item && isSeq(node)) {
    for (const item of node.items) annotate(s.item, item);
  }
}

export function printConfig(config: Config, keymap: readonly KeyAction[], source: { path: string; found: boolean }): string {
  const keys: Record<string, Record<string, string | string[]>> = {};
  for (const action of keymap) {
    if (action.id.startsWith(COMMAND_ID_PREFIX)) continue;
    const scope = (keys[action.scope] ??= {});
    scope[action.id] = action.keys.length === 1 ? action.keys[0]! : [...action.keys];
  }
  const effective = { ...config, keys };
  const doc = new Document(effective);
  annotate(configSchema, doc.contents);
  // Key lists read best on one line: `move.up: [up, k]`.
  const keysNode = doc.get('keys', true);
  if (isMap(keysNode))
    for (const scope of keysNode.items) if (isMap(scope.value)) for (const pair of scope.value.items) if (isSeq(pair.value)) pair.value.flow = true;
  const header = [
    `dtui's effective configuration: ${source.found ? source.path : `no file at ${source.path}: every value is a default`}.`,
    'dtui never writes this file. Ctrl+C always quits and cannot be rebound.',
  ];
  doc.commentBefore = header.map((l) => ` ${l}`).join('\n');
  return doc.toString({ lineWidth: 0 });
}
