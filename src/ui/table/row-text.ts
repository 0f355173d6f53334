// A table row as one styled string, for one <Text> per row: a nested <Text> per cell cost
// React ~30 fibers a row (the first frame's mount, every tick that changes an age) and Ink
// a squash of them per frame (docs/PERFORMANCE.md "One Text per row").
import chalk from 'chalk';

const RGB = /^rgb\(\s?(\d+),\s?(\d+),\s?(\d+)\s?\)$/;
const ANSI256 = /^ansi256\(\s?(\d+)\s?\)$/;

/**
 * `text` in the foreground `color` exactly as Ink's <Text color> draws it: Ink colours with
 * the same chalk instance (so the same colour level) and accepts the same forms — chalk's
 * names, #hex, ansi256(n), rgb(r,g,b) — leaving anything else, and no colour, plain.
 */
export function inColor(text: string, color: string | undefined): string {
  if (!color || text === '') return text;
  if (color in chalk) {
    const style = (chalk as unknown as Record<string, unknown>)[color];
    return typeof style === 'function' ? (style as (s: string) => string)(text) : text;
  }
  if (color.startsWith('#')) return chalk.hex(color)(text);
  const ansi = ANSI256.exec(color);
  if (ansi) return chalk.ansi256(Number(ansi[1]))(text);
  const rgb = RGB.exec(color);
  if (rgb) return chalk.rgb(Number(rgb[1]), Number(rgb[2]), Number(rgb[3]))(text);
  return text;
}

export interface RowCell {
  text: string;
  color?: string;
}

/** The gutter and the cells, one space apart, each in its colour (none when `plain`: the row's own colour applies). */
export function rowText(gutter: string, gutterColor: string | undefined, cells: readonly RowCell[], plain: boolean): string {
  let line = gutter ? inColor(gutter, plain ? undefined : gutterColor) : '';
  cells.forEach((c, i) => {
    line += inColor(i > 0 ? ` ${c.text}` : c.text, plain ? undefined : c.color);
  });
  return line;
}
