// README's Configuration table, generated from the schema (`npm run config-docs`); a unit
// test fails while README differs, so the docs cannot drift from what dtui accepts.
import { configSchema } from './schema.js';
import { PLACEHOLDERS } from './sections/commands.js';
import { describeSchema } from './print.js';

type AnySchema = Parameters<typeof describeSchema>[0] & { wrapped?: AnySchema; entries?: Record<string, AnySchema>; item?: AnySchema; default?: unknown };

function unwrap(schema: AnySchema): AnySchema {
  let s = schema;
  while (s.wrapped) s = s.wrapped;
  return s;
}

function defaultOf(schema: AnySchema): string {
  const d = schema.default;
  return d === undefined ? '' : `\`${JSON.stringify(d)}\``;
}

const cell = (text: string) => text.replace(/\|/g, '\\|');

export function configMarkdown(): string {
  const lines = ['| key | default | meaning |', '|---|---|---|'];
  for (const [section, schema] of Object.entries(configSchema.entries as Record<string, AnySchema>)) {
    const inner = unwrap(schema);
    if (section === 'keys' || section === 'commands' || !inner.entries) {
      lines.push(`| \`${section}:\` | | ${cell(describeSchema(schema) ?? '')} |`);
      continue;
    }
    for (const [key, entry] of Object.entries(inner.entries)) {
      lines.push(`| \`${section}.${key}\` | ${defaultOf(entry)} | ${cell(describeSchema(entry) ?? '')} |`);
    }
  }
  const command = unwrap(unwrap(configSchema.entries.commands).item!);
  for (const [key, entry] of Object.entries(command.entries ?? {})) {
    lines.push(`| \`commands[].${key}\` | ${defaultOf(entry)} | ${cell(describeSchema(entry) ?? '')} |`);
  }
  lines.push('', '| placeholder | scopes | value |', '|---|---|---|');
  for (const [name, p] of Object.entries(PLACEHOLDERS)) lines.push(`| \`{{.${name}}}\` | ${p.scopes.join(', ')} | ${p.help} |`);
  return lines.join('\n');
}
