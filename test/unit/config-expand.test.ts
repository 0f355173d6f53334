import { execFileSync } from 'node:child_process';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ExpandError, expandCommand, shellQuote } from '../../src/app/commands/expand.js';

const HOSTILE = [
  '$(touch /tmp/pwned)',
  '`id`',
  "a'b",
  'x; rm -rf /',
  'a\nb',
  '"; echo hi; "',
  '${HOME}',
  '* ?',
  '\\',
  'web|cat',
  'emoji 🐳',
  '\x1b]0;title\x07',
];

describe('custom command placeholders', () => {
  it('puts each value into its argv element as is, never splitting or interpreting it', () => {
    for (const name of HOSTILE) {
      expect(expandCommand({ command: ['echo', 'name={{.Name}}', '{{ .ID }}'], shell: false }, { Name: name, ID: 'abc' })).toEqual([
        'echo',
        `name=${name}`,
        'abc',
      ]);
    }
  });

  it('with shell: true, sh reads every hostile value back as the same single word', () => {
    for (const name of HOSTILE) {
      const argv = expandCommand({ command: ['printf %s {{.Name}}'], shell: true }, { Name: name });
      expect(argv.slice(0, 2)).toEqual(['sh', '-c']);
      expect(execFileSync(argv[0]!, argv.slice(1), { encoding: 'utf8' })).toBe(name);
    }
  });

  it('shell quoting round-trips any string without NUL (property)', () => {
    // Many strings per shell: a process per string made this test time out on a loaded machine.
    fc.assert(
      fc.property(
        fc.array(
          fc.string({ unit: 'binary' }).filter((s) => !s.includes('\0')),
          { minLength: 1, maxLength: 12 },
        ),
        (strings) => {
          const script = `printf '%s\\0' ${strings.map(shellQuote).join(' ')}`;
          expect(execFileSync('sh', ['-c', script], { encoding: 'utf8' }).split('\0').slice(0, -1)).toEqual(strings);
        },
      ),
      { numRuns: 12 },
    );
  });

  it('refuses a value that would start an argument with "-", and NUL', () => {
    expect(() => expandCommand({ command: ['rm', '{{.Name}}'], shell: false }, { Name: '-rf' })).toThrow(ExpandError);
    expect(() => expandCommand({ command: ['ls {{.Name}}'], shell: true }, { Name: '--all' })).toThrow(/starts with "-"/);
    expect(expandCommand({ command: ['--name={{.Name}}'], shell: false }, { Name: '-x' })).toEqual(['--name=-x']);
    expect(() => expandCommand({ command: ['echo', '{{.Name}}'], shell: false }, { Name: 'a\0b' })).toThrow(/NUL/);
  });

  it('refuses a placeholder without a value', () => {
    expect(() => expandCommand({ command: ['echo', '{{.Project}}'], shell: false }, {})).toThrow('{{.Project}} has no value here');
  });
});
