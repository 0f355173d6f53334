// Text reaches the screen only through src/ui/text.tsx (which sanitises every child): no
// other source file may take Ink's Text, by name, namespace or dynamic import. The same
// rule as the no-restricted-imports block in eslint.config.js, enforced even where ESLint does not run.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { render } from 'ink-testing-library';
import { Text } from '../../src/ui/text.js';
import { displayText } from '../../src/text/display.js';

const root = join(import.meta.dirname, '../..');
const ALLOWED = 'src/ui/text.tsx';

const INK_NAMED = /import\s*\{([^}]*)\}\s*from\s*['"]ink['"]/g;
/** `{ Box, Text }` or `{ Text as T }` take the component; `{ type TextProps }` does not. */
const importsText = (specifiers: string) => specifiers.split(',').some((n) => /^Text(\s+as\s+\w+)?$/.test(n.trim()));

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sources(join(dir, e.name)) : /\.(ts|tsx|mts|cts|js|mjs)$/.test(e.name) ? [join(dir, e.name)] : [],
  );
}

describe('one display path', () => {
  it('no source file but src/ui/text.tsx imports Text from ink', () => {
    const offenders: string[] = [];
    for (const file of sources(join(root, 'src'))) {
      const rel = relative(root, file);
      if (rel === ALLOWED) continue;
      const code = readFileSync(file, 'utf8');
      const named = [...code.matchAll(INK_NAMED)].some((m) => importsText(m[1]!));
      const wholeModule = /import\s+\*\s+as\s+\w+\s+from\s*['"]ink['"]|import\s*\(\s*['"]ink['"]\s*\)|require\(\s*['"]ink['"]\s*\)/.test(code);
      if (named || wholeModule) offenders.push(rel);
    }
    expect(offenders).toEqual([]);
  });

  it('the rule sees a violation (checked on a sample, so the test can fail)', () => {
    for (const bad of ["import { Box, Text } from 'ink';", "import { Text as T } from 'ink';"]) {
      expect(
        [...bad.matchAll(INK_NAMED)].some((m) => importsText(m[1]!)),
        bad,
      ).toBe(true);
    }
    expect([..."import { Box, type TextProps } from 'ink';".matchAll(INK_NAMED)].some((m) => importsText(m[1]!))).toBe(false);
  });
});

describe('Text sanitises children of every type', () => {
  const OSC52 = '\x1b]52;c;ZXZpbA==\x07';
  const TITLE = '\x1b]0;pwned\x1b\\';
  const hostileNumber = `4${OSC52}${TITLE}\x1b[2J\u009b2J\u3164`; // what a "number" field carried

  it('strings, numbers, objects, arrays, nested Text: no escape reaches the frame', () => {
    const values: unknown[] = [hostileNumber, 42, { evil: hostileNumber }, [hostileNumber, 7], true, null, undefined, 10n];
    for (const v of values) {
      const { lastFrame, unmount } = render(
        <Text>
          pids {v} <Text color="red">{v}</Text>
        </Text>,
      );
      const frame = lastFrame() ?? '';
      expect(frame).not.toMatch(/\x1b\]|\x1bP|\x1b\[2J|[\u0080-\u009f]|\u3164/);
      unmount();
    }
  });

  it('shows numbers as numbers and hostile "numbers" as their printable part', () => {
    expect(displayText(12)).toBe('12');
    expect(displayText(hostileNumber)).toBe('4');
    expect(displayText({ a: `x${OSC52}` })).not.toMatch(/[\x00-\x1f\x7f-\x9f]/);
    expect(displayText(undefined)).toBe('');
  });
});
