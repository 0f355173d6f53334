// sanitizeKeepingSgr for a byte stream that keeps its line breaks: the output of a
// container attached without a TTY (src/docker/hijack.ts), which reaches the terminal
// as it arrives. Like the Logs tab: colours stay, every other escape sequence and
// control goes (OSC 52 clipboard writes, titles, DCS, queries). A sequence or UTF-8
// character cut by a chunk boundary is held until the next chunk completes it.
import { StringDecoder } from 'node:string_decoder';
import { sanitizeKeepingSgr } from './sanitize.js';

/** An unterminated sequence longer than this is dropped rather than held forever. */
const MAX_HELD = 1 << 20;

export class StreamSanitizer {
  private readonly decoder = new StringDecoder('utf8');
  private held = '';

  push(chunk: Buffer): string {
    let text = this.held + this.decoder.write(chunk);
    this.held = '';
    const cut = unfinishedSequenceStart(text);
    if (cut >= 0) {
      this.held = text.length - cut > MAX_HELD ? '' : text.slice(cut);
      text = text.slice(0, cut);
    }
    return text.split('\n').map(sanitizeKeepingSgr).join('\n');
  }
}

const STRING_INTRODUCERS = new Set([0x50, 0x5d, 0x58, 0x5e, 0x5f]); // P ] X ^ _
const C1_STRINGS = new Set([0x90, 0x9d, 0x98, 0x9e, 0x9f]);

/** Where an escape sequence that `text` ends inside starts, or -1. */
export function unfinishedSequenceStart(text: string): number {
  let state: 'ground' | 'esc' | 'nf' | 'csi' | 'str' | 'strEsc' = 'ground';
  let start = -1;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x18 || c === 0x1a) {
      state = 'ground'; // CAN/SUB abort any sequence
      continue;
    }
    switch (state) {
      case 'ground':
      case 'esc':
      case 'nf':
        if (state === 'esc' && c === 0x5b) state = 'csi';
        else if (state === 'esc' && STRING_INTRODUCERS.has(c)) state = 'str';
        else if ((state === 'esc' || state === 'nf') && c >= 0x20 && c <= 0x2f) state = 'nf';
        else if (c === 0x1b) {
          state = 'esc';
          start = i;
        } else if (c === 0x9b) {
          state = 'csi';
          start = i;
        } else if (C1_STRINGS.has(c)) {
          state = 'str';
          start = i;
        } else state = 'ground';
        break;
      case 'csi':
        if (c >= 0x40 && c <= 0x7e) state = 'ground';
        else if (c === 0x1b) {
          state = 'esc';
          start = i;
        } else if (c >= 0x20 && c <= 0x3f) {
          // parameters and intermediates
        } else if (c >= 0x20) state = 'ground';
        break;
      case 'str':
        if (c === 0x07 || c === 0x9c) state = 'ground';
        else if (c === 0x1b) state = 'strEsc';
        break;
      case 'strEsc':
        if (c === 0x5c) state = 'ground';
        else {
          state = 'esc';
          start = i - 1;
          i--; // the ESC starts a new sequence: look at this character again
        }
        break;
    }
  }
  return state === 'ground' ? -1 : start;
}
