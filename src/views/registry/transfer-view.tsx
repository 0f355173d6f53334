// The pull/push progress view, drawn over the middle of the screen: one bar per layer
// (phase, percentage, bytes), an overall bar, the engine's last status line, and the
// outcome. Plain ASCII bars so every terminal and font draws them the same.
import { Text } from '../../ui/text.js';
import { Modal } from '../../ui/modal.js';
import { formatSize } from '../../engine/models/format.js';
import type { ImageTransfer, TransferState } from '../../state/image-transfer.js';
import { layerFraction, overallProgress, percent, progressBar, type LayerProgress } from '../../engine/models/progress.js';
import { sanitize } from '../../text/sanitize.js';
import { padToWidth, truncateToWidth } from '../../text/width.js';
import { theme } from '../../ui/theme.js';
import { useStore } from '../../ui/use-store.js';
import { keyLabel } from '../../keys/labels.js';

const TITLE: Record<TransferState['kind'], string> = { pull: 'Pulling', push: 'Pushing' };

function bytes(current: number, total: number): string {
  if (total <= 0) return '';
  return `${formatSize(Math.min(current, total))} / ${formatSize(total)}`;
}

function layerLine(layer: LayerProgress, kind: TransferState['kind'], barWidth: number): string {
  const moving = layer.phase === 'downloading' || layer.phase === 'extracting' || layer.phase === 'pushing';
  const f = layerFraction(layer, kind);
  return `${padToWidth(layer.id, 13)} ${padToWidth(layer.status, 20)} ${progressBar(f, barWidth)} ${percent(f)}  ${moving ? bytes(layer.current, layer.total) : ''}`;
}

function outcome(state: TransferState): { text: string; color?: string } {
  switch (state.phase) {
    case 'running':
      return { text: `${keyLabel('transfer.cancel')} cancel`, color: theme.muted };
    case 'done':
      return {
        text: `Done: ${state.kind === 'pull' ? 'pulled' : 'pushed'} ${sanitize(state.ref)} · ${keyLabel('transfer.close')}/${keyLabel('transfer.cancel')} close`,
        color: theme.success,
      };
    case 'cancelled':
      return { text: `Cancelled · ${keyLabel('transfer.cancel')} close`, color: theme.warning };
    case 'failed':
      return { text: `Failed: ${state.error ?? 'unknown error'} · ${keyLabel('transfer.cancel')} close`, color: theme.error };
  }
}

export function TransferView({ transfer, cols, rows }: { transfer: ImageTransfer; cols: number; rows: number }) {
  const state = useStore(transfer.store);
  const width = Math.min(cols - 4, 110);
  const inner = width - 2;
  const layerRows = Math.max(1, Math.min(state.progress.layers.length || 1, rows - 10));
  const height = layerRows + 9;
  const barWidth = Math.max(10, Math.min(40, inner - 64));
  const fill = (text: string) => padToWidth(` ${truncateToWidth(text, inner - 1)}`, inner);
  const layers = state.progress.layers;
  const shown = layers.length > layerRows ? layers.slice(0, layerRows - 1) : layers;
  const hidden = layers.length - shown.length;
  const overall = overallProgress(state.progress, state.kind, state.phase === 'done');
  const summary = `${overall.layersDone}/${overall.layers} layers${overall.totalBytes > 0 ? ` · ${bytes(overall.bytes, overall.totalBytes)}` : ''}`;
  const end = outcome(state);
  const lastMessage = state.progress.messages[state.progress.messages.length - 1] ?? '';
  return (
    <Modal width={width} height={height} cols={cols} rows={rows} borderColor={state.phase === 'failed' ? theme.error : theme.accent}>
      <Text bold color={theme.accent}>
        {fill(`${TITLE[state.kind]} ${sanitize(state.ref)}`)}
      </Text>
      <Text color={theme.muted}>
        {fill(state.authSource ? `registry ${state.registry} · credentials from ${state.authSource}` : `registry ${state.registry}`)}
      </Text>
      {layers.length === 0 ? (
        <Text color={theme.muted}>{fill(state.phase === 'running' ? 'Waiting for the engine…' : 'No layers transferred')}</Text>
      ) : (
        shown.map((l) => <Text key={l.id}>{fill(layerLine(l, state.kind, barWidth))}</Text>)
      )}
      {hidden > 0 ? <Text color={theme.muted}>{fill(`… and ${hidden} more layers`)}</Text> : null}
      <Text>{fill('')}</Text>
      <Text bold>{fill(`${padToWidth('Overall', 34)} ${progressBar(overall.fraction, barWidth)} ${percent(overall.fraction)}  ${summary}`)}</Text>
      <Text color={theme.muted}>{fill(lastMessage)}</Text>
      <Text>{fill('')}</Text>
      <Text color={end.color}>{fill(end.text)}</Text>
    </Modal>
  );
}
