// The Images kind's summary in the detail pane: shown while the pane's tab is one images
// do not have (their only tab is Inspect).
import { Box } from 'ink';
import { Text } from '../../ui/text.js';
import { formatSize, whenText } from '../../engine/models/format.js';
import type { ImageRow } from '../../engine/models/types.js';
import { sanitize } from '../../text/sanitize.js';
import { theme } from '../../ui/theme.js';
import { useStore } from '../../ui/use-store.js';
import { useApp } from '../app/use-app.js';

export function ImageSummary({ row: image }: { row: ImageRow }) {
  const { session, config } = useApp();
  const containers = useStore(session.containers);
  return (
    <Box flexDirection="column">
      <Text wrap="truncate">ID {sanitize(image.id)}</Text>
      <Text wrap="truncate">Size {formatSize(image.size)}</Text>
      <Text wrap="truncate">Created {whenText(image.created, Date.now(), config.settings.dateFormat, 'long')}</Text>
      {/* The engine reports -1 (unknown) here without costly sizes: count our own rows. */}
      <Text wrap="truncate">In use {containers.rows.filter((c) => c.imageId === image.id).length} container(s)</Text>
      {image.dangling ? <Text color={theme.muted}>Dangling: no repository or tag refers to it.</Text> : null}
    </Box>
  );
}
