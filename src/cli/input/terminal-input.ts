// Splits what the terminal sends on stdin into whole units — keys, pastes, and replies
// to queries — so a reply (to a query a container wrote during an exec/attach session,
// answered after dtui took the keyboard back) is dropped as one unit instead of reaching
// the key handlers as "?", "1", "2", "c"… and bracketed paste arrives as text, not keys.
//
// Hand-written because no kept npm parser fits: Node's readline keypress parser, `keypress`
// and Ink's own parser know CSI/SS3 keys but split DCS/OSC/APC strings and 8-bit C1 forms
// into characters; the ANSI parsers on npm parse program OUTPUT (colours), not input.
// The grammar is ECMA-48's (the one the terminals' own VT parsers follow), on bytes:
//   CSI  ESC [ | 0x9b   params 0x30–0x3f, intermediates 0x20–0x2f, final 0x40–0x7e
//   SS3  ESC O | 0x8f   (optional digits) one final byte
//   DCS/OSC/SOS/PM/APC  ESC P ] X ^ _ | 0x90 0x9d 0x98 0x9e 0x9f, to BEL or ST (ESC \, 0x9c)
// C1 bytes count both raw and UTF-8 encoded (C2 80–9F). CAN/SUB abort a sequence.

import type { MouseEvent } from '../../keys/mouse.js';

/** What one push of bytes turned into, in order. */
export type InputEvent =
  /** Key bytes for Ink (plain text, control keys, CSI/SS3 key sequences in 7-bit form). */
  | { kind: 'keys'; data: Buffer }
  /** A lone Esc key press (decided by flush(): nothing followed it in time). */
  | { kind: 'esc' }
  /** A bracketed paste: text with controls other than tab/newline removed. */
  | { kind: 'paste'; text: string }
  /** An SGR mouse report (mode 1006, turned on in terminal.ts when the mouse is on). */
  | { kind: 'mouse'; event: MouseEvent }
  /** A terminal reply or report dtui did not ask for; dropped, reported for tests. */
  | { kind: 'reply'; data: Buffer };

/** ESC [ < b ; x ; y M/m as a MouseEvent, or undefined when it is not one. */
export function sgrMouse(params: string, final: number): MouseEvent | undefined {
  if (final !== 0x4d && final !== 0x6d) return undefined;
  const m = /^<(\d{1,4});(\d{1,5});(\d{1,5})$/.exec(params);
  if (!m) return undefined;
  const b = Number(m[1]);
  const x = Number(m[2]) - 1;
  const y = Number(m[3]) - 1;
  if (x < 0 || y < 0) return undefined;
  const wheelCode = b & 0b1100_0011;
  return {
    button: b & 3,
    x,
    y,
    release: final === 0x6d,
    wheel: wheelCode === 64 ? 'up' : wheelCode === 65 ? 'down' : undefined,
    motion: (b & 32) !== 0,
    shift: (b & 4) !== 0,
    meta: (b & 8) !== 0,
    ctrl: (b & 16) !== 0,
  };
}

/** What the parser waits for, so the caller knows how long to wait before flush(). */
export type Pending = 'none' | 'escape' | 'sequence' | 'paste';

const ESC = 0x1b;
const BEL = 0x07;
const CAN = 0x18;
const SUB = 0x1a;
/** CSI final bytes that are keys (arrows, Home/End, F1–F4, Shift+Tab, `~` keys, kitty `u`). */
const KEY_FINALS = new Set('ABCDEFHPQSZ~u'.split('').map((c) => c.charCodeAt(0)));
/** Longest CSI / SS3 kept; anything longer is not a key. */
const MAX_CSI = 64;
/** Largest paste kept; the rest of a larger one is dropped (a field holds far less). */
const MAX_PASTE = 1 << 20;
const PASTE_END = Buffer.from('\x1b[201~');

type State =
  | 'ground'
  | 'c2' // a UTF-8 lead byte C2: the next byte may make a C1 control
  | 'esc'
  | 'csi'
  | 'csiIgnore' // a CSI too long to be a key: skipped to its final byte
  | 'x10' // X10 mouse report: 3 raw bytes after CSI M
  | 'ss3'
  | 'string'
  | 'stringEsc'
  | 'paste';

export class TerminalInput {
  private state: State = 'ground';
  /** Bytes of the unit being parsed (ESC … so far), in 7-bit form. */
  private seq: number[] = [];
  /** An ESC before the current ESC (Ink reads ESC ESC [A as Alt+↑). */
  private meta = false;
  private x10Left = 0;
  private prevByte = 0;
  /** UTF-8 continuation bytes still expected (so 0x80–0x9f inside a character is not C1). */
  private utf8Left = 0;
  private paste: Buffer[] = [];
  private pasteSize = 0;
  private pasteMatch = 0;
  private out: InputEvent[] = [];
  private keys: number[] = [];

  pending(): Pending {
    switch (this.state) {
      case 'ground':
        return 'none';
      case 'esc':
        return 'escape';
      case 'paste':
        return 'paste';
      default:
        return 'sequence';
    }
  }

  push(data: Buffer): InputEvent[] {
    for (const byte of data) this.byte(byte);
    return this.take();
  }

  /**
   * Nothing more came in time: a lone ESC is the Esc key, ESC + one byte is Alt+that
   * byte, a paste without its end is delivered, and any other unfinished sequence
   * (a reply cut short) is dropped.
   */
  flush(): InputEvent[] {
    const seq = Buffer.from(this.seq);
    switch (this.state) {
      case 'esc':
        if (this.meta) this.emitEsc();
        this.emitEsc();
        break;
      case 'csi':
      case 'csiIgnore':
      case 'ss3':
      case 'string':
      case 'stringEsc':
        // Also ESC + an introducer alone (Alt+[, Alt+O, Alt+P…): dtui binds no Alt key.
        if (this.meta) this.emitEsc();
        this.dropReply(seq);
        break;
      case 'paste':
        this.endPaste();
        break;
      case 'c2':
        this.emitKeys(Buffer.from([0xc2]));
        break;
      case 'x10':
        this.dropReply(seq);
        break;
    }
    this.toGround();
    return this.take();
  }

  /** Forgets any half-parsed unit (a session took the terminal in between). */
  reset(): void {
    this.toGround();
    this.utf8Left = 0;
    this.keys = [];
    this.out = [];
  }

  private take(): InputEvent[] {
    this.flushKeys();
    const out = this.out;
    this.out = [];
    return out;
  }

  private byte(b: number): void {
    switch (this.state) {
      case 'ground':
        return this.ground(b);
      case 'c2':
        this.state = 'ground';
        if (b >= 0x80 && b <= 0x9f) return this.c1(b);
        this.keys.push(0xc2);
        this.utf8Left = 1;
        return this.ground(b);
      case 'esc':
        return this.afterEsc(b);
      case 'csi':
        return this.csi(b);
      case 'csiIgnore':
        if (b >= 0x20 && b <= 0x3f) return;
        this.state = 'ground';
        if (b >= 0x40 && b <= 0x7e) return;
        return this.byte(b);
      case 'x10':
        this.seq.push(b);
        if (--this.x10Left === 0) this.finishReply();
        return;
      case 'ss3':
        return this.ss3(b);
      case 'string':
        return this.string(b);
      case 'stringEsc':
        if (b === 0x5c) return this.finishReply([b]);
        // Any other ESC aborts the string and starts a new sequence.
        this.dropReply(Buffer.from(this.seq.slice(0, -1)));
        this.startEsc();
        return this.byte(b);
      case 'paste':
        return this.pasteByte(b);
    }
  }

  private ground(b: number): void {
    if (this.utf8Left > 0 && b >= 0x80 && b <= 0xbf) {
      this.utf8Left--;
      this.keys.push(b);
      return;
    }
    this.utf8Left = 0;
    if (b === ESC) return this.startEsc();
    if (b >= 0x80 && b <= 0x9f) return this.c1(b);
    if (b === 0xc2) {
      this.state = 'c2';
      return;
    }
    if (b >= 0xc0 && b <= 0xf7) this.utf8Left = b >= 0xf0 ? 3 : b >= 0xe0 ? 2 : 1;
    this.keys.push(b);
  }

  private startEsc(): void {
    this.state = 'esc';
    this.seq = [ESC];
  }

  /** A C1 control: 8-bit forms of CSI, SS3 and the strings; the others are dropped. */
  private c1(b: number): void {
    const introducer: Record<number, number> = { 0x9b: 0x5b, 0x8f: 0x4f, 0x90: 0x50, 0x9d: 0x5d, 0x98: 0x58, 0x9e: 0x5e, 0x9f: 0x5f };
    const as7 = introducer[b];
    if (as7 === undefined) return this.dropReply(Buffer.from([b]));
    this.seq = [ESC];
    this.state = 'esc';
    this.afterEsc(as7);
  }

  private afterEsc(b: number): void {
    if (b === ESC) {
      // ESC ESC: the first is Alt for what follows, or a lone Esc before another sequence.
      if (this.meta) this.emitEsc();
      this.meta = true;
      this.seq = [ESC];
      return;
    }
    this.seq.push(b);
    if (b === 0x5b) this.state = 'csi';
    else if (b === 0x4f) this.state = 'ss3';
    else if (b === 0x50 || b === 0x5d || b === 0x58 || b === 0x5e || b === 0x5f) this.state = 'string';
    else if (b === CAN || b === SUB) this.toGround();
    else {
      // ESC then a key in one read is Alt+that key, as terminals send it (and as Ink reads
      // it). Never Esc followed by the key: Alt+s would then stop a container.
      if (this.meta) this.emitEsc();
      this.toGround();
      this.emitKeys(Buffer.from([ESC, b]));
    }
  }

  private csi(b: number): void {
    const body = this.seq.length - 2; // bytes after ESC [
    if (b === CAN || b === SUB) return this.dropReply(Buffer.from(this.seq));
    if (b < 0x20 || b > 0x7e) {
      // A control or non-ASCII byte cannot be inside a CSI: what came so far was cut
      // short; the byte itself is input of its own.
      this.dropReply(Buffer.from(this.seq));
      this.toGround();
      return this.byte(b);
    }
    this.seq.push(b);
    // ESC [ [ A…: the Linux console's F1–F5.
    if (b === 0x5b && body === 0) return;
    if (b >= 0x40) return this.finishCsi();
    if (this.seq.length > MAX_CSI) {
      this.finishReply();
      this.state = 'csiIgnore';
    }
  }

  private finishCsi(): void {
    const seq = this.seq;
    const final = seq[seq.length - 1] ?? 0;
    const params = seq.slice(2, -1);
    const first = params[0] ?? 0;
    const privateMarker = first >= 0x3c && first <= 0x3f;
    const intermediate = params.some((p) => p >= 0x20 && p <= 0x2f);
    const text = Buffer.from(params).toString('latin1');
    if (final === 0x7e && text === '200') {
      this.meta = false;
      this.state = 'paste';
      this.seq = [];
      this.paste = [];
      this.pasteSize = 0;
      this.pasteMatch = 0;
      return;
    }
    // X10 mouse report: ESC [ M and three raw bytes.
    if (final === 0x4d && params.length === 0) {
      this.state = 'x10';
      this.x10Left = 3;
      return;
    }
    const mouse = first === 0x3c ? sgrMouse(text, final) : undefined;
    if (mouse) {
      if (this.meta) this.emitEsc();
      this.meta = false;
      this.flushKeys();
      this.out.push({ kind: 'mouse', event: mouse });
      return this.toGround();
    }
    const legacy = params[0] === 0x5b;
    if (legacy || (!privateMarker && !intermediate && KEY_FINALS.has(final) && text !== '201')) return this.finishKey();
    // Everything else is a report: DA1/DA2/DA3 (c), DSR (n), CPR (R — also modified F3,
    // which dtui does not bind), DECRPM ($y), kitty flags (?u), focus (I/O), mouse
    // (M/m other than SGR), window reports (t), DECREQTPARM (x), a stray paste end…
    this.finishReply();
  }

  private ss3(b: number): void {
    if (b < 0x20 || b > 0x7e) {
      // ESC O then a control: it was Alt+O.
      this.seq.length = 2;
      this.finishKey();
      return this.byte(b);
    }
    this.seq.push(b);
    if (b >= 0x40) return this.finishKey();
    if (b < 0x30 || this.seq.length > MAX_CSI) {
      this.finishReply();
      this.state = 'csiIgnore';
    }
  }

  private string(b: number): void {
    if (b === CAN || b === SUB) return this.dropReply(Buffer.from(this.seq));
    if (b === BEL) return this.finishReply([b]);
    if (b === ESC) {
      this.seq.push(b);
      this.state = 'stringEsc';
      return;
    }
    // ST in 8-bit form (raw 0x9c, or U+009C as UTF-8 C2 9C), unless 0x9c continues
    // another UTF-8 character of the string's text.
    if (b === 0x9c && (this.utf8Left === 0 || this.prevByte === 0xc2)) return this.finishReply([b]);
    this.prevByte = b;
    if (b >= 0x80 && b <= 0xbf && this.utf8Left > 0) this.utf8Left--;
    else this.utf8Left = b >= 0xc0 && b <= 0xf7 ? (b >= 0xf0 ? 3 : b >= 0xe0 ? 2 : 1) : 0;
    // The body is not kept beyond a bound: it is dropped anyway.
    if (this.seq.length < 256) this.seq.push(b);
  }

  private pasteByte(b: number): void {
    if (b === PASTE_END[this.pasteMatch]) {
      if (++this.pasteMatch === PASTE_END.length) this.endPaste();
      return;
    }
    if (this.pasteMatch > 0) {
      this.addPaste(PASTE_END.subarray(0, this.pasteMatch));
      this.pasteMatch = 0;
      if (b === PASTE_END[0]) {
        this.pasteMatch = 1;
        return;
      }
    }
    this.addPaste(Buffer.from([b]));
  }

  private addPaste(bytes: Buffer): void {
    if (this.pasteSize >= MAX_PASTE) return;
    this.paste.push(bytes);
    this.pasteSize += bytes.length;
  }

  private endPaste(): void {
    const raw = Buffer.concat(this.paste).toString('utf8');
    this.paste = [];
    this.pasteSize = 0;
    this.pasteMatch = 0;
    this.state = 'ground';
    this.seq = [];
    const text = pasteText(raw);
    if (text) {
      this.flushKeys();
      this.out.push({ kind: 'paste', text });
    }
  }

  private finishKey(): void {
    const bytes = this.meta ? [ESC, ...this.seq] : this.seq;
    this.emitKeys(Buffer.from(bytes));
    this.toGround();
  }

  private finishReply(tail: number[] = []): void {
    // A person's Esc right before a reply stays a key press.
    if (this.meta) this.emitEsc();
    this.meta = false;
    this.dropReply(Buffer.from([...this.seq, ...tail]));
  }

  private emitKeys(data: Buffer): void {
    for (const b of data) this.keys.push(b);
  }

  private emitEsc(): void {
    this.flushKeys();
    this.out.push({ kind: 'esc' });
  }

  private dropReply(data: Buffer): void {
    this.flushKeys();
    this.out.push({ kind: 'reply', data });
    this.toGround();
  }

  private flushKeys(): void {
    if (this.keys.length === 0) return;
    this.out.push({ kind: 'keys', data: Buffer.from(this.keys) });
    this.keys = [];
  }

  private toGround(): void {
    this.state = 'ground';
    this.seq = [];
    this.meta = false;
    this.x10Left = 0;
    this.prevByte = 0;
    this.utf8Left = 0;
  }
}

/** Pasted text as a field takes it: CR/CRLF are newlines; other controls are removed. */
export function pasteText(raw: string): string {
  return raw
    .replace(/\r\n?/g, '\n')

    .replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, '');
}
