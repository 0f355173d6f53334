// Typing to a process that has no TTY (docker attach to a non-TTY container). The docker
// CLI leaves the terminal cooked there, so the person's own terminal echoes and edits the
// line; dtui keeps the terminal raw (it must see Ctrl+P Ctrl+Q), so it does that small
// part itself: echo, backspace, Ctrl+U, Enter sends the line, Ctrl+D at the start of a
// line is end-of-input, Ctrl+C is SIGINT for the process (as the CLI's --sig-proxy).

export interface LineStep {
  /** Bytes for the process's stdin. */
  send: Buffer;
  /** What to draw locally. */
  echo: string;
  signal?: 'SIGINT';
  eof?: boolean;
}

export class LineInput {
  private line = '';
  /** Inside an escape sequence (arrow keys, F-keys): 'esc' after ESC, 'csi' after ESC [ or ESC O. */
  private escape: 'esc' | 'csi' | undefined;

  feed(data: Buffer): LineStep {
    const send: string[] = [];
    let echo = '';
    let signal: LineStep['signal'];
    let eof = false;
    for (const ch of data.toString('utf8')) {
      // Escape sequences are dropped: a line has no cursor to move.
      if (this.escape === 'esc') {
        this.escape = ch === '[' || ch === 'O' ? 'csi' : undefined;
        continue;
      }
      if (this.escape === 'csi') {
        if (ch >= '@' && ch <= '~') this.escape = undefined;
        continue;
      }
      if (ch === '\x1b') {
        this.escape = 'esc';
      } else if (ch === '\r' || ch === '\n') {
        send.push(`${this.line}\n`);
        this.line = '';
        echo += '\r\n';
      } else if (ch === '\x7f' || ch === '\b') {
        if (this.line) {
          this.line = [...this.line].slice(0, -1).join('');
          echo += '\b \b';
        }
      } else if (ch === '\x15') {
        echo += '\b \b'.repeat([...this.line].length);
        this.line = '';
      } else if (ch === '\x03') {
        this.line = '';
        echo += '^C\r\n';
        signal = 'SIGINT';
      } else if (ch === '\x04') {
        if (this.line) {
          send.push(this.line);
          this.line = '';
        } else eof = true;
      } else if (ch >= ' ' || ch === '\t') {
        this.line += ch;
        echo += ch;
      }
    }
    return { send: Buffer.from(send.join(''), 'utf8'), echo, signal, eof };
  }
}
