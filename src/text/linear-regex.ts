// User-typed regular expressions (the log filter) run through RE2JS, a linear-time engine:
// V8's backtracking RegExp can spin forever on a pattern like `(\w+\s?)+$`, and a frozen
// main thread ignores q, Ctrl+C and SIGTERM. RE2 syntax is what people type in practice;
// the constructs it cannot do in linear time (backreferences, lookaround) are refused with
// a message saying so. Measured here on a 100k-line log (one full scan, what applying a
// filter costs): RegExp 20–160 ms, RE2JS 220–990 ms, so plain words (the common case) skip
// the engine and use indexOf. The native `re2` bindings were not an option: no prebuilt
// binary is reachable here and building them from source ran past 15 minutes on 2 cores.
import { RE2JS } from 're2js';

export interface LineMatcher {
  test(text: string): boolean;
}

const UNSUPPORTED: Array<[RegExp, string]> = [
  [/\\[1-9]|\\k</, 'backreferences (\\1, \\k<name>) are not supported: the filter matches in linear time (RE2 syntax)'],
  [/\(\?<?[=!]/, 'lookahead and lookbehind ((?=…), (?!…), (?<=…)) are not supported: the filter matches in linear time (RE2 syntax)'],
];

const META = /[\\^$.|?*+()[\]{}]/;

function literal(needle: string, ignoreCase: boolean): LineMatcher {
  const n = ignoreCase ? needle.toLowerCase() : needle;
  return { test: (t) => (ignoreCase ? t.toLowerCase() : t).includes(n) };
}

const cache = new Map<string, LineMatcher | string>();

/** A linear-time matcher for `pattern`, or a one-line message why it cannot be used. */
export function compileLinear(pattern: string, ignoreCase: boolean): LineMatcher | string {
  const key = `${ignoreCase ? 'i' : '-'}${pattern}`;
  const hit = cache.get(key);
  if (hit !== undefined) return hit;
  const made = make(pattern, ignoreCase);
  if (cache.size >= 32) cache.delete(cache.keys().next().value!);
  cache.set(key, made);
  return made;
}

function make(pattern: string, ignoreCase: boolean): LineMatcher | string {
  if (!META.test(pattern)) return literal(pattern, ignoreCase);
  for (const [construct, message] of UNSUPPORTED) if (construct.test(pattern)) return message;
  try {
    const re = RE2JS.compile(pattern, ignoreCase ? RE2JS.CASE_INSENSITIVE : 0);
    return { test: (t) => re.test(t) };
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    return message.replace(/^error parsing regexp: /, '') || 'invalid regular expression';
  }
}
