// Store at scale: p50/p95/p99 of the read paths the web uses, on the seeded 200k-article / 1M-quote database,
// once through the query functions and once through the whole app (`app.request`, no socket).
import { openDatabase, type DB } from '../src/db/connection.ts';
import { listQuotes, decodeCursor, type QuoteFilters } from '../src/db/timeline.ts';
import { quoteFacets } from '../src/db/facets.ts';
import { stanceCounts, recentQuoteTexts, personBySlug } from '../src/db/profiles.ts';
import { loadConfig } from '../src/config.ts';
import { silentLogger } from '../src/log.ts';
import { STANCES } from '../src/types.ts';
import { stanceTrends } from '../src/db/trends.ts';
import { latencyLine, measure, record, type Latency } from './lib/stats.ts';
import { DEFAULT_BENCH_DB } from './seed.ts';

const N = Number(process.env.BENCH_QUERY_N ?? 200);
// Words from the generator's vocabulary, from very common to rare, so the search mix has realistic selectivity.
const TERMS = ['inspection', 'framework', 'children', 'grading', 'scrutiny', 'consultation', 'caseloads', 'staff', '"single-word judgements"', 'placements', 'confidence', 'reform'];
const YEARS = ['2016', '2018', '2020', '2022', '2024'];

interface Case { name: string; target?: { p95: number }; n?: number; run: (i: number) => unknown }

function slugs(db: DB): { people: string[]; cursors: string[] } {
  // Speakers from the most to the least quoted, and timeline cursors spread over the whole history.
  const top = db.prepare('SELECT p.slug FROM people p WHERE p.id IN (SELECT person_id FROM quotes WHERE person_id IS NOT NULL GROUP BY person_id ORDER BY count(*) DESC LIMIT 40)').pluck().all() as string[];
  const people = [...top, ...(db.prepare('SELECT slug FROM people ORDER BY random() LIMIT 60').pluck().all() as string[])];
  const cursors = (db.prepare('SELECT published_at, id FROM quotes WHERE published_at IS NOT NULL AND id % 5000 = 0').raw().all() as [string, number][])
    .map(([p, id]) => Buffer.from(JSON.stringify([p, id])).toString('base64url'));
  return { people, cursors };
}

const searchFilters = (i: number): QuoteFilters => ({ q: TERMS[i % TERMS.length], stance: STANCES[i % 4], from: YEARS[i % YEARS.length] });

// The all-quotes aggregates are timed by bench/trends.ts (the trends owner's bench); here, the per-organisation one a profile shows.
function trendsCases(db: DB, orgs: string[]): Case[] {
  return [
    { name: 'db: trends, one organisation by quarter', run: (i) => stanceTrends(db, { by: 'quarter', org: orgs[i % orgs.length] }) },
  ];
}

export async function runQueryBench(path = DEFAULT_BENCH_DB): Promise<Record<string, Latency>> {
  const db = openDatabase(path);
  const { people, cursors } = slugs(db);
  // Loaded lazily: when the web app cannot load, the query-level figures are still printed.
  const app = await import('../web/app.tsx')
    .then(({ createApp }) => createApp({ db, config: loadConfig({}, { dbPath: path }), log: silentLogger }))
    .catch((err: Error) => (console.log(`web app unavailable (${err.message.split('\n')[0]}); app: figures skipped`), null));
  const get = async (url: string) => {
    if (!app) throw new Error('web app unavailable');
    const res = await app.request(url);
    if (res.status !== 200) throw new Error(`${url}: HTTP ${res.status}`);
    await res.arrayBuffer();
  };
  const qs = (f: QuoteFilters) => new URLSearchParams(f as Record<string, string>).toString();
  const cases: Case[] = [
    { name: 'db: search + stance + from (listQuotes)', target: { p95: 30 }, run: (i) => listQuotes(db, searchFilters(i), null, 50) },
    { name: 'db: timeline page (listQuotes, any page)', target: { p95: 50 }, run: (i) => listQuotes(db, {}, i % 4 ? decodeCursor(cursors[i % cursors.length]!) : null, 50) },
    { name: 'db: timeline facets (quoteFacets)', run: (i) => quoteFacets(db, i % 2 ? {} : { stance: 'opposes' }) },
    { name: 'db: speaker (counts + latest + texts)', run: (i) => {
      const p = personBySlug(db, people[i % people.length]!)!;
      stanceCounts(db, { personId: p.id });
      listQuotes(db, { speaker: p.slug }, null, 10);
      recentQuoteTexts(db, { personId: p.id });
    } },
    { name: 'app: GET /?q=..&stance=..&from=.. (search page)', target: { p95: 30 }, run: (i) => get(`/?${qs(searchFilters(i))}`) },
    { name: 'app: GET / (timeline page)', target: { p95: 50 }, run: (i) => get(i % 4 ? `/?_next=${cursors[i % cursors.length]}` : '/') },
    { name: 'app: GET /quotes.json?q=.. (search JSON)', run: (i) => get(`/quotes.json?${qs(searchFilters(i))}`) },
    { name: 'app: GET /speakers/SLUG', run: (i) => get(`/speakers/${people[i % people.length]}`) },
    { name: 'app: GET /trends', n: 20, run: (i) => get(i % 2 ? '/trends' : '/trends?period=quarter') },
  ];
  cases.splice(4, 0, ...trendsCases(db, db.prepare('SELECT slug FROM organisations').pluck().all() as string[]));
  const out: Record<string, Latency> = {};
  for (const c of cases) {
    try {
      out[c.name] = await measure(Math.min(N, c.n ?? N), c.run, Math.min(5, c.n ?? 20));
      console.log(latencyLine(c.name, out[c.name]!, c.target));
    } catch (err) {
      console.log(`${c.name.padEnd(44)} FAILED: ${(err as Error).message}`);
    }
  }
  await record('queries', { db: path, quotes: db.prepare('SELECT count(*) FROM quotes').pluck().get(), results: out });
  db.close();
  return out;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await runQueryBench(process.argv[2] ?? DEFAULT_BENCH_DB);
}
