// One line of text with its search matches drawn inverse: the line n/N last jumped to in
// the accent colour, the others in the warning colour. Shared by the Inspect tab and the
// text overlay; matching is the log search's (smart case, src/state/log-index.ts).
import type { ReactNode } from 'react';
import { Text } from '../ui/text.js';
import { theme } from '../ui/theme.js';
import { findAll } from '../state/log-index.js';

export function HighlightedLine({ text, search, current }: { text: string; search: string; current: boolean }) {
  const hits = search ? findAll(text, search) : [];
  if (!hits.length) return <Text wrap="truncate">{text}</Text>;
  const parts: ReactNode[] = [];
  let at = 0;
  for (const [s, e] of hits) {
    parts.push(
      text.slice(at, s),
      <Text key={s} inverse color={current ? theme.accent : theme.warning}>
        {text.slice(s, e)}
      </Text>,
    );
    at = e;
  }
  parts.push(text.slice(at));
  return <Text wrap="truncate">{parts}</Text>;
}
