// The results table printed at the end of a run, and bench/results/latest.json.
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { dirname } from 'node:path';
import type { ResultRow } from './common.js';
import type { Summary } from './measure.js';

function num(v: number, unit: string): string {
  if (!Number.isFinite(v)) return '–';
  if (unit === 'lines/s') return `${Math.round(v).toLocaleString('en-US')}`;
  if (Math.abs(v) >= 100) return v.toFixed(0);
  if (Math.abs(v) >= 10) return v.toFixed(1);
  return v.toFixed(2);
}

export function cell(s: Summary, stat: 'median' | 'p95', unit: string): string {
  const head = stat === 'p95' ? `p95 ${num(s.p95, unit)} (med ${num(s.median, unit)})` : num(s.median, unit);
  return s.n > 1 ? `${head} [${num(s.min, unit)}–${num(s.max, unit)}] n=${s.n}` : head;
}

export function renderTable(rows: readonly ResultRow[]): string {
  const head = ['scenario', 'figure', 'unit', 'dtui', 'baseline', 'ratio', 'target', 'met'];
  const body = rows.map((r) => [
    r.scenario,
    r.figure,
    r.unit,
    cell(r.value, r.stat, r.unit),
    r.baseline ? `${r.baseline.name}: ${cell(r.baseline.value, 'median', r.unit)}` : '',
    r.ratio === undefined ? '' : `${r.ratio.toFixed(2)}×`,
    r.target,
    r.met === undefined ? '' : r.met ? 'yes' : 'NO',
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((b) => b[i]!.length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => c.padEnd(widths[i]!))
      .join('  ')
      .trimEnd();
  const notes = rows.filter((r) => r.note).map((r) => `  ${r.scenario} / ${r.figure}: ${r.note}`);
  return [line(head), line(widths.map((w) => '-'.repeat(w))), ...body.map(line), ...(notes.length ? ['', 'notes:', ...notes] : [])].join('\n');
}

/** Markdown version of the table for docs/PERFORMANCE.md. */
export function renderMarkdown(rows: readonly ResultRow[]): string {
  const esc = (s: string) => s.replace(/\|/g, '\\|');
  const lines = [
    '| scenario | figure | dtui (median or p95 [range] n) | baseline | ratio | target | met |',
    '|---|---|---|---|---|---|---|',
    ...rows.map(
      (r) =>
        `| ${esc(r.scenario)} | ${esc(r.figure)} (${r.unit}) | ${esc(cell(r.value, r.stat, r.unit))} | ${r.baseline ? esc(`${r.baseline.name}: ${cell(r.baseline.value, 'median', r.unit)}`) : ''} | ${r.ratio === undefined ? '' : `${r.ratio.toFixed(2)}×`} | ${esc(r.target)} | ${r.met === undefined ? '' : r.met ? 'yes' : '**no**'} |`,
    ),
  ];
  return lines.join('\n');
}

export function writeResults(path: string, rows: readonly ResultRow[], meta: Record<string, unknown>): void {
  mkdirSync(dirname(path), { recursive: true });
  const doc = {
    date: new Date().toISOString(),
    machine: { cpus: cpus().length, model: cpus()[0]?.model, loadavgAtEnd: loadavg(), node: process.version },
    ...meta,
    rows,
  };
  writeFileSync(path, JSON.stringify(doc, null, 2) + '\n');
}
