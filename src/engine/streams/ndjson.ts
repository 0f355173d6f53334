import { LineSplitter } from './line-splitter.js';

/**
 * Newline-delimited JSON parser for the engine's streaming endpoints
 * (/events, image pull/push progress, build output).
 *
 * Built on LineSplitter, so values may be split across chunks at any byte
 * (including inside multi-byte UTF-8), several may arrive in one chunk, and
 * "\r\n" separators work. Blank / whitespace-only lines are ignored.
 *
 * Malformed lines are counted in `malformed` and skipped; nothing here ever
 * throws on input, because one bad line from a proxy or an old engine must
 * not kill a long-lived event subscription. Lines longer than `maxLineBytes`
 * (default 16 MiB — far above any real engine message) are truncated by the
 * splitter, fail to parse and are therefore counted as malformed too, which
 * keeps memory bounded.
 *
 * Any JSON value is accepted (not only objects); `T` is an unchecked cast —
 * validate shape at the use site.
 */

export type JsonLineParserOptions = {
  maxLineBytes?: number;
};

const DEFAULT_MAX_LINE_BYTES = 16 * 1024 * 1024;

export class JsonLineParser<T = unknown> {
  readonly #lines: LineSplitter;
  #malformed = 0;

  constructor(opts: JsonLineParserOptions = {}) {
    this.#lines = new LineSplitter({ maxLineBytes: opts.maxLineBytes ?? DEFAULT_MAX_LINE_BYTES });
  }

  /** Number of non-blank lines that were not valid JSON (since construction). */
  get malformed(): number {
    return this.#malformed;
  }

  push(chunk: Buffer | string): T[] {
    return this.#parse(this.#lines.push(chunk));
  }

  /** End of input: parses a final line that had no trailing newline. */
  flush(): T[] {
    return this.#parse(this.#lines.flush());
  }

  #parse(lines: string[]): T[] {
    const out: T[] = [];
    for (const line of lines) {
      // JSON.parse tolerates surrounding JSON whitespace itself; this check
      // just avoids counting blank lines as malformed.
      if (isBlank(line)) continue;
      try {
        out.push(JSON.parse(line) as T);
      } catch {
        this.#malformed++;
      }
    }
    return out;
  }
}

// JSON whitespace only (space, tab, CR, LF) — the same set JSON.parse skips.
function isBlank(line: string): boolean {
  for (let i = 0; i < line.length; i++) {
    const c = line.charCodeAt(i);
    if (c !== 0x20 && c !== 0x09 && c !== 0x0d && c !== 0x0a) return false;
  }
  return true;
}
