// The columns a list shows when the config names them (look.columns): the named ones in
// the order given (titles, any case), plus label columns — `label:KEY`, or the docker CLI's
// `{{.Label "KEY"}}` / `{{ .Labels "KEY" }}` — showing that label of each row. Rows without
// labels (images) show an empty cell. Unknown titles are reported once at start.
import type { ResourceColumn } from './column-types.js';

const LABEL = /^(?:label:(.+)|\{\{\s*\.Labels?\s+"([^"]+)"\s*\}\})$/i;

/** The label key a column spec asks for, if it is a label column. */
export function labelKey(spec: string): string | undefined {
  const m = LABEL.exec(spec.trim());
  return m ? (m[1] ?? m[2])?.trim() : undefined;
}

function labelColumn<Row>(key: string): ResourceColumn<Row> {
  // "com.example.team" → TEAM: the last part names it well enough and keeps it short.
  const title = (key.split(/[./]/).filter(Boolean).at(-1) ?? key).toUpperCase();
  return {
    title,
    value: (row) => (row as { labels?: Readonly<Record<string, string>> }).labels?.[key] ?? '',
    grow: 1,
    minWidth: Math.max(6, title.length),
  };
}

export function chooseColumns<Row>(all: readonly ResourceColumn<Row>[], wanted: readonly string[] | undefined): readonly ResourceColumn<Row>[] {
  if (!wanted || wanted.length === 0) return all;
  const chosen = wanted.flatMap((spec) => {
    const key = labelKey(spec);
    if (key) return [labelColumn<Row>(key)];
    const column = all.find((c) => c.title.toLowerCase() === spec.trim().toLowerCase());
    return column ? [column] : [];
  });
  // Nothing the config names exists: showing no column at all would hide the list.
  return chosen.length > 0 ? chosen : all;
}

/** Specs that name no column of `all` (and are not label columns). */
export function unknownColumns(all: readonly { title: string }[], wanted: readonly string[]): string[] {
  return wanted.filter((spec) => !labelKey(spec) && !all.some((c) => c.title.toLowerCase() === spec.trim().toLowerCase()));
}
