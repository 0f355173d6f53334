/**
 * Terminal-safety sanitiser for strings that come from containers (log lines,
 * names, labels, commands, env, inspect JSON). Any of them may contain escape
 * sequences that would clear the screen, move the cursor, retitle the window,
 * write the clipboard (OSC 52) or query the terminal and inject replies.
 *
 * Guarantee: `sanitize` output contains no C0 control (U+0000–U+001F), DEL,
 * C1 control (U+0080–U+009F), bidi control or zero-width character, and no
 * lone surrogate. With no ESC/CSI byte left, the terminal can never enter an
 * escape sequence, whatever the parsing below gets wrong; the parsing only
 * exists so that the *bodies* of sequences (e.g. "2J", an OSC title) are
 * removed too instead of showing up as garbage text.
 *
 * Decisions:
 * - Whole sequences are removed: CSI (ESC [ / U+009B), string sequences OSC,
 *   DCS, SOS, PM, APC (7-bit and 8-bit forms, ended by BEL, ESC \ or U+009C),
 *   nF escapes like ESC ( B, and two-char escapes like ESC c / ESC 7.
 *   Like xterm, CAN/SUB abort a sequence and an ESC inside one starts a new
 *   sequence. An unterminated sequence swallows the rest of the string.
 * - TAB becomes 4 spaces. Real tab stops depend on the column the string is
 *   drawn at, which callers (table cells, wrapped log lines) don't know here;
 *   a fixed expansion keeps width deterministic.
 * - Every other control character is removed (not replaced by a glyph), so
 *   "a\nb" becomes "ab": callers split lines *before* sanitising.
 * - Bidi controls (U+061C, U+200E, U+200F, U+202A–U+202E, U+2066–U+2069)
 *   and zero-width chars (U+200B–U+200D, U+2060, U+FEFF) are removed: they
 *   can reorder or hide what a row appears to contain. Removing ZWJ splits
 *   emoji ZWJ sequences into their parts; terminals disagree on how wide
 *   those sequences are anyway, so this also keeps column maths honest.
 * - Lone surrogates become U+FFFD (what they would be encoded as on output).
 * - Linear time: one forward pass, every character inspected O(1) times.
 */

const ESC = 0x1b;
const BEL = 0x07;
const CAN = 0x18;
const SUB = 0x1a;
const TAB = 0x09;
const C1_ST = 0x9c;
const TAB_EXPANSION = '    ';

// One precompiled test for the fast path: any character that sanitising would change.
// (No `u` flag: the surrogate alternatives match lone UTF-16 surrogates.)
const NEEDS_WORK =
  /[\x00-\x1f\x7f-\x9f\u061c\u200b-\u200f\u202a-\u202e\u2060\u2066-\u2069\ufeff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

const SGR_GLOBAL = /(?:\x1b\[|\x9b)[0-9;:]*m/g;

/** Remove every escape sequence and control/bidi/zero-width character. */
export function sanitize(text: string): string {
  return NEEDS_WORK.test(text) ? scan(text, false) : text;
}

/**
 * Like `sanitize`, but well-formed 7-bit SGR sequences (`ESC [ [0-9;:]* m`)
 * survive so coloured log lines stay coloured. Anything else — including the
 * 8-bit CSI form of SGR and SGR containing embedded controls — is removed.
 * Note: SGR 8 (conceal) is kept too; colours are trusted as presentation only.
 */
export function sanitizeKeepingSgr(text: string): string {
  return NEEDS_WORK.test(text) ? scan(text, true) : text;
}

/** Remove SGR sequences, e.g. to measure width or search the plain text. */
export function stripSgr(text: string): string {
  if (!text.includes('\x1b') && !text.includes('\x9b')) return text;
  return text.replace(SGR_GLOBAL, '');
}

function isSpecial(c: number): boolean {
  if (c < 0x20) return true;
  if (c < 0x7f) return false;
  if (c <= 0x9f) return true;
  if (c < 0x061c) return false;
  return (
    c === 0x061c ||
    (c >= 0x200b && c <= 0x200f) ||
    (c >= 0x202a && c <= 0x202e) ||
    c === 0x2060 ||
    (c >= 0x2066 && c <= 0x2069) ||
    c === 0xfeff ||
    (c >= 0xd800 && c <= 0xdfff)
  );
}

function scan(text: string, keepSgr: boolean): string {
  const out: string[] = [];
  const n = text.length;
  let runStart = 0; // start of the current run of safe characters
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (!isSpecial(c)) {
      i++;
      continue;
    }
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < n && isLowSurrogate(text.charCodeAt(i + 1))) {
      i += 2; // a valid pair (emoji, rare CJK) is ordinary text
      continue;
    }
    if (i > runStart) out.push(text.slice(runStart, i));
    let next = i + 1;
    if (c === ESC) next = escape(text, i, out, keepSgr);
    else if (c === 0x9b) next = csi(text, i + 1, i, out, false);
    else if (c === 0x90 || c === 0x98 || c === 0x9d || c === 0x9e || c === 0x9f) next = stringBody(text, i + 1);
    else if (c === TAB) out.push(TAB_EXPANSION);
    else if (c >= 0xd800 && c <= 0xdfff) out.push('\ufffd'); // lone surrogate
    // everything else (other C0/C1, DEL, bidi, zero-width) is simply dropped
    i = runStart = next;
  }
  if (runStart === 0) return text;
  if (runStart < n) out.push(text.slice(runStart));
  return out.join('');
}

function isLowSurrogate(c: number): boolean {
  return c >= 0xdc00 && c <= 0xdfff;
}

/** `i` is at an ESC. Returns the index just past the sequence. */
function escape(text: string, i: number, out: string[], keepSgr: boolean): number {
  const j = i + 1;
  if (j >= text.length) return j; // lone trailing ESC
  const d = text.charCodeAt(j);
  switch (d) {
    case 0x5b: // [  CSI
      return csi(text, j + 1, i, out, keepSgr);
    case 0x5d: // ]  OSC
    case 0x50: // P  DCS
    case 0x58: // X  SOS
    case 0x5e: // ^  PM
    case 0x5f: // _  APC
      return stringBody(text, j + 1);
  }
  if (d >= 0x20 && d <= 0x2f) {
    // nF escape: intermediates then one final byte, e.g. ESC ( B, ESC # 8.
    let k = j;
    while (k < text.length && inRange(text.charCodeAt(k), 0x20, 0x2f)) k++;
    if (k < text.length && inRange(text.charCodeAt(k), 0x30, 0x7e)) k++;
    return k;
  }
  if (d >= 0x30 && d <= 0x7e) return j + 1; // two-char escape: ESC 7, ESC c, ESC M, ...
  // ESC followed by a control or non-ASCII char: drop the ESC alone and let
  // the next char be handled normally (ESC ESC [ ... starts a fresh sequence).
  return j;
}

/**
 * Parses a CSI body starting at `k` (after "ESC [" or U+009B). Parameter and
 * intermediate bytes are 0x20–0x3F, the final byte 0x40–0x7E. C0 controls
 * and DEL inside are skipped (a terminal would execute/ignore them), CAN/SUB
 * abort, and ESC or any other byte ends the sequence without being consumed.
 */
function csi(text: string, k: number, seqStart: number, out: string[], keepSgr: boolean): number {
  const n = text.length;
  let sgrShaped = true; // only digits, ';' and ':' so far, nothing embedded
  while (k < n) {
    const c = text.charCodeAt(k);
    if (c >= 0x20 && c <= 0x3f) {
      if (!((c >= 0x30 && c <= 0x39) || c === 0x3b || c === 0x3a)) sgrShaped = false;
      k++;
    } else if (c >= 0x40 && c <= 0x7e) {
      if (keepSgr && sgrShaped && c === 0x6d /* m */) out.push(text.slice(seqStart, k + 1));
      return k + 1;
    } else if (c === CAN || c === SUB) {
      return k + 1;
    } else if ((c < 0x20 && c !== ESC) || c === 0x7f) {
      // Executed (C0) or ignored (DEL) by terminals without ending the sequence.
      sgrShaped = false;
      k++;
    } else {
      return k;
    }
  }
  return n; // unterminated at end of string
}

/** Body of OSC/DCS/SOS/PM/APC: runs to BEL, ST (ESC \ or U+009C), CAN/SUB, or end. */
function stringBody(text: string, k: number): number {
  const n = text.length;
  while (k < n) {
    const c = text.charCodeAt(k);
    if (c === BEL || c === C1_ST || c === CAN || c === SUB) return k + 1;
    if (c === ESC) {
      // ESC \ is ST; any other ESC aborts the string and starts a new sequence.
      return k + 1 < n && text.charCodeAt(k + 1) === 0x5c ? k + 2 : k;
    }
    k++;
  }
  return n;
}

function inRange(c: number, lo: number, hi: number): boolean {
  return c >= lo && c <= hi;
}
