// Engine answers are checked where they enter dtui: a hostile or broken engine can send a
// number for an id, leave a field out or put an object where a list belongs, and the code
// behind would show JavaScript internals ("id.replace is not a function") or never finish
// loading. A schema failure becomes one line naming the call and the field instead.
// valibot, not zod (measured here, 2 busy cores, the containers schema on a 1000-container
// list): per parse valibot ~25 ms, zod 4 ~21 ms, about even; but bundled and minified a
// small schema is 3.8 KB with valibot against 454 KB with zod, and importing it took
// 0.74 s against 1.41 s — launch time is what dtui guards. Schemas are loose: unknown
// fields pass through untouched.
import * as v from 'valibot';
import { sanitize } from '../../../text/sanitize.js';

export class EngineAnswerError extends Error {
  constructor(
    readonly call: string,
    readonly field: string,
    detail: string,
  ) {
    super(`the engine's answer to ${call} is malformed: ${field} ${detail}`);
  }
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'an object';
  if (value === undefined) return 'missing';
  return `a ${typeof value}`;
}

/** The answer, typed; or an EngineAnswerError naming `call` and the first bad field. */
export function parseAnswer<S extends v.GenericSchema>(schema: S, answer: unknown, call: string): v.InferOutput<S> {
  const result = v.safeParse(schema, answer);
  if (result.success) return result.output;
  const issue = result.issues[0];
  const path = issue.path?.map((p) => (typeof p.key === 'number' ? `[${p.key}]` : `.${String(p.key)}`)).join('') ?? '';
  const field = sanitize(path.replace(/^\./, '') || 'the answer').slice(0, 120);
  throw new EngineAnswerError(call, field, `should be ${issue.expected ?? 'something else'}, is ${describe(issue.input)}`);
}
