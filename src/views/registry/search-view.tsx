// Registry search results over the middle of the screen; Enter or p pulls the selected one.
import { Text } from '../../ui/text.js';
import { Modal } from '../../ui/modal.js';
import { padToWidth, truncateToWidth } from '../../text/width.js';
import { theme } from '../../ui/theme.js';
import type { SearchUi } from '../../app/ui-state.js';
import { keyLabel, keyLabels } from '../../keys/labels.js';

export function SearchView({ search, cols, rows }: { search: SearchUi; cols: number; rows: number }) {
  const width = Math.min(cols - 4, 110);
  const inner = width - 2;
  const listRows = Math.max(3, Math.min(15, rows - 8));
  // Border (2), title, status, the list, key line.
  const height = listRows + 5;
  const fill = (text: string) => padToWidth(` ${truncateToWidth(text, inner - 1)}`, inner);
  const { results, cursor } = search;
  // Keep the cursor in view: scroll so it sits on the last row when past the window.
  const top = Math.max(0, Math.min(cursor - listRows + 1, results.length - listRows));
  const visible = results.slice(Math.max(0, top), Math.max(0, top) + listRows);
  const refWidth = Math.min(60, Math.max(20, ...visible.map((r) => r.ref.length + 2)));
  const status = search.loading
    ? 'Searching…'
    : (search.error ??
      `${results.length} result${results.length === 1 ? '' : 's'} from ${search.source ?? '?'}${search.truncated ? ' (first 50 repositories)' : ''}`);
  const lines: React.ReactNode[] = visible.map((r, i) => {
    const index = Math.max(0, top) + i;
    const selected = index === cursor;
    const stars = r.stars !== undefined ? `★${r.stars} ` : '';
    const text = `${padToWidth(r.ref, refWidth)}${r.official ? '[official] ' : ''}${stars}${r.description}`;
    return (
      <Text key={`${index}-${r.ref}`} inverse={selected} color={selected ? theme.accent : undefined}>
        {fill(`${selected ? '›' : ' '} ${text}`)}
      </Text>
    );
  });
  for (let i = lines.length; i < listRows; i++) lines.push(<Text key={`pad-${i}`}>{fill('')}</Text>);
  return (
    <Modal width={width} height={height} cols={cols} rows={rows} borderColor={search.error ? theme.error : theme.accent}>
      <Text bold color={theme.accent}>
        {fill(`Search: ${search.query}`)}
      </Text>
      <Text color={search.error ? theme.error : theme.muted}>{fill(status)}</Text>
      {lines}
      <Text color={theme.muted}>
        {fill(`${keyLabels('search.pull')} pull · ${keyLabel('search.up')}${keyLabel('search.down')} move · ${keyLabel('search.close')} close`)}
      </Text>
    </Modal>
  );
}
