// One documented setting: its schema, its default and the sentence `dtui config print` and
// README's Configuration table show for it. The description lives on the schema itself
// (valibot's description action), so the docs cannot name a setting the schema lacks.
import * as v from 'valibot';

export function field<S extends v.GenericSchema, D extends v.InferInput<S>>(schema: S, fallback: D, description: string) {
  return v.optional(v.pipe(schema, v.description(description)), fallback);
}

/** A setting with no default (absent means "not set"). */
export function optionalField<S extends v.GenericSchema>(schema: S, description: string) {
  return v.optional(v.pipe(schema, v.description(description)));
}

/** A whole section, documented; absent means all its defaults. */
export function section<E extends v.ObjectEntries>(entries: E, description: string) {
  // Absent: every entry's own default ({} passes through the object schema below).
  return v.optional(v.pipe(v.object(entries), v.description(description)), {} as never);
}
