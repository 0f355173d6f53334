// The stdin Ink reads: process.stdin passed through TerminalInput, so every consumer of
// keys gets whole key presses and never a terminal's reply to a query dtui did not make.
// Pastes (bracketed paste, turned on in terminal.ts) leave as one 'paste' event with the
// text instead of as keys, SGR mouse reports as 'mouse' events (MouseEvent). The real stdin is read only while Ink holds raw mode, so an
// exec/attach session (src/cli/hand-over.ts) reads it undisturbed in between.
import { Readable } from 'node:stream';
import { TerminalInput, type InputEvent } from './terminal-input.js';

/**
 * A lone ESC at the end of a read is the Esc key at once, as Ink (and vim, less…) take
 * it: a person's Esc must not wait. Only after a session, when replies to the queries a
 * container wrote may still be on the way, possibly cut after their ESC, does a lone
 * ESC wait this long for the rest.
 */
export const AFTER_SESSION_GUARD_MS = 100;
/** An unfinished reply (or an Alt+[ … typed by hand) is dropped after this long. */
const SEQUENCE_WAIT_MS = 300;
/** A paste whose end marker never came is delivered after this long without input. */
const PASTE_WAIT_MS = 1000;

export class FilteredStdin extends Readable {
  readonly isTTY: boolean;
  private readonly parser = new TerminalInput();
  private attached = false;
  private timer: NodeJS.Timeout | undefined;
  private immediate: NodeJS.Immediate | undefined;
  private guardUntil = 0;
  /** Output waiting until Ink has taken a lone ESC on its own (see emitEsc). */
  private held: Buffer[] | undefined;

  constructor(private readonly source: NodeJS.ReadStream) {
    super();
    this.isTTY = Boolean(source.isTTY);
  }

  get isRaw(): boolean {
    return Boolean(this.source.isRaw);
  }

  /** Ink turns raw mode on when it starts listening for keys and off when it stops. */
  setRawMode(on: boolean): this {
    if (this.source.isTTY) this.source.setRawMode(on);
    if (on) this.attach();
    else this.detach();
    return this;
  }

  ref(): this {
    this.source.ref();
    return this;
  }

  unref(): this {
    this.source.unref();
    return this;
  }

  override _read(): void {
    // Data is pushed as it arrives from the real stdin.
  }

  /**
   * A session gave the keyboard back: what it left unread (keys meant for the ended
   * session, the start of a terminal reply) is parsed and thrown away, and for a short
   * while a lone ESC waits longer, so a reply cut in two is still recognised.
   */
  afterSession(): void {
    this.parser.reset();
    let chunk: Buffer | string | null;
    while ((chunk = this.source.read() as Buffer | string | null) !== null) this.parser.push(toBuffer(chunk));
    this.guardUntil = Date.now() + AFTER_SESSION_GUARD_MS;
  }

  /** Starts the guard again from now (called when the screen is back, after a session). */
  resumed(): void {
    if (this.guardUntil > 0) this.guardUntil = Date.now() + AFTER_SESSION_GUARD_MS;
  }

  private readonly onReadable = () => {
    let chunk: Buffer | string | null;
    while ((chunk = this.source.read() as Buffer | string | null) !== null) this.handle(this.parser.push(toBuffer(chunk)));
    this.schedule();
  };

  private attach(): void {
    if (this.attached) return;
    this.attached = true;
    this.source.on('readable', this.onReadable);
    // The tty is raw now: a query's answer is neither echoed nor held for a newline.
    this.emit('attached');
    // Input that arrived while nobody listened (after the drain) is read now.
    this.onReadable();
  }

  private detach(): void {
    if (!this.attached) return;
    this.attached = false;
    this.source.off('readable', this.onReadable);
    clearTimeout(this.timer);
    this.timer = undefined;
    if (this.immediate) clearImmediate(this.immediate);
    this.immediate = undefined;
  }

  private schedule(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    if (this.immediate) clearImmediate(this.immediate);
    this.immediate = undefined;
    const pending = this.parser.pending();
    if (pending === 'none') return;
    const flush = () => {
      this.timer = undefined;
      this.immediate = undefined;
      this.handle(this.parser.flush());
    };
    if (pending === 'escape' && Date.now() >= this.guardUntil) {
      this.immediate = setImmediate(flush);
      return;
    }
    const wait = pending === 'escape' ? AFTER_SESSION_GUARD_MS : pending === 'paste' ? PASTE_WAIT_MS : SEQUENCE_WAIT_MS;
    this.timer = setTimeout(flush, wait);
  }

  private handle(events: InputEvent[]): void {
    for (const e of events) {
      if (e.kind === 'keys') this.send(e.data);
      else if (e.kind === 'esc') this.emitEsc();
      else if (e.kind === 'paste') this.emit('paste', e.text);
      else if (e.kind === 'mouse') this.emit('mouse', e.event);
      // Replies never reach the keys; the one dtui asks for (grapheme-probe.ts) listens here.
      else this.emit('reply', e.data);
    }
  }

  private send(data: Buffer): void {
    if (this.held) this.held.push(data);
    else this.push(data);
  }

  /**
   * Ink keeps a trailing ESC pending until the next event-loop turn and would glue it to
   * keys that arrive before then (ESC + j = Alt+j). So what follows a lone Esc waits
   * until Ink has delivered the Esc on its own: Ink flushes it in a setImmediate queued
   * when it reads it; ours, queued after, releases the rest.
   */
  private emitEsc(): void {
    this.send(Buffer.from([0x1b]));
    if (this.held) return;
    this.held = [];
    setImmediate(() =>
      setImmediate(() => {
        const held = this.held ?? [];
        this.held = undefined;
        for (const data of held) this.push(data);
      }),
    );
  }
}

function toBuffer(chunk: Buffer | string): Buffer {
  return typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk;
}
