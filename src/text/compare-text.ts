/**
 * `a.localeCompare(b)` for the names dtui sorts (containers, images, volumes, networks,
 * services, contexts), without ICU when both are printable ASCII and the user's locale
 * orders ASCII as ICU's root collation does. Hand-written because the first
 * localeCompare makes node touch ICU's collation data, ~2.5 MB of its binary that then
 * count in dtui's RSS for as long as it runs (docs/PERFORMANCE.md, "Misses": RSS idle),
 * and the container list is sorted at launch. Same order as before: any other string, or
 * another locale (e.g. Danish sorts "aa" after "z"), still goes to ICU's collator.
 */

/** Printable ASCII in root collation order; a letter and its capital share a rank. */
const ROOT_ORDER = ' _-,;:!?.\'"()[]{}@*/\\&#%`^+<=>|~$0123456789aAbBcCdDeEfFgGhHiIjJkKlLmMnNoOpPqQrRsStTuUvVwWxXyYzZ';

/** Primary weight by char code (0: not printable ASCII, no fast path). */
const PRIMARY = new Uint8Array(128);
{
  let rank = 0;
  for (const ch of ROOT_ORDER) {
    const code = ch.charCodeAt(0);
    // An upper-case letter takes its lower-case letter's rank, which came just before it.
    if (ch >= 'A' && ch <= 'Z') PRIMARY[code] = PRIMARY[code + 32]!;
    else PRIMARY[code] = ++rank;
  }
}

/**
 * Languages whose collation orders printable ASCII exactly as the root does (checked
 * against ICU in test/unit/compare-text.test.ts). Not here on purpose: Danish and
 * Norwegian ("aa"), Czech and Slovak ("ch"), Hungarian, Croatian, Welsh (digraphs),
 * Lithuanian, Estonian, Turkish — those keep ICU.
 */
export const ROOT_ORDER_LANGUAGES: ReadonlySet<string> = new Set([
  '',
  'c',
  'posix',
  'en',
  'de',
  'fr',
  'es',
  'it',
  'pt',
  'nl',
  'ja',
  'zh',
  'ko',
  'ru',
  'uk',
  'pl',
]);

/** The language ICU takes as the default locale: LC_ALL, then LC_MESSAGES, then LANG. */
export function collationLanguage(env: NodeJS.ProcessEnv = process.env): string {
  const id = env.LC_ALL || env.LC_MESSAGES || env.LANG || '';
  return /^[A-Za-z]*/.exec(id)![0].toLowerCase();
}

const fastLocale = ROOT_ORDER_LANGUAGES.has(collationLanguage());

let collator: Intl.Collator | undefined;

export function isPrintableAscii(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 128 || PRIMARY[c] === 0) return false;
  }
  return true;
}

/** Negative when `a` sorts before `b`, as `a.localeCompare(b)` (its sign, not its value). */
export function compareText(a: string, b: string): number {
  if (!fastLocale || !isPrintableAscii(a) || !isPrintableAscii(b)) {
    collator ??= new Intl.Collator();
    return collator.compare(a, b);
  }
  return compareAsciiRoot(a, b);
}

/** Two printable-ASCII strings in ICU's root collation order (a negative, zero or positive number). */
export function compareAsciiRoot(a: string, b: string): number {
  // Primary level (letters without case, then length), else the first case difference:
  // lower case before upper case, as ICU's tertiary level.
  let tertiary = 0;
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const ca = a.charCodeAt(i);
    const cb = b.charCodeAt(i);
    if (ca === cb) continue;
    const pa = PRIMARY[ca]!;
    const pb = PRIMARY[cb]!;
    if (pa !== pb) return pa - pb;
    if (tertiary === 0) tertiary = ca > cb ? -1 : 1;
  }
  return a.length - b.length || tertiary;
}
