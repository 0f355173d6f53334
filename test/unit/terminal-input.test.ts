// The input filter in front of Ink (src/cli/input/terminal-input.ts): whatever the
// chunking, terminal replies never become keys and real keys come out unchanged.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { TerminalInput, pasteText, type InputEvent } from '../../src/cli/input/terminal-input.js';
import { chunk } from '../support/chunking.js';

/** Every kind of reply a terminal sends on its own or when a program asks. */
const REPLIES: Record<string, string> = {
  DA1: '\x1b[?62;22;52c',
  DA1_short: '\x1b[?1;2c',
  DA2: '\x1b[>0;276;0c',
  DA3: '\x1bP!|00000000\x1b\\',
  DSR: '\x1b[0n',
  DSR_private: '\x1b[?10n',
  CPR: '\x1b[24;80R',
  CPR_row1: '\x1b[1;5R',
  DECXCPR: '\x1b[?24;80;1R',
  DECRQSS: '\x1bP1$r0;4m\x1b\\',
  DECRQSS_invalid: '\x1bP0$r\x1b\\',
  DECRQSS_p: '\x1bP1$r62;1"p\x1b\\',
  OSC11_bel: '\x1b]11;rgb:0000/0000/0000\x07',
  OSC10_st: '\x1b]10;rgb:ffff/ffff/ffff\x1b\\',
  OSC4: '\x1b]4;1;rgb:cdcd/0000/0000\x07',
  DECRPM: '\x1b[?2026;2$y',
  DECRPM_ansi: '\x1b[4;2$y',
  XTVERSION: '\x1bP>|xterm(390)\x1b\\',
  kitty_flags: '\x1b[?0u',
  focus_in: '\x1b[I',
  focus_out: '\x1b[O',
  mouse_sgr: '\x1b[<0;10;5M',
  mouse_sgr_release: '\x1b[<0;10;5m',
  mouse_x10: '\x1b[M !!',
  mouse_urxvt: '\x1b[32;10;5M',
  window_report: '\x1b[8;24;80t',
  DECREQTPARM: '\x1b[2;1;1;112;112;1;0x',
  XTGETTCAP: '\x1bP1+r6b62=1b4f41\x1b\\',
  APC: '\x1b_Gi=1;OK\x1b\\',
  PM: '\x1b^private\x1b\\',
  SOS: '\x1bXstring\x1b\\',
  XTSMGRAPHICS: '\x1b[?1;0;256S',
  XTQMODKEYS: '\x1b[>4;2m',
  long_csi: `\x1b[?${'1;'.repeat(200)}c`,
  c1_csi: '\x9b?62;22c',
  c1_dcs: '\x90$r0m\x9c',
  c1_osc: '\x9d11;rgb:0/0/0\x9c',
  utf8_c1_csi: '\u009b?62c',
  utf8_c1_osc: '\u009d11;rgb:0/0/0\u009c',
  osc_utf8_title: '\x1b]l\u00e9t\u00e9 \u2713\x1b\\',
  osc_utf8_c1_st: '\x1b]lt\u0153\u009c',
};

/** Real keys, each as the terminal sends it and as it must reach Ink. */
const KEYS: Record<string, string> = {
  up: '\x1b[A',
  down: '\x1b[B',
  right: '\x1b[C',
  left: '\x1b[D',
  app_up: '\x1bOA',
  home: '\x1b[H',
  end: '\x1b[F',
  home_tilde: '\x1b[1~',
  pgup: '\x1b[5~',
  pgdn: '\x1b[6~',
  del: '\x1b[3~',
  f1: '\x1bOP',
  f5: '\x1b[15~',
  f12: '\x1b[24~',
  ctrl_up: '\x1b[1;5A',
  shift_f1: '\x1b[1;2P',
  shift_tab: '\x1b[Z',
  linux_f1: '\x1b[[A',
  alt_x: '\x1bx',
  alt_j: '\x1bj',
  alt_up: '\x1b\x1b[A',
  ctrl_c: '\x03',
  ctrl_p: '\x10',
  enter: '\r',
  tab: '\t',
  backspace: '\x7f',
  j: 'j',
  s: 's',
  question: '?',
  digits: '12',
  text: 'héllo wörld ✓ 日本 😀',
  kitty_key: '\x1b[97;5u',
};

function run(parser: TerminalInput, pieces: Buffer[]): InputEvent[] {
  const out: InputEvent[] = [];
  for (const p of pieces) out.push(...parser.push(p));
  out.push(...parser.flush());
  return out;
}

function keysOf(events: InputEvent[]): string {
  return events.map((e) => (e.kind === 'keys' ? e.data.toString('latin1') : e.kind === 'esc' ? '\x1b' : '')).join('');
}

// Raw 8-bit C1 replies are single bytes (latin1); everything else is UTF-8.
const bytes = (name: string, s: string) => (name.startsWith('c1_') ? Buffer.from(s, 'latin1') : Buffer.from(s, 'utf8'));

describe('terminal replies never become keys', () => {
  for (const [name, reply] of Object.entries(REPLIES)) {
    it(`${name}: dropped as one unit, at every split point, between real keys`, () => {
      const input = Buffer.concat([Buffer.from('j'), bytes(name, reply), Buffer.from('k')]);
      for (let cut = 0; cut <= input.length; cut++) {
        const events = run(new TerminalInput(), chunk(input, [cut]));
        expect(keysOf(events), `cut at ${cut}`).toBe('jk');
      }
    });
  }

  it('any mix of replies and keys, cut anywhere: exactly the keys come out', () => {
    const replyNames = Object.keys(REPLIES);
    const keyNames = Object.keys(KEYS);
    const item = fc.oneof(
      fc.constantFrom(...replyNames).map((n) => ({ reply: true, name: n })),
      fc.constantFrom(...keyNames).map((n) => ({ reply: false, name: n })),
    );
    fc.assert(
      fc.property(fc.array(item, { maxLength: 12 }), fc.array(fc.nat(), { maxLength: 8 }), (items, cuts) => {
        const parts: Buffer[] = [];
        let expected = '';
        for (const it of items) {
          if (it.reply) parts.push(bytes(it.name, REPLIES[it.name] ?? ''));
          else {
            const key = Buffer.from(KEYS[it.name] ?? '', 'utf8');
            parts.push(key);
            expected += key.toString('latin1');
          }
        }
        const events = run(new TerminalInput(), chunk(Buffer.concat(parts), cuts));
        expect(keysOf(events)).toBe(expected);
        expect(events.some((e) => e.kind === 'paste')).toBe(false);
      }),
      { numRuns: 500 },
    );
  });

  it('a lone ESC is the Esc key once nothing follows', () => {
    const p = new TerminalInput();
    expect(p.push(Buffer.from('\x1b'))).toEqual([]);
    expect(p.pending()).toBe('escape');
    expect(p.flush()).toEqual([{ kind: 'esc' }]);
  });

  it('an Esc pressed right before a reply stays an Esc', () => {
    const events = run(new TerminalInput(), [Buffer.from('\x1b\x1b[?62c')]);
    expect(events.filter((e) => e.kind !== 'reply')).toEqual([{ kind: 'esc' }]);
  });

  it('a reply cut short is dropped on flush, not turned into keys', () => {
    for (const reply of Object.values(REPLIES)) {
      const b = Buffer.from(reply, 'utf8');
      for (let cut = 3; cut < b.length; cut++) {
        const p = new TerminalInput();
        const events = [...p.push(b.subarray(0, cut)), ...p.flush()];
        expect(keysOf(events)).toBe('');
      }
    }
  });

  it('ESC and a key in one read is Alt+key, one keys event, never Esc and then the key', () => {
    for (const key of ['s', 'S', 'r', 'p', 'd', 'q', 'j']) {
      const events = run(new TerminalInput(), [Buffer.from(`\x1b${key}`)]);
      expect(events).toEqual([{ kind: 'keys', data: Buffer.from(`\x1b${key}`) }]);
    }
  });

  it('8-bit keys come out in 7-bit form (Ink knows only those)', () => {
    expect(keysOf(run(new TerminalInput(), [Buffer.from([0x9b, 0x41])]))).toBe('\x1b[A');
    expect(keysOf(run(new TerminalInput(), [Buffer.from([0x8f, 0x50])]))).toBe('\x1bOP');
  });
});

describe('bracketed paste is one text event', () => {
  const pasted = (s: string) => `\x1b[200~${s}\x1b[201~`;

  it('controls, ESC, CR and key letters inside are text, never keys, at every split', () => {
    const body = 'text\rs\x03\x1b[A\tq\r\nend\x1b[20';
    const input = Buffer.from(`j${pasted(body)}k`, 'utf8');
    for (let cut = 0; cut <= input.length; cut++) {
      const events = run(new TerminalInput(), chunk(input, [cut]));
      expect(keysOf(events)).toBe('jk');
      const pastes = events.filter((e) => e.kind === 'paste');
      expect(pastes).toEqual([{ kind: 'paste', text: 'text\ns[A\tq\nend[20' }]);
    }
  });

  it('any pasted text comes out with only tab/newline controls, whatever the chunking', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 60 }), fc.array(fc.nat(), { maxLength: 6 }), (text, cuts) => {
        const clean = text.replaceAll('\x1b[201~', '');
        const events = run(new TerminalInput(), chunk(Buffer.from(pasted(clean), 'utf8'), cuts));
        expect(keysOf(events)).toBe('');
        const got = events
          .filter((e) => e.kind === 'paste')
          .map((e) => (e as { text: string }).text)
          .join('');
        expect(got).toBe(pasteText(clean));

        expect(got).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
      }),
      { numRuns: 300 },
    );
  });

  it('a paste whose end never comes is delivered on flush', () => {
    const p = new TerminalInput();
    p.push(Buffer.from('\x1b[200~abc'));
    expect(p.pending()).toBe('paste');
    expect(p.flush()).toEqual([{ kind: 'paste', text: 'abc' }]);
  });
});
