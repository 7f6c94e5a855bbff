// HTTP under load: a real `stancewatch serve` on 127.0.0.1 over a copy of the seeded database (serve opens it for
// writing: migrations, registries), loaded by autocannon with 50 connections for 20 s on the timeline and on search.
// Besides autocannon's figures (which include the time a request waits behind the 49 others), it reports the
// server's CPU time per request, which stays meaningful when the machine is shared. Then the server's RSS.
// autocannon opens its 50 connections at once against a server that is busy from the first answer on: that is what
// showed Node accepting one waiting connection per turn of its event loop (see web/lib/turns.ts).
import autocannon from 'autocannon';
import { copyFileSync, constants, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import Database from 'better-sqlite3';
import { basename, join } from 'node:path';
import { startServer } from '../test/reliability/server-process.ts';
import { mb, ms, record } from './lib/stats.ts';
import { DEFAULT_BENCH_DB } from './seed.ts';

const DURATION = Number(process.env.BENCH_HTTP_SECONDS ?? 20);
/** Which loads to run, e.g. `BENCH_HTTP_LOADS=rotated` for the hardest alone (default: timeline,search,rotated). */
const LOADS = (process.env.BENCH_HTTP_LOADS ?? 'timeline,search,rotated').split(',');
const CONNECTIONS = 50;
/** autocannon's default: a request without an answer after this long counts as an error. */
const CLIENT_TIMEOUT_S = 10;
const RSS_TARGET_MB = 300;
const STANCES = ['opposes', 'supports', 'neutral', 'mixed'];
const SEARCHES = ['inspection', 'framework', 'grading', 'scrutiny', 'placements', '"single-word judgements"', 'reform', 'confidence'];
const TIMELINE = { title: 'timeline (/, ?stance, ?source, ?from)', paths: ['/', '/?stance=opposes', '/?source=source-2', '/?from=2020'] };
const searchPath = (q: string, stance: string) => `/?q=${encodeURIComponent(q)}&stance=${stance}`;
// The generator ties each word to a few stances, so rotating stances over the words gives pairs that match nothing:
// the hardest case (proving "no match" reads the word's whole match list). The second search load pairs each word
// with the stance of its newest quote, as a user who clicks a facet does.
const SEARCH_ROTATED = { title: 'search, stances in rotation (/?q=…&stance=…; many pairs match nothing)', paths: SEARCHES.map((q, k) => searchPath(q, STANCES[k % 4]!)) };

function searchesThatMatch(dbPath: string) {
  const db = new Database(dbPath, { readonly: true });
  try {
    const newest = db.prepare('SELECT q.stance FROM quotes_fts JOIN quotes q ON q.id = quotes_fts.rowid WHERE quotes_fts MATCH ? ORDER BY quotes_fts.rowid DESC LIMIT 1').pluck();
    const paths = SEARCHES.flatMap((q) => {
      const stance = newest.get(q) as string | undefined;
      return stance ? [searchPath(q, stance)] : [];
    });
    return { title: 'search, each word with a stance it has (/?q=…&stance=…)', paths };
  } finally {
    db.close();
  }
}

const load1 = () => loadavg()[0]!.toFixed(1);

function procStatus(pid: number, field: string): number {
  const m = new RegExp(`${field}:\\s+(\\d+) kB`).exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) * 1024 : NaN;
}

/** User + system CPU time of a process, in ms (from /proc, in clock ticks of 10 ms). */
function cpuMs(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

/** A private copy, so nothing the server writes reaches the shared seeded database (named after it, one per source). */
function copyDatabase(src: string, dir: string): string {
  const dest = join(dir, `${basename(src, '.db')}-serve-copy.db`);
  for (const suffix of ['', '-wal']) {
    rmSync(dest + suffix, { force: true });
    if (existsSync(src + suffix)) copyFileSync(src + suffix, dest + suffix, constants.COPYFILE_FICLONE);
  }
  return dest;
}

interface LoadFigures {
  title: string;
  requestsPerSecond: number;
  requests: number;
  latency: { p50: number; p99: number; max: number };
  errors: number;
  timeouts: number;
  non2xx: number;
  cpuMsPerRequest: number;
  loadAverage: string;
}

async function load(url: string, pid: number, title: string, paths: string[]): Promise<LoadFigures> {
  const before = { cpu: cpuMs(pid), load: load1() };
  const result = await autocannon({
    url,
    // As a browser asks: the pages are gzipped, which is part of their cost.
    headers: { 'accept-encoding': 'gzip' },
    connections: CONNECTIONS,
    duration: DURATION,
    timeout: CLIENT_TIMEOUT_S,
    requests: paths.map((path) => ({ path })),
  });
  const cpu = cpuMs(pid) - before.cpu;
  return {
    title,
    requestsPerSecond: result.requests.average,
    requests: result.requests.total,
    latency: { p50: result.latency.p50, p99: result.latency.p99, max: result.latency.max },
    errors: result.errors,
    timeouts: result.timeouts,
    non2xx: result.non2xx,
    // Per answered request (a request the client gave up on still cost the server its time).
    cpuMsPerRequest: cpu / Math.max(1, result.requests.total),
    loadAverage: `${before.load} → ${load1()}`,
  };
}

function print(f: LoadFigures): void {
  const failed = f.errors + f.non2xx;
  console.log(`${f.title}  (load average ${f.loadAverage})`);
  console.log(`  client: ${f.requestsPerSecond.toFixed(1)} req/s, ${f.requests} requests, latency p50 ${f.latency.p50} ms, p99 ${f.latency.p99} ms, max ${f.latency.max} ms`);
  console.log(`  errors: ${f.errors} (timeouts at ${CLIENT_TIMEOUT_S} s: ${f.timeouts}), non-2xx: ${f.non2xx}  → target 0 errors: ${failed === 0 ? 'MET' : 'NOT MET'}`);
  console.log(`  server CPU ${ms(f.cpuMsPerRequest)} a request: one core serves ≤ ${(1000 / f.cpuMsPerRequest).toFixed(0)} req/s, ` +
    `so ${CONNECTIONS} connections wait ~${((CONNECTIONS * f.cpuMsPerRequest) / 1000).toFixed(1)} s each on an idle machine (client timeout ${CLIENT_TIMEOUT_S} s)`);
}

export async function runHttpBench(path = DEFAULT_BENCH_DB) {
  const dir = join(path, '..', 'http-bench');
  mkdirSync(dir, { recursive: true });
  const sources = join(dir, 'sources.json');
  writeFileSync(sources, '{"sources": []}\n');
  const db = copyDatabase(path, dir);
  const server = await startServer({ db, sources, timeoutMs: 120_000 });
  const pid = server.child.pid!;
  try {
    await fetch(server.url + '/').then((r) => r.arrayBuffer());
    const rssIdle = procStatus(pid, 'VmRSS');
    console.log(`server RSS after its first page: ${mb(rssIdle)}; ${CONNECTIONS} connections × ${DURATION} s per load, Accept-Encoding: gzip`);
    const results: Partial<Record<'timeline' | 'search' | 'rotated', LoadFigures>> = {};
    // The hardest load last: the server still answers its abandoned requests after autocannon stops, which would
    // otherwise delay the next load's first seconds.
    const loads = { timeline: () => TIMELINE, search: () => searchesThatMatch(db), rotated: () => SEARCH_ROTATED };
    for (const name of ['timeline', 'search', 'rotated'] as const) {
      if (!LOADS.includes(name)) continue;
      const l = loads[name]();
      print((results[name] = await load(server.url, pid, l.title, l.paths)));
    }
    const rssAfter = procStatus(pid, 'VmRSS');
    const heapLike = procStatus(pid, 'RssAnon');
    console.log(`server RSS after the loads: ${mb(rssAfter)} (anonymous ${mb(heapLike)}, file-backed ${mb(rssAfter - heapLike)}, peak ${mb(procStatus(pid, 'VmHWM'))})` +
      `  → target ≤ ${RSS_TARGET_MB} MB: ${rssAfter <= RSS_TARGET_MB * 1048576 ? 'MET' : 'NOT MET'}`);
    await record('http', { timeline: results.timeline, search: results.search, searchRotated: results.rotated, rssIdle, rssAfter, connections: CONNECTIONS, seconds: DURATION });
  } finally {
    await server.kill('SIGTERM');
    for (const suffix of ['', '-wal', '-shm']) rmSync(db + suffix, { force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await runHttpBench(process.argv[2] ?? DEFAULT_BENCH_DB);
