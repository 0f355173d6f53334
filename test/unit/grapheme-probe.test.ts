// The mode-2027 query (src/cli/grapheme-probe.ts): what each DECRPM answer does, and that
// the answer arrives from stdin as a terminal reply, never as keys (FilteredStdin).
import { EventEmitter } from 'node:events';
import { PassThrough } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { emojiSequencesWhole, setEmojiSequencesWhole } from '../../src/text/emoji-sequences.js';
import { GRAPHEME_QUERY, graphemeReport, probeGraphemeClustering } from '../../src/cli/grapheme-probe.js';
import { FilteredStdin } from '../../src/cli/input/filtered-stdin.js';
import { waitFor } from '../support/wait.js';

afterEach(() => setEmojiSequencesWhole(false));

function probe() {
  const input = new EventEmitter();
  const written: string[] = [];
  const turnedOn: boolean[] = [];
  // turnOn records whether sequences were already whole: the mode must be on first.
  const stop = probeGraphemeClustering({ input, write: (d) => written.push(d), turnOn: () => turnedOn.push(emojiSequencesWhole()) });
  const answer = (reply: string) => input.emit('reply', Buffer.from(reply, 'latin1'));
  return { input, written, turnedOn, stop, answer };
}

describe('graphemeReport', () => {
  it.each([
    ['\x1b[?2027;1$y', 'on'],
    ['\x1b[?2027;3$y', 'on'],
    ['\x1b[?2027;2$y', 'off'],
    ['\x1b[?2027;0$y', 'unsupported'],
    ['\x1b[?2027;4$y', 'unsupported'],
    ['\x1b[?2026;2$y', undefined],
    ['\x1b[2027;2$y', undefined],
    ['\x1b[?1;2c', undefined],
  ])('%j → %s', (reply, report) => {
    expect(graphemeReport(reply)).toBe(report);
  });
});

describe('probeGraphemeClustering', () => {
  it('asks with DECRQM and changes nothing until an answer comes', () => {
    const p = probe();
    expect(p.written).toEqual([GRAPHEME_QUERY]);
    expect(GRAPHEME_QUERY).toBe('\x1b[?2027$p');
    p.answer('\x1b[?1;2c'); // another reply (DA1)
    p.answer('\x1b[?2026;2$y'); // another mode
    expect(emojiSequencesWhole()).toBe(false);
    expect(p.turnedOn).toEqual([]);
  });
  it('known but off (2): turns the mode on, then draws sequences whole', () => {
    const p = probe();
    p.answer('\x1b[?2027;2$y');
    expect(p.turnedOn).toEqual([false]);
    expect(emojiSequencesWhole()).toBe(true);
  });
  it.each(['1', '3'])('already on (%s): whole, nothing to turn on (or off on leaving)', (ps) => {
    const p = probe();
    p.answer(`\x1b[?2027;${ps}$y`);
    expect(p.turnedOn).toEqual([]);
    expect(emojiSequencesWhole()).toBe(true);
  });
  it.each(['0', '4'])('not recognised or permanently off (%s): parts, and later answers are ignored', (ps) => {
    const p = probe();
    p.answer(`\x1b[?2027;${ps}$y`);
    p.answer('\x1b[?2027;2$y');
    expect(p.turnedOn).toEqual([]);
    expect(emojiSequencesWhole()).toBe(false);
    expect(p.input.listenerCount('reply')).toBe(0);
  });
  it('stops listening when told to', () => {
    const p = probe();
    p.stop();
    p.answer('\x1b[?2027;2$y');
    expect(emojiSequencesWhole()).toBe(false);
  });
});

describe('the answer on stdin', () => {
  it('is a reply event, never keys, also when it comes in pieces', async () => {
    const source = new PassThrough() as unknown as NodeJS.ReadStream;
    const input = new FilteredStdin(source);
    const replies: string[] = [];
    const keys: string[] = [];
    input.on('reply', (d: Buffer) => replies.push(d.toString('latin1')));
    input.on('data', (d: Buffer) => keys.push(d.toString()));
    let attached = false;
    input.once('attached', () => (attached = true));
    input.setRawMode(true);
    expect(attached).toBe(true);
    (source as unknown as PassThrough).write('\x1b[?20');
    (source as unknown as PassThrough).write('27;2$yj');
    await waitFor(() => replies.length > 0 && keys.length > 0);
    expect(replies).toEqual(['\x1b[?2027;2$y']);
    expect(keys.join('')).toBe('j');
    input.setRawMode(false);
  });
});
