// A windowed table: only the rows that fit are rendered, each truncated to the width
// it has, so a 2000-row list costs the same per keypress as a 20-row one.
import { memo, useEffect } from 'react';
import { Box } from 'ink';
import { Text } from '../text.js';
import { displayText } from '../../text/display.js';
import { padToWidth } from '../../text/width.js';
import { hasColour, theme } from '../theme.js';
import { columnWidths, type ColumnWidthSpec } from './scroll-window.js';
import { rowText, type RowCell } from './row-text.js';
import { useScrollTop } from './use-scroll-top.js';

export interface Column<Row> extends ColumnWidthSpec {
  title: string;
  /** Typed string, but engine data may be anything at run time: cells pass displayText. */
  value: (row: Row) => string;
  color?: (row: Row) => string | undefined;
}

export interface TableProps<Row> {
  columns: readonly Column<Row>[];
  rows: readonly Row[];
  selected: number;
  /** Rows of data that fit (the header line is extra). */
  height: number;
  width: number;
  focused: boolean;
  emptyText?: string;
  /** Told the rows on screen after each frame, and the selected row (e.g. to sample stats for just those). */
  onWindow?: (visible: readonly Row[], selected: Row | undefined) => void;
  /**
   * The first row to show, when the owner computes it (useScrollTop with the same
   * selected, height and row count); else the table keeps its own.
   */
  top?: number;
  /** Told the index of the first row shown after each frame (mouse clicks map rows through it). */
  onTop?: (top: number) => void;
  /** Rows marked for a bulk action get a mark in a gutter column, shown while any is marked. */
  marked?: (row: Row) => boolean;
  /** The column the rows are sorted by (its title) and the direction: an arrow in the header. */
  sort?: { title: string; desc: boolean };
}

/** Without colour the selected row also gets a marker (reverse video alone is lost under TERM=dumb). */
export const CURSOR_MARK = '>';
export const ROW_MARK = '*';

const RowLine = memo(
  function RowLine({ cells, selected, focused, gutter }: { cells: RowCell[]; selected: boolean; focused: boolean; gutter: string }) {
    const bg = selected ? (focused ? theme.selectedBg : theme.selectedBlurBg) : undefined;
    const fg = selected ? theme.selectedFg : undefined;
    // No selection colour (mono, NO_COLOR): reverse video in the focused pane, and the marker.
    const inverse = selected && focused && bg === undefined;
    // One string per row; the selected row's cells take the row's colour.
    return (
      <Text wrap="truncate" backgroundColor={bg} color={fg} inverse={inverse}>
        {rowText(gutter, theme.mark, cells, selected)}
      </Text>
    );
  },
  // Rows are compared by what they show, so a re-list that changes nothing visible
  // re-renders nothing.
  (a, b) =>
    a.selected === b.selected &&
    a.gutter === b.gutter &&
    a.focused === b.focused &&
    a.cells.length === b.cells.length &&
    a.cells.every((c, i) => c.text === b.cells[i]!.text && c.color === b.cells[i]!.color),
);

export function Table<Row>({ columns, rows, selected, height, width, focused, emptyText, top: givenTop, onWindow, onTop, marked, sort }: TableProps<Row>) {
  const ownTop = useScrollTop(selected, height, rows.length);
  const top = givenTop ?? ownTop;
  const cursorColumn = !hasColour();
  const markColumn = marked !== undefined;
  const gutterWidth = (cursorColumn ? 1 : 0) + (markColumn ? 1 : 0);
  const gutterOf = (row: Row, isSelected: boolean) =>
    gutterWidth === 0 ? '' : (cursorColumn ? (isSelected ? CURSOR_MARK : ' ') : '') + (markColumn ? (marked(row) ? ROW_MARK : ' ') : '') + ' ';
  const allWidths = columnWidths(columns, width - (gutterWidth ? gutterWidth + 1 : 0));
  // Columns left out for lack of room have width 0.
  const shown = columns.filter((_, i) => allWidths[i]! > 0);
  const widths = allWidths.filter((w) => w > 0);
  const visible = rows.slice(top, top + height);
  useEffect(() => onWindow?.(visible, rows[selected]));
  useEffect(() => onTop?.(top));
  const arrow = (c: Column<Row>) => (sort && sort.title === c.title ? (sort.desc ? '▼' : '▲') : '');
  const header = (gutterWidth ? ' '.repeat(gutterWidth + 1) : '') + shown.map((c, i) => padToWidth(c.title + arrow(c), widths[i]!)).join(' ');
  return (
    <Box flexDirection="column" width={width} height={height + 1}>
      <Text bold color={theme.muted} wrap="truncate">
        {header}
      </Text>
      {rows.length === 0 && emptyText ? (
        <Text color={theme.muted} wrap="truncate">
          {emptyText}
        </Text>
      ) : null}
      {visible.map((row, i) => (
        <RowLine
          key={top + i}
          selected={top + i === selected}
          focused={focused}
          gutter={gutterOf(row, top + i === selected)}
          cells={shown.map((c, ci) => ({ text: padToWidth(displayText(c.value(row)), widths[ci]!), color: c.color?.(row) }))}
        />
      ))}
    </Box>
  );
}
