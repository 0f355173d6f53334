// Splits a command line the way a POSIX shell splits words, without running anything:
// whitespace separates, 'single quotes' are literal, "double quotes" allow \" \\ \$ \`,
// a backslash outside quotes escapes the next character. No expansion, no globbing:
// `sh -c '…'` is how a person asks for those.

export function splitShellWords(input: string, opts: { commas?: boolean } = {}): string[] | { error: string } {
  const words: string[] = [];
  let word = '';
  let inWord = false;
  let quote: "'" | '"' | undefined;
  for (let i = 0; i < input.length; i++) {
    const c = input[i]!;
    if (quote === "'") {
      if (c === "'") quote = undefined;
      else word += c;
      continue;
    }
    if (quote === '"') {
      if (c === '"') quote = undefined;
      else if (c === '\\' && i + 1 < input.length && '"\\$`'.includes(input[i + 1]!)) word += input[++i];
      else word += c;
      continue;
    }
    // `commas`: a comma outside quotes separates too ("A=1, B=2"), for the run form's lists.
    if (c === ' ' || c === '\t' || c === '\n' || (opts.commas && c === ',')) {
      if (inWord) words.push(word);
      word = '';
      inWord = false;
      continue;
    }
    inWord = true;
    if (c === "'" || c === '"') quote = c;
    else if (c === '\\') {
      if (i + 1 < input.length) word += input[++i];
    } else word += c;
  }
  if (quote) return { error: `unclosed ${quote === "'" ? 'single' : 'double'} quote` };
  if (inWord) words.push(word);
  return words;
}

/** A word written so that splitShellWords (with or without commas) reads it back unchanged. */
export function quoteShellWord(word: string): string {
  if (/^[A-Za-z0-9_\-.=/:@%+]+$/.test(word)) return word;
  return `'${word.replace(/'/g, `'\\''`)}'`;
}
