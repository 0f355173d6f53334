// Asks the terminal whether it clusters graphemes (DEC private mode 2027, "grapheme
// clustering": Contour, WezTerm, foot, Ghostty, kitty…), and if so draws emoji ZWJ and
// skin-tone sequences whole (src/text/emoji-sequences.ts).
//
// The protocol, as Contour's spec and the terminals above (and vaxis, notcurses) use it:
// DECRQM `CSI ? 2027 $ p` asks; DECRPM `CSI ? 2027 ; Ps $ y` answers, Ps 1 set, 2 reset
// (known, off: dtui turns it on with `CSI ? 2027 h` and off again on leaving), 3
// permanently set, 4 permanently reset, 0 not recognised. A terminal that does not know
// DECRQM ignores the query (a well-formed CSI sequence) and never answers.
//
// Nothing waits for the answer: the first frame is drawn with sequences as parts, the
// answer arrives as a terminal reply (TerminalInput parses it, so it never reaches the
// keys) and switches the mode for every frame after it. No answer: parts for good.
import type { EventEmitter } from 'node:events';
import { setEmojiSequencesWhole } from '../text/emoji-sequences.js';

export const GRAPHEME_QUERY = '\x1b[?2027$p';
const REPORT = /^\x1b\[\?2027;(\d+)\$y$/;

/** What a DECRPM reply says about mode 2027; undefined when the reply is about something else. */
export function graphemeReport(reply: string): 'on' | 'off' | 'unsupported' | undefined {
  const m = REPORT.exec(reply);
  if (!m) return undefined;
  switch (Number(m[1])) {
    case 1:
    case 3:
      return 'on';
    case 2:
      return 'off';
    default:
      return 'unsupported';
  }
}

export interface GraphemeProbeIo {
  /** Emits 'reply' with each terminal reply (a FilteredStdin). */
  input: EventEmitter;
  write(data: string): void;
  /** Turns mode 2027 on (src/cli/terminal.ts remembers to turn it off on leaving). */
  turnOn(): void;
}

/** Sends the query; the first answer to it decides. Returns a function that stops listening. */
export function probeGraphemeClustering(io: GraphemeProbeIo): () => void {
  const onReply = (data: Buffer) => {
    const report = graphemeReport(data.toString('latin1'));
    if (report === undefined) return;
    io.input.off('reply', onReply);
    if (report === 'unsupported') return;
    // On before the first whole sequence is written: the terminal must cluster it.
    if (report === 'off') io.turnOn();
    setEmojiSequencesWhole(true);
  };
  io.input.on('reply', onReply);
  io.write(GRAPHEME_QUERY);
  return () => io.input.off('reply', onReply);
}
