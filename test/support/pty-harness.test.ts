// Proves the pty harness against small real programs: a raw-mode echo program and a
// minimal Ink app (the same input stack dtui uses).
import { afterEach, describe, expect, it } from 'vitest';
import { spawnTui, type TuiHarness } from './pty-harness.js';

// Prints a banner, enters the alternate screen, then reports every stdin read and every
// resize; 'q' exits with code 7. Like Ink, it shows its first screen BEFORE enabling raw
// mode (after RAW_DELAY_MS), which is what press()'s raw-mode gate is for.
const ECHO_PROGRAM = `
process.stdout.write('primary screen banner\\r\\n');
process.stdout.write('\\x1b[?1049h\\x1b[H');
process.stdout.write('alt ready ' + process.stdout.columns + 'x' + process.stdout.rows + ' ci=' + (process.env.CI ?? '-') + '\\r\\n');
setTimeout(() => {
  process.stdin.setRawMode(true);
  process.stdin.setEncoding('utf8');
  process.stdin.on('data', (chunk) => {
    if (chunk === 'q') { process.stdout.write('\\x1b[?1049l'); process.exit(7); }
    process.stdout.write('read ' + JSON.stringify(chunk) + '\\r\\n');
  });
}, Number(process.env.RAW_DELAY_MS ?? 0));
process.stdout.on('resize', () => {
  process.stdout.write('size ' + process.stdout.columns + 'x' + process.stdout.rows + '\\r\\n');
});
`;

// A minimal Ink app that prints each key event it sees; `x` exits.
const INK_PROGRAM = `
import React from 'react';
import { render, Text, useApp, useInput } from 'ink';
function App() {
  const [events, setEvents] = React.useState([]);
  const { exit } = useApp();
  useInput((input, key) => {
    if (input === 'x') { exit(); return; }
    const name = key.escape ? 'ESC' : key.downArrow ? 'DOWN' : key.return ? 'ENTER' : JSON.stringify(input);
    setEvents((list) => [...list, name + (key.meta && !key.escape ? '+meta' : '')]);
  });
  return React.createElement(Text, null, 'ink events: ' + events.join(' '));
}
render(React.createElement(App));
`;

let harness: TuiHarness | undefined;
afterEach(async () => {
  await harness?.kill('SIGKILL');
  harness = undefined;
});

const echo = (opts: { cols?: number; rows?: number; env?: Record<string, string> } = {}) => (harness = spawnTui({ args: ['-e', ECHO_PROGRAM], ...opts }));

describe('spawnTui', () => {
  it('renders the alternate screen at the requested size and keeps raw bytes', async () => {
    const h = echo({ cols: 120, rows: 30, env: { CI: 'true' } });
    await h.waitForText('alt ready 120x30');
    // CI vars from the parent are scrubbed, explicit ones win.
    expect(h.line(0)).toBe('alt ready 120x30 ci=true');
    expect(h.screen()).not.toContain('primary screen banner');
    expect(h.screen().split('\n')).toHaveLength(30);
    expect(h.raw()).toContain('primary screen banner');
    expect(h.raw()).toContain('\x1b[?1049h');
  });

  it('removes CI from the child env so Ink renders interactively', async () => {
    const h = echo();
    await h.waitForText('ci=-');
  });

  it('sends named keys and literal strings as separate reads', async () => {
    const h = echo();
    await h.waitForText('alt ready');
    await h.press('x', 'down', 'esc', 'shift-tab', 'enter', 'ctrl-c', 'space', 'pgdn');
    await h.waitForText('read " "');
    await h.waitForText('read "\\u001b[6~"');
    const reads = h
      .screen()
      .split('\n')
      .filter((l) => l.startsWith('read '));
    expect(reads).toEqual([
      'read "x"',
      'read "\\u001b[B"',
      'read "\\u001b"',
      'read "\\u001b[Z"',
      'read "\\r"',
      'read "\\u0003"',
      'read " "',
      'read "\\u001b[6~"',
    ]);
  });

  it('keeps keys in separate reads even when the program stalls longer than the key gap', async () => {
    // After each read the program blocks its event loop for 300 ms (a loaded machine, a
    // slow frame): with only the 50 ms gap, the next keys would pile up into one read.
    const stalling = `
      process.stdin.setRawMode(true);
      process.stdout.write('ready\\r\\n');
      process.stdin.on('data', (d) => {
        process.stdout.write('read ' + JSON.stringify(String(d)) + '\\r\\n');
        const until = Date.now() + 300;
        while (Date.now() < until);
      });`;
    const h = (harness = spawnTui({ args: ['-e', stalling] }));
    await h.waitForText('ready');
    await h.press('a', 'esc', 'b', 'c');
    await h.waitForText('read "c"');
    expect(
      h
        .screen()
        .split('\n')
        .filter((l) => l.startsWith('read ')),
    ).toEqual(['read "a"', 'read "\\u001b"', 'read "b"', 'read "c"']);
  });

  it('waits for raw mode before sending input', async () => {
    const h = echo({ env: { RAW_DELAY_MS: '300' } });
    await h.waitForText('alt ready');
    await h.press('a', 'b');
    await h.waitForText('read "b"');
    // Sent in cooked mode, "a" would have been echoed next to the ready line and never read.
    expect(h.screen().split('\n').slice(0, 3)).toEqual([h.line(0), 'read "a"', 'read "b"']);
    expect(h.line(0)).toMatch(/^alt ready \S+ ci=-$/);
  });

  it('types text as one chunk', async () => {
    const h = echo();
    await h.waitForText('alt ready');
    await h.type('hello world');
    await h.waitForText('read "hello world"');
  });

  it('resizes the pty and the screen together', async () => {
    const h = echo();
    await h.waitForText('alt ready 160x45');
    h.resize(100, 20);
    await h.waitForText('size 100x20');
    expect(h.screen().split('\n')).toHaveLength(20);
  });

  it('reports the exit code and rejects input afterwards', async () => {
    const h = echo();
    await h.waitForText('alt ready');
    await h.press('q');
    await expect(h.exited).resolves.toEqual({ exitCode: 7, signal: 0 });
    // Leaving the alternate screen restores the primary buffer.
    expect(h.screen()).toContain('primary screen banner');
    await expect(h.press('x')).rejects.toThrow(/already exited/);
  });

  it('reports a kill signal', async () => {
    const h = echo();
    await h.waitForText('alt ready');
    const { signal } = await h.kill('SIGTERM');
    expect(signal).toBe(15);
  });

  it('rejects waitForText with a screen dump on timeout', async () => {
    const h = echo();
    await h.waitForText('alt ready');
    await expect(h.waitForText(/never shown/, { timeout: 300 })).rejects.toThrow(/waiting for \/never shown\/: timed out after 300ms[\s\S]*alt ready/);
  });

  it('rejects waitForText as soon as the program exits', async () => {
    const h = echo();
    await h.waitForText('alt ready');
    const waiting = h.waitForText('never shown', { timeout: 20_000 });
    await h.press('q');
    await expect(waiting).rejects.toThrow(/program exited \(code 7/);
  });

  it('delivers Esc to Ink as a lone Escape even when followed by more keys', async () => {
    const h = (harness = spawnTui({ args: ['--input-type=module', '-e', INK_PROGRAM] }));
    await h.waitForText('ink events:');
    await h.press('esc', 'down', 'esc', 'j', 'j', 'enter');
    // Separate calls keep the gap too.
    await h.press('esc');
    await h.press('j');
    await h.waitForText('ink events: ESC DOWN ESC "j" "j" ENTER ESC "j"');
    await h.press('x');
    await expect(h.exited).resolves.toMatchObject({ exitCode: 0 });
  });
});
