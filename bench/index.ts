// `npm run bench`: every benchmark, each in its own process (so one's memory does not colour another's), in turn.
// Prints every figure and the machine; the JSON lines of each run are collected in .tmp/bench-results.jsonl.
import { spawnSync } from 'node:child_process';
import { cpus, loadavg, totalmem } from 'node:os';
import { rmSync } from 'node:fs';
import { ensureSeed, DEFAULT_BENCH_DB } from './seed.ts';

const RESULTS = '.tmp/bench-results.jsonl';
const STEPS: [string, string[], Record<string, string>?][] = [
  ['store at scale: query latencies', ['bench/queries.ts', DEFAULT_BENCH_DB], { BENCH_QUERY_N: process.env.BENCH_QUERY_N ?? '100' }],
  ['store at scale: trends aggregates (bench/trends.ts)', ['bench/trends.ts', DEFAULT_BENCH_DB], { BENCH_TRENDS_RUNS: '3' }],
  ['store at scale: CSV export of 100,000 rows', ['--expose-gc', 'bench/export.ts', DEFAULT_BENCH_DB]],
  ['pipeline: ingest → NLP → store vs bare wink-nlp', ['bench/pipeline.ts']],
  ['NLP stage alone (bench/nlp.ts)', ['bench/nlp.ts'], { BENCH_NLP_N: process.env.BENCH_NLP_N ?? '1000' }],
  ['HTTP under load (autocannon) and server memory', ['bench/http.ts', DEFAULT_BENCH_DB]],
];

const machine = () => `${cpus().length} × ${cpus()[0]?.model.trim()}, ${(totalmem() / 2 ** 30).toFixed(1)} GiB RAM, Node ${process.version}, load average ${loadavg().map((l) => l.toFixed(2)).join(' ')}`;

console.log(`stancewatch benchmarks, ${new Date().toISOString()}\nmachine: ${machine()}\n`);
ensureSeed();
rmSync(RESULTS, { force: true });
let failed = 0;
for (const [title, args, env] of STEPS) {
  console.log(`\n== ${title}`);
  const t = Date.now();
  const nodeArgs = args[0] === '--expose-gc' ? ['--expose-gc', '--import', 'tsx', ...args.slice(1)] : ['--import', 'tsx', ...args];
  const r = spawnSync(process.execPath, nodeArgs, { stdio: 'inherit', env: { ...process.env, BENCH_RESULTS: RESULTS, ...env } });
  if (r.status !== 0) failed++;
  console.log(`   (${((Date.now() - t) / 1000).toFixed(0)} s${r.status !== 0 ? `, exit ${r.status ?? r.signal}` : ''})`);
}
console.log(`\nmachine after the run: ${machine()}`);
process.exitCode = failed ? 1 : 0;
