// Marks (Space) in any list, and `d` on the marked rows: one confirmation names every
// marked row (and any it will leave alone, with why), then each is removed and one status
// line sums up. Marks are cleared once the removal runs, so a second press cannot repeat
// it on rows the person no longer looks at. The Containers pane's own bulk keys (s S r p d)
// are in container-bulk.ts.
import { engineErrorMessage } from '../../engine/errors.js';
import { yesNo } from '../../keys/labels.js';
import { RESOURCE_QUERIES, type ResourceKind, type RowOf } from '../../resources/queries.js';
import type { ResourceQuerySpec } from '../../resources/query.js';
import type { EngineSession } from '../../state/session.js';
import type { AppContextValue } from '../app-context.js';
import { openDialog } from '../dialogs.js';
import { markedRows, selectedRow } from '../selectors.js';
import { setStatus } from '../status.js';
import { withList } from '../ui-state.js';

/** Lines of names a dialog lists before "… and N more" (it must fit a 24-line terminal). */
const MAX_LINES = 12;

const rowKeyOf = <K extends ResourceKind>(kind: K, row: RowOf<K>): string => (RESOURCE_QUERIES[kind] as unknown as ResourceQuerySpec<RowOf<K>>).rowKey(row);

/** Space: marks the selected row of `kind`, or unmarks it; the selection stays on it. */
export function toggleMark(ctx: AppContextValue, kind: ResourceKind, noun: string): void {
  const row = selectedRow(ctx.session, ctx.ui.get(), kind);
  if (!row) return setStatus(ctx, `No ${noun} selected`, 'error');
  const key = rowKeyOf(kind, row);
  ctx.ui.update((s) => {
    const marks = new Set(s.lists[kind].marks);
    if (!marks.delete(key)) marks.add(key);
    return withList(s, kind, { marks: marks.size > 0 ? marks : undefined, selectedKey: key });
  });
}

export interface BulkRemoval<Row> {
  kind: ResourceKind;
  /** 'volume', 'image', 'network'. */
  noun: string;
  /** How a row reads in the dialog and the status line. */
  label: (row: Row) => string;
  /** Extra words on the row's dialog line ("· local · 12 MB"). */
  detail?: (row: Row) => string;
  /** Why a row is left alone (e.g. the engine's own networks), else undefined. */
  skip?: (row: Row) => string | undefined;
  /** One line under the list: what removal means ("Their data is deleted for good."). */
  note?: string;
  remove: (session: EngineSession, row: Row) => Promise<void>;
  /** After every removal settled (e.g. re-list). */
  after?: (session: EngineSession) => Promise<void>;
}

/**
 * `d` with marks: asks once for every marked row of the kind and returns true; without
 * marks it returns false and the key acts on the selected row as before.
 */
export function removeMarked<K extends ResourceKind>(ctx: AppContextValue, spec: BulkRemoval<RowOf<K>> & { kind: K }): boolean {
  const rows = markedRows(ctx.session, ctx.ui.get(), spec.kind);
  if (rows.length === 0) return false;
  const plans = rows.map((row) => ({ row, skip: spec.skip?.(row) }));
  const acting = plans.filter((p) => p.skip === undefined).map((p) => p.row);
  const lines = plans.slice(0, MAX_LINES).map(({ row, skip }) => {
    const detail = spec.detail ? ` · ${spec.detail(row)}` : '';
    return `${spec.label(row)}${detail} → ${skip === undefined ? 'remove' : `skipped: ${skip}`}`;
  });
  if (plans.length > MAX_LINES) lines.push(`… and ${plans.length - MAX_LINES} more`);
  if (spec.note) lines.push(spec.note);
  openDialog(ctx, undefined, {
    title: `Remove ${acting.length} marked ${spec.noun}${acting.length === 1 ? '' : 's'}? ${yesNo()}`,
    lines,
    danger: true,
    onConfirm: (session) => {
      ctx.ui.update((s) => withList(s, spec.kind, { marks: undefined }));
      void removeAll(ctx, session, spec, acting);
    },
  });
  return true;
}

async function removeAll<Row>(ctx: AppContextValue, session: EngineSession, spec: BulkRemoval<Row>, rows: readonly Row[]): Promise<void> {
  const plural = `${spec.noun}s`;
  if (rows.length === 0) return setStatus(ctx, `Nothing to remove among the marked ${plural}`, 'info');
  setStatus(ctx, `Removing ${rows.length} ${rows.length === 1 ? spec.noun : plural}…`, 'progress');
  // One after another: image removals of shared layers, or a volume's, race each other otherwise.
  const failed: string[] = [];
  for (const row of rows) {
    try {
      await spec.remove(session, row);
    } catch (err) {
      failed.push(`${spec.label(row)}: ${engineErrorMessage(err)}`);
    }
  }
  await spec.after?.(session).catch(() => undefined);
  const what = `${rows.length} ${rows.length === 1 ? spec.noun : plural}`;
  if (failed.length === 0) return setStatus(ctx, `Removed ${what}`, 'success');
  setStatus(ctx, `Removed ${rows.length - failed.length} of ${what}; failed: ${failed.join('; ')}`, 'error');
}
