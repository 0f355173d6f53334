import { describe, expect, it } from 'vitest';
import { LineInput } from '../../src/engine/api/line-input.js';

const feed = (input: LineInput, text: string) => {
  const step = input.feed(Buffer.from(text, 'utf8'));
  return { ...step, send: step.send.toString('utf8') };
};

describe('LineInput (typing to a process without a TTY)', () => {
  it('echoes as you type and sends the line on Enter', () => {
    const input = new LineInput();
    expect(feed(input, 'héllo')).toEqual({ send: '', echo: 'héllo', signal: undefined, eof: false });
    expect(feed(input, '\r')).toMatchObject({ send: 'héllo\n', echo: '\r\n' });
  });
  it('edits with backspace and Ctrl+U', () => {
    const input = new LineInput();
    expect(feed(input, 'abc\x7f\x7fx\r')).toMatchObject({ send: 'ax\n', echo: 'abc\b \b\b \bx\r\n' });
    expect(feed(input, 'zz\x15y\r')).toMatchObject({ send: 'y\n' });
  });
  it('drops escape sequences (arrow keys) instead of typing them', () => {
    expect(feed(new LineInput(), 'a\x1b[A\x1bOBb\r')).toMatchObject({ send: 'ab\n', echo: 'ab\r\n' });
  });
  it('keeps an escape sequence split across reads out of the line', () => {
    const input = new LineInput();
    feed(input, 'a\x1b');
    expect(feed(input, '[1;5Cb\r')).toMatchObject({ send: 'ab\n' });
  });
  it('turns Ctrl+C into SIGINT and drops the line', () => {
    expect(feed(new LineInput(), 'abc\x03')).toMatchObject({ send: '', signal: 'SIGINT', echo: 'abc^C\r\n' });
  });
  it('Ctrl+D ends input on an empty line, and sends a partial line otherwise', () => {
    expect(feed(new LineInput(), '\x04')).toMatchObject({ eof: true, send: '' });
    expect(feed(new LineInput(), 'ab\x04')).toMatchObject({ eof: false, send: 'ab' });
  });
});
