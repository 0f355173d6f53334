// A list pane's title line: name, counts, and the filter (with a cursor while typing).
import { Text } from '../../ui/text.js';
import { theme } from '../../ui/theme.js';
import type { ListUi } from '../../app/ui-state.js';

export function ListTitle({ name, hotkey, shown, total, list }: { name: string; hotkey: string; shown: number; total: number; list: ListUi }) {
  const count = list.filter ? `${shown}/${total}` : `${total}`;
  return (
    <Text>
      <Text color={theme.muted}>[{hotkey}] </Text>
      <Text bold>{name}</Text>
      <Text color={theme.muted}> ({count})</Text>
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
