// Measures, in real terminal emulators, how many cells each code point takes that
// string-width (dtui's and Ink's width model) counts as 0 — plus every format, line/paragraph
// separator and Default_Ignorable code point. Each candidate is drawn as "a" + c + "b" at
// column 0 and the cursor column is read back:
//   - @xterm/headless (the xterm.js core; VS Code's terminal): cursorX after write;
//   - tmux (Debian's 3.3a): a child inside a detached tmux pane writes the text, asks
//     DSR 6 ("where is the cursor?") and reads tmux's own answer.
// Rows where string-width and a terminal disagree are written to
// test/fixtures/terminal-widths.json; src/text/disputed-width.ts is generated from them.
// Run: npx tsx scripts/measure-terminal-widths.ts   (needs tmux; takes ~10 s)
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync, existsSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import stringWidth from 'string-width';
import xterm from '@xterm/headless';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const fixture = join(root, 'test/fixtures/terminal-widths.json');
const generated = join(root, 'src/text/disputed-width.ts');

/**
 * Zero-width-measured, format, separator and ignorable code points; plus those xterm.js's
 * own width table makes wider than string-width (mostly unassigned code points inside wide
 * blocks, e.g. U+A4C7), pre-selected with xterm's internal wcwidth and then measured like
 * the rest.
 */
function candidates(): number[] {
  const term = new xterm.Terminal({ cols: 10, rows: 1, allowProposedApi: true });
  const xtermWcwidth = (term as unknown as { _core: { unicodeService: { wcwidth(cp: number): number } } })._core.unicodeService;
  const out: number[] = [];
  for (let cp = 0x80; cp <= 0x10ffff; cp++) {
    if (cp >= 0xd800 && cp <= 0xdfff) continue;
    const s = String.fromCodePoint(cp);
    if (/[\p{Cc}\p{Co}]/u.test(s)) continue;
    const zeroOrInvisible = !/\p{Cn}/u.test(s) && (stringWidth(`a${s}b`) - 2 === 0 || /[\p{Zl}\p{Zp}\p{DI}\p{Cf}]/u.test(s));
    const xtermWider = xtermWcwidth.wcwidth(cp) > stringWidth(s);
    if (zeroOrInvisible || xtermWider) out.push(cp);
  }
  term.dispose();
  return out;
}

/** Inside the tmux pane: draw each candidate, ask tmux for the cursor column. */
async function innerTmux(listFile: string, outFile: string): Promise<void> {
  const cps = JSON.parse(readFileSync(listFile, 'utf8')) as number[];
  process.stdin.setRawMode(true);
  let buf = '';
  const waiters: ((col: number) => void)[] = [];
  process.stdin.on('data', (d: Buffer) => {
    buf += d.toString('latin1');
    const m = /\x1b\[(\d+);(\d+)R/.exec(buf);
    if (m) {
      buf = buf.slice(m.index + m[0].length);
      waiters.shift()!(Number(m[2]) - 1);
    }
  });
  const out: Record<string, number> = {};
  for (const cp of cps) {
    const col = new Promise<number>((r) => waiters.push(r));
    process.stdout.write(`\x1b[H\x1b[2Ka${String.fromCodePoint(cp)}b\x1b[6n`);
    out[cp] = (await col) - 2;
  }
  writeFileSync(outFile, JSON.stringify(out));
  process.exit(0);
}

async function measureTmux(cps: number[]): Promise<{ version: string; cols: Record<string, number> }> {
  const dir = join('/tmp', `dtui-widths-${process.pid}`);
  const list = `${dir}.list.json`;
  const out = `${dir}.out.json`;
  writeFileSync(list, JSON.stringify(cps));
  const socket = `dtui-widths-${process.pid}`;
  const self = fileURLToPath(import.meta.url);
  const tsx = join(root, 'node_modules/.bin/tsx');
  execFileSync('tmux', ['-L', socket, '-u', 'new-session', '-d', '-x', '200', '-y', '10', `LANG=C.UTF-8 ${tsx} ${self} --inner ${list} ${out}; sleep 5`]);
  try {
    for (let i = 0; i < 600 && !existsSync(out); i++) await new Promise((r) => setTimeout(r, 100));
    return { version: execFileSync('tmux', ['-V']).toString().trim(), cols: JSON.parse(readFileSync(out, 'utf8')) };
  } finally {
    spawnSync('tmux', ['-L', socket, 'kill-server']);
    rmSync(list, { force: true });
    rmSync(out, { force: true });
  }
}

async function measureXterm(cps: number[]): Promise<Record<string, number>> {
  const term = new xterm.Terminal({ cols: 200, rows: 5, allowProposedApi: true });
  const write = (s: string) => new Promise<void>((r) => term.write(s, r));
  const cols: Record<string, number> = {};
  for (const cp of cps) {
    await write(`\x1b[H\x1b[2Ka${String.fromCodePoint(cp)}b`);
    cols[cp] = term.buffer.active.cursorX - 2;
  }
  term.dispose();
  return cols;
}

type Row = [from: number, to: number, stringWidth: number, xterm: number, tmux: number];

async function main(): Promise<void> {
  if (process.argv[2] === '--inner') return innerTmux(process.argv[3]!, process.argv[4]!);
  const cps = candidates();
  const [x, t] = [await measureXterm(cps), await measureTmux(cps)];
  const rows: Row[] = [];
  for (const cp of cps) {
    const sw = stringWidth(`a${String.fromCodePoint(cp)}b`) - 2;
    if (x[cp] === sw && t.cols[cp] === sw) continue;
    const last = rows.at(-1);
    if (last && last[1] === cp - 1 && last[2] === sw && last[3] === x[cp] && last[4] === t.cols[cp]) last[1] = cp;
    else rows.push([cp, cp, sw, x[cp]!, t.cols[cp]!]);
  }
  const xtermVersion = (JSON.parse(readFileSync(join(root, 'node_modules/@xterm/headless/package.json'), 'utf8')) as { version: string }).version;
  writeFileSync(
    fixture,
    JSON.stringify(
      {
        note: 'Cells drawn for "a"+c+"b" minus 2, where string-width and a terminal disagree. Generated by scripts/measure-terminal-widths.ts.',
        candidates: cps.length,
        stringWidth: '8',
        xterm: `@xterm/headless ${xtermVersion} (Unicode 6 widths)`,
        tmux: t.version,
        columns: ['from', 'to', 'stringWidth', 'xterm', 'tmux'],
        rows,
      },
      null,
      0,
    ).replace(/\],\[/g, '],\n[') + '\n',
  );
  writeFileSync(generated, renderModule(rows));
  console.log(`${cps.length} candidates, ${rows.length} disputed ranges → ${fixture}, ${generated}`);
}

/** The code points a terminal draws wider than string-width counts, as one regex class. */
function renderModule(rows: Row[]): string {
  const hex = (cp: number) => `\\u{${cp.toString(16)}}`;
  // SARA AM (Thai, Lao) are decomposed by the sanitizer instead of dropped: they are common.
  const wider = rows.filter((r) => Math.max(r[3], r[4]) > r[2] && r[0] !== 0xe33 && r[0] !== 0xeb3);
  const cls = wider.map((r) => (r[0] === r[1] ? hex(r[0]) : `${hex(r[0])}-${hex(r[1])}`)).join('');
  const summary = new Map<string, number>();
  for (const r of rows) {
    const key = `string-width ${r[2]}, xterm ${r[3]}, tmux ${r[4]}`;
    summary.set(key, (summary.get(key) ?? 0) + r[1] - r[0] + 1);
  }
  return `// GENERATED by scripts/measure-terminal-widths.ts — do not edit; re-run it instead.
// Code points that string-width (the width model of dtui and Ink) counts narrower (mostly
// 0 cells) than a real terminal draws them, measured as "a"+c+"b" in @xterm/headless and tmux
// (test/fixtures/terminal-widths.json holds every measured row). Summary, code points per case:
${[...summary].map(([k, n]) => `//   ${k}: ${n}`).join('\n')}
// Most are combining marks newer than xterm.js's Unicode 6 table, format characters, Hangul
// fillers, emoji modifiers, and unassigned code points in wide blocks (string-width 1,
// xterm 2). Left in, each one would let a line draw wider than measured
// and push text over the next pane, so the sanitizer removes them.
export const DRAWN_WIDER_THAN_MEASURED = /[${cls}]/u;
`;
}

await main();
