// `--compare <git-ref>`: builds another commit beside this checkout so the same run can
// measure both (same machine, same load, same engine) — a performance claim in a commit
// message is then checked by one command. The other commit gets its own worktree under
// /tmp and its own `npm ci` (its lockfile and patches may differ); both are kept for the
// next run of the same commit.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { ResultRow } from './common.js';

export interface BuiltRef {
  ref: string;
  sha: string;
  /** The other commit's bin/dtui. */
  bin: string;
}

function run(cmd: string, args: string[], cwd: string, log: (line: string) => void): string {
  log(`${cmd} ${args.join(' ')}  (in ${cwd})`);
  return execFileSync(cmd, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
}

export function buildRef(ref: string, log: (line: string) => void): BuiltRef {
  const sha = execFileSync('git', ['rev-parse', '--verify', `${ref}^{commit}`], { encoding: 'utf8' }).trim();
  const dir = `/tmp/dtui-compare-${sha.slice(0, 12)}`;
  if (!existsSync(join(dir, 'package.json'))) run('git', ['worktree', 'add', '--force', '--detach', dir, sha], process.cwd(), log);
  if (!existsSync(join(dir, 'node_modules'))) run('npm', ['ci', '--no-audit', '--no-fund'], dir, log);
  run('node', ['scripts/build.mjs'], dir, log);
  return { ref, sha, bin: join(dir, 'bin/dtui') };
}

/** Rows of the other commit carry this prefix in `scenario`, so both land in one table. */
export const REF_PREFIX = 'ref ';

/**
 * One line per figure measured for both: this checkout's value, the other commit's, and
 * their ratio (on the statistic the figure's target is about).
 */
export function renderComparison(rows: readonly ResultRow[], built: BuiltRef): string {
  const refRows = new Map(rows.filter((r) => r.scenario.startsWith(REF_PREFIX)).map((r) => [`${r.scenario.slice(REF_PREFIX.length)}|${r.figure}`, r]));
  const lines = [`this checkout vs ${built.ref} (${built.sha.slice(0, 12)}), same run:`];
  for (const r of rows) {
    if (r.scenario.startsWith(REF_PREFIX)) continue;
    const other = refRows.get(`${r.scenario}|${r.figure}`);
    if (!other) continue;
    const a = r.value[r.stat];
    const b = other.value[other.stat];
    const ratio = Number.isFinite(a) && Number.isFinite(b) && b !== 0 ? `${(a / b).toFixed(2)}×` : '–';
    lines.push(`  ${r.scenario} / ${r.figure} (${r.stat}, ${r.unit}): ${a.toFixed(1)} vs ${b.toFixed(1)} → ${ratio}`);
  }
  return lines.join('\n');
}
