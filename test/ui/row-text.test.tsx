// A table row is one string with each cell's colour in it (src/ui/table/row-text.ts), where
// it used to be a nested <Text color> per cell: inColor must colour exactly as Ink's <Text
// color> does, for every form of colour a theme or config can name.
import chalk from 'chalk';
import { render } from 'ink-testing-library';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Text } from '../../src/ui/text.js';
import { inColor, rowText } from '../../src/ui/table/row-text.js';
import { cellsOf } from '../support/xterm-cells.js';

const level = chalk.level;
beforeAll(() => {
  chalk.level = 3; // as in a truecolour terminal (the test's stdout is no terminal)
});
afterAll(() => {
  chalk.level = level;
});

/** Ink's frame of `node` (one line). */
const inkDraws = (node: React.ReactElement): string => {
  const { lastFrame, unmount } = render(node);
  const frame = lastFrame() ?? '';
  unmount();
  return frame;
};

describe('inColor', () => {
  it.each(['green', 'redBright', 'gray', '#ff8800', '#0af', 'ansi256(208)', 'rgb(1, 2, 3)', 'rgb(10,20,30)', 'notAColour', 'default', undefined])(
    '%s: as Ink’s <Text color>',
    async (color) => {
      expect(await cellsOf(inColor('web-1 Up 3 seconds', color))).toEqual(await cellsOf(inkDraws(<Text color={color}>web-1 Up 3 seconds</Text>)));
    },
  );

  it('colours something: the comparison above is not between two plain strings', () => {
    expect(inColor('x', 'green')).toBe('\x1b[32mx\x1b[39m');
  });
});

describe('rowText', () => {
  const cells = [{ text: 'web-1 ' }, { text: 'running', color: 'green' }, { text: 'Exited (1)', color: '#ff0000' }];

  it('draws what nested <Text> per cell drew', async () => {
    const nested = inkDraws(
      <Text>
        <Text color="yellow">* </Text>
        {cells.map((c, i) => (
          <Text key={i} color={c.color}>
            {i > 0 ? ' ' : ''}
            {c.text}
          </Text>
        ))}
      </Text>,
    );
    expect(await cellsOf(inkDraws(<Text>{rowText('* ', 'yellow', cells, false)}</Text>))).toEqual(await cellsOf(nested));
  });

  it('leaves the colouring to the row when plain (the selected row)', () => {
    expect(rowText('> ', 'yellow', cells, true)).toBe('> web-1  running Exited (1)');
  });
});
