import { describe, expect, it } from 'vitest';
import { splitShellWords } from '../../src/text/shell-words.js';

describe('splitShellWords', () => {
  it('splits on runs of whitespace', () => {
    expect(splitShellWords('  top   -b  ')).toEqual(['top', '-b']);
    expect(splitShellWords('')).toEqual([]);
  });
  it('keeps single-quoted text literal', () => {
    expect(splitShellWords(`sh -c 'echo "$HOME" \\ ok'`)).toEqual(['sh', '-c', 'echo "$HOME" \\ ok']);
  });
  it('handles double quotes with the escapes a shell honours there', () => {
    expect(splitShellWords(`echo "a \\"b\\" \\$c \\n"`)).toEqual(['echo', 'a "b" $c \\n']);
  });
  it('joins adjacent quoted and bare parts into one word, and keeps empty quoted words', () => {
    expect(splitShellWords(`a'b c'"d"e ''`)).toEqual(['ab cde', '']);
  });
  it('escapes a character with a backslash outside quotes', () => {
    expect(splitShellWords('echo a\\ b')).toEqual(['echo', 'a b']);
  });
  it('reports an unclosed quote', () => {
    expect(splitShellWords(`sh -c 'echo`)).toEqual({ error: 'unclosed single quote' });
    expect(splitShellWords(`echo "x`)).toEqual({ error: 'unclosed double quote' });
  });
});
