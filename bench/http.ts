// HTTP under load: a real `stancewatch serve` on 127.0.0.1 over the seeded database, loaded by autocannon with
// 50 connections for 20 s on the timeline and on search; then the server's RSS (from /proc) after the load.
import autocannon from 'autocannon';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startServer } from '../test/reliability/server-process.ts';
import { mb, record } from './lib/stats.ts';
import { DEFAULT_BENCH_DB } from './seed.ts';

const DURATION = Number(process.env.BENCH_HTTP_SECONDS ?? 20);
const CONNECTIONS = 50;
const SEARCHES = ['inspection', 'framework', 'grading', 'scrutiny', 'placements', '"single-word judgements"', 'reform', 'confidence'];

function rssOf(pid: number): number {
  const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) * 1024 : NaN;
}

async function load(url: string, title: string, paths: string[]) {
  let i = 0;
  const result = await autocannon({
    url,
    connections: CONNECTIONS,
    duration: DURATION,
    timeout: 10,
    requests: [{ setupRequest: (req) => ({ ...req, path: paths[i++ % paths.length] }) }],
  });
  const non2xx = result.non2xx;
  const figures = { title, requestsPerSecond: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, requests: result.requests.total, errors: result.errors, timeouts: result.timeouts, non2xx };
  console.log(`${title.padEnd(34)} ${figures.requestsPerSecond.toFixed(1).padStart(8)} req/s  p50 ${figures.p50} ms  p99 ${figures.p99} ms  ` +
    `requests ${figures.requests}  errors ${figures.errors}  timeouts ${figures.timeouts}  non-2xx ${non2xx}  target 0 errors: ${figures.errors + non2xx === 0 ? 'MET' : 'NOT MET'}`);
  return figures;
}

export async function runHttpBench(path = DEFAULT_BENCH_DB) {
  const dir = join(path, '..', 'http-bench');
  mkdirSync(dir, { recursive: true });
  const sources = join(dir, 'sources.json');
  writeFileSync(sources, '{"sources": []}\n');
  const server = await startServer({ db: path, sources, timeoutMs: 120_000 });
  const pid = server.child.pid!;
  try {
    const rssIdle = rssOf(pid);
    const timeline = await load(server.url, 'timeline GET / and ?_next pages', ['/', '/?stance=opposes', '/?source=source-2', '/?from=2020']);
    const search = await load(server.url, 'search GET /?q=..&stance=..', SEARCHES.map((q, k) => `/?q=${encodeURIComponent(q)}&stance=${['opposes', 'supports', 'neutral', 'mixed'][k % 4]}`));
    const rssAfter = rssOf(pid);
    console.log(`server RSS: idle ${mb(rssIdle)}, after the load ${mb(rssAfter)}  target ≤ 300 MB: ${rssAfter <= 300 * 1048576 ? 'MET' : 'NOT MET'}`);
    await record('http', { timeline, search, rssIdle, rssAfter, connections: CONNECTIONS, seconds: DURATION });
  } finally {
    await server.kill('SIGTERM');
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await runHttpBench(process.argv[2] ?? DEFAULT_BENCH_DB);
