// A list pane's title line: name, counts, marks, and the filter (with a cursor while typing).
import { Text } from '../../ui/text.js';
import { theme } from '../../ui/theme.js';
import type { ListUi } from '../../app/ui-state.js';

export function ListTitle({
  name,
  hotkey,
  shown,
  total,
  marked = 0,
  list,
  activeLabel,
}: {
  name: string;
  hotkey: string;
  shown: number;
  total: number;
  /** Rows marked with Space (still listed). */
  marked?: number;
  list: ListUi;
  /** Set while the list shows only its active rows: the word for them ("running"). */
  activeLabel?: string;
}) {
  const count = list.filter || activeLabel ? `${shown}/${total}` : `${total}`;
  return (
    <Text>
      <Text color={theme.muted}>[{hotkey}] </Text>
      <Text bold>{name}</Text>
      {activeLabel ? <Text color={theme.accent}>{` · ${activeLabel} only`}</Text> : null}
      <Text color={theme.muted}> ({count})</Text>
      {marked > 0 ? <Text color={theme.mark} bold>{` · ${marked} marked`}</Text> : null}
      {list.editingFilter || list.filter ? (
        <Text color={theme.accent}>
          {'  '}/{/* A second / selects the kept text (shown inverse): typing replaces it. */}
          {list.filterSelected && list.editingFilter ? <Text inverse>{list.filter}</Text> : list.filter}
          {list.editingFilter ? <Text inverse> </Text> : null}
        </Text>
      ) : null}
    </Text>
  );
}
