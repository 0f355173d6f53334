// `npm run bench`: drives the real bin/dtui in a pty against a real engine and prints,
// per figure, dtui's number, its baseline measured in the same run, the ratio and the
// target. Writes bench/results/latest.json. Not a test: nothing here fails `npm test`.
//
//   npm run bench                      all scenarios (~8 min on 2 cores)
//   npm run bench -- --quick           shorter windows, fewer repeats (~4 min)
//   npm run bench -- --only 1,2,7      some scenarios
//   npm run bench -- --clean           remove bench=1 containers (and scenario 11's swarm) and stop the bench engine
//   npm run bench -- --compare REF     also build the git commit REF and measure it in the same
//                                      run, scenario by scenario (bench/results/compare.json)
//   npm run bench -- --bin PATH        measure PATH instead of this checkout's bin/dtui (e.g. a
//                                      copy whose #! line passes node other flags, beside a dist/)
//
// Engine: DTUI_BENCH_DOCKER_HOST=unix:///path, or a private dockerd in /tmp/dtui-bench
// (left running so the next run reuses its 2000 containers; --clean stops it).
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { stopLeftoverDtuis, type BenchContext, type ResultRow } from './common.js';
import { buildRef, REF_PREFIX, renderComparison, type BuiltRef } from './compare.js';
import { acquireEngine, removeAllFixtures, stopBenchEngine } from './fixtures.js';
import { CountingProxy } from './proxy.js';
import { renderTable, writeResults } from './report.js';
import { arrowScenario, bigListScenario, launchScenario } from './scenarios/list.js';
import { composeScenario } from './scenarios/compose.js';
import { fleetScenario } from './scenarios/fleet.js';
import { idleAndStatsScenario } from './scenarios/idle.js';
import { logFloodScenario, openLogScenario } from './scenarios/logs.js';
import { removeBenchSwarm, swarmScenario } from './scenarios/swarm.js';
import { tmuxScenario } from './scenarios/tmux.js';
import { youngScenario } from './scenarios/young.js';

const SCENARIOS: Record<string, { name: string; run: (ctx: BenchContext) => Promise<ResultRow[]> }> = {
  '1': { name: 'launch', run: launchScenario },
  '2': { name: 'arrow keys, 1000 containers', run: arrowScenario },
  '3': { name: 'idle + live stats (3 and 4)', run: idleAndStatsScenario },
  '5': { name: 'log flood', run: logFloodScenario },
  '6': { name: 'open a 1M-line log', run: openLogScenario },
  '7': { name: '2000 containers', run: bigListScenario },
  '8': { name: 'through tmux', run: tmuxScenario },
  '9': { name: 'fleet view, 3 engines', run: fleetScenario },
  '10': { name: 'Compose project, 200 containers', run: composeScenario },
  '11': { name: 'swarm service, 500 tasks', run: swarmScenario },
  '12': { name: 'first minute after 200 containers start', run: youngScenario },
};

function parseFlags(argv: string[]) {
  const flags = { quick: false, clean: false, only: Object.keys(SCENARIOS), out: '', compare: '', bin: 'bin/dtui' };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--quick') flags.quick = true;
    else if (a === '--clean') flags.clean = true;
    else if (a === '--only') flags.only = (argv[++i] ?? '').split(',').map((s) => (s === '4' ? '3' : s.trim()));
    else if (a === '--out') flags.out = argv[++i] ?? flags.out;
    else if (a === '--compare') flags.compare = argv[++i] ?? '';
    else if (a === '--bin') flags.bin = argv[++i] ?? flags.bin;
    else if (a === '-h' || a === '--help') {
      console.log(
        readFileSync(fileURLToPath(import.meta.url), 'utf8')
          .split('\n')
          .slice(0, 15)
          .join('\n'),
      );
      process.exit(0);
    } else throw new Error(`unknown flag ${a}`);
  }
  for (const id of flags.only) if (!SCENARIOS[id]) throw new Error(`no scenario ${id} (have ${Object.keys(SCENARIOS).join(', ')}; 4 runs with 3)`);
  flags.out ||= flags.compare ? 'bench/results/compare.json' : 'bench/results/latest.json';
  return flags;
}

function findDockerCli(): string {
  for (const path of ['/usr/bin/docker', '/usr/local/bin/docker']) if (existsSync(path)) return path;
  try {
    return execFileSync('sh', ['-c', 'command -v docker'], { encoding: 'utf8' }).trim();
  } catch {
    throw new Error('the docker CLI (baselines only) is missing: apt-get install -y docker.io');
  }
}

async function main(): Promise<void> {
  const flags = parseFlags(process.argv.slice(2));
  const log = (line: string) => process.stderr.write(`bench: ${line}\n`);
  const t0 = performance.now();
  // These machines are shared: the load says how much to trust a run.
  const loadavgAtStart = loadavg();
  const engine = await acquireEngine();
  if (flags.clean) {
    await removeBenchSwarm(engine.docker, log);
    log(`removed ${await removeAllFixtures(engine.docker)} bench containers`);
    if (engine.started) await stopBenchEngine();
    return;
  }
  const built: BuiltRef | undefined = flags.compare ? buildRef(flags.compare, log) : undefined;
  const proxy = new CountingProxy(engine.socketPath, `/tmp/dtui-bench-proxy-${process.pid}.sock`);
  await proxy.start();
  const ctx: BenchContext = { engine, proxy, quick: flags.quick, dockerCli: findDockerCli(), log, dtuiBin: resolve(flags.bin) };
  const rows: ResultRow[] = [];
  // A dtui left by a scenario would talk to the proxy during every later one's idle window.
  const stopLeftovers = async (id: string) => {
    const left = await stopLeftoverDtuis();
    if (left > 0) log(`scenario ${id} left ${left} dtui running: killed`);
  };
  try {
    for (const id of flags.only) {
      const s = SCENARIOS[id]!;
      const started = performance.now();
      log(`scenario ${id}: ${s.name}…`);
      try {
        rows.push(...(await s.run(ctx).finally(() => stopLeftovers(id))));
        if (built) {
          log(`scenario ${id} again with ${built.ref}…`);
          const theirs = await s.run({ ...ctx, dtuiBin: built.bin }).finally(() => stopLeftovers(`${id} (${built.ref})`));
          rows.push(...theirs.map((r) => ({ ...r, scenario: `${REF_PREFIX}${r.scenario}` })));
        }
      } catch (err) {
        // One broken scenario must not lose the others' numbers: it becomes a failed row.
        const message = err instanceof Error ? err.message.split('\n')[0]! : String(err);
        log(`scenario ${id} failed: ${err instanceof Error ? err.stack : message}`);
        rows.push({
          scenario: `${id} ${s.name}`,
          figure: 'did not complete',
          unit: '',
          value: { median: NaN, min: NaN, max: NaN, p95: NaN, n: 0 },
          stat: 'median',
          target: '',
          met: false,
          note: message,
        });
      }
      log(`scenario ${id} done in ${((performance.now() - started) / 1000).toFixed(0)} s`);
    }
  } finally {
    await proxy.stop();
  }
  console.log(renderTable(rows));
  if (built) console.log(`\n${renderComparison(rows, built)}`);
  writeResults(flags.out, rows, {
    compare: built && { ref: built.ref, sha: built.sha },
    quick: flags.quick,
    scenarios: flags.only,
    loadavgAtStart,
    seconds: Math.round((performance.now() - t0) / 1000),
  });
  log(`wrote ${flags.out} (${((performance.now() - t0) / 1000).toFixed(0)} s)`);
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    process.stderr.write(`bench: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    process.exit(1);
  },
);
