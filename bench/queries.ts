// Store at scale: p50/p95/p99 of the read paths the web uses, on the seeded 200k-article / 1M-quote database,
// once through the query functions and once through the whole app (`app.request`, no socket).
import { openDatabase, schemaVersion, type DB } from '../src/db/connection.ts';
import { MIGRATIONS } from '../src/db/migrations/index.ts';
import { listQuotes, decodeCursor, type QuoteFilters } from '../src/db/timeline.ts';
import { quoteFacets } from '../src/db/facets.ts';
import { stanceCounts, recentQuoteTexts, personBySlug } from '../src/db/profiles.ts';
import { loadConfig } from '../src/config.ts';
import type { Stance } from '../src/types.ts';
import { performance } from 'node:perf_hooks';
import { silentLogger } from '../src/log.ts';
import { stanceTrends } from '../src/db/trends.ts';
import { latencyLine, measure, record, summarise, type Latency } from './lib/stats.ts';
import { between, pick, rng } from './lib/generate.ts';
import { DEFAULT_BENCH_DB } from './seed.ts';

const N = Number(process.env.BENCH_QUERY_N ?? 200);

// The search mix: three kinds of words and the three filter pairs of issue 6. The bench corpus has a small
// vocabulary, so a rare search is a speaker's name with a word (370–500 matches).
const WORDS = {
  common: ['inspection', 'children', 'council', 'framework', 'care', 'guidance'], // 146k–313k of 1M quotes
  medium: ['scrutiny', 'reform', 'placements', 'staff', 'welcome', 'blunt', 'timetable', 'oversight'], // 42k–60k
  rare: ['zaman reform', 'blackwood timetable', 'yeoman scrutiny', 'vickers blunt', 'tranter oversight', 'sharma recruitment'],
};
type WordKind = keyof typeof WORDS;
const PAIRS = ['stance+from', 'org+from', 'source+stance'] as const;
interface SearchCase { kind: WordKind; filters: QuoteFilters }

/**
 * `n` searches. Filter values come from one quote: with `fromMatches`, a quote the words match, as when a person
 * narrows a search by clicking a facet (so each search has results); otherwise any quote, so some combinations
 * match nothing (the slow case: proving absence reads every match or every filtered row).
 */
function searchMix(db: DB, n: number, fromMatches: boolean, seed: number): SearchCase[] {
  const r = rng(seed);
  const attrs = db.prepare(`SELECT q.stance, o.slug AS org, q.source_id AS source, substr(q.published_at, 1, 4) AS year
    FROM quotes q JOIN organisations o ON o.id = q.organisation_id WHERE q.id = ? AND q.published_at IS NOT NULL`);
  const nth = db.prepare('SELECT rowid FROM quotes_fts WHERE quotes_fts MATCH ? LIMIT 1 OFFSET ?').pluck();
  const maxId = db.prepare('SELECT max(id) FROM quotes').pluck().get() as number;
  const countOf = db.prepare('SELECT count(*) FROM quotes_fts WHERE quotes_fts MATCH ?').pluck();
  const counts = new Map<string, number>();
  const count = (match: string): number => {
    if (!counts.has(match)) counts.set(match, countOf.get(match) as number);
    return counts.get(match)!;
  };
  const cases: SearchCase[] = [];
  for (let i = 0; cases.length < n; i++) {
    const kind = (['common', 'medium', 'rare'] as const)[i % 3];
    const q = pick(r, WORDS[kind]);
    const match = q.split(' ').map((w) => `"${w}"`).join(' AND ');
    const id = fromMatches ? nth.get(match, Math.floor(r() * count(match))) : between(r, 1, maxId);
    const a = attrs.get(id) as { stance: Stance; org: string; source: string; year: string } | undefined;
    if (!a) continue;
    const pair = PAIRS[Math.floor(i / 3) % PAIRS.length];
    const from = String(between(r, 2014, Number(a.year)));
    const filters: QuoteFilters = pair === 'stance+from' ? { q, stance: a.stance, from } : pair === 'org+from' ? { q, org: a.org, from } : { q, source: a.source, stance: a.stance };
    cases.push({ kind, filters });
  }
  return cases;
}

/**
 * Times every case once (after a short warm-up) and summarises them all and by word kind; `cpu` is the process's
 * CPU time per case, which on a shared machine says more about the plan than wall time does.
 */
async function timeSearches(cases: SearchCase[], run: (f: QuoteFilters) => unknown): Promise<Record<'all' | 'cpu' | WordKind, Latency>> {
  for (const c of cases.slice(0, 5)) await run(c.filters);
  const samples: { kind: WordKind; ms: number; cpu: number }[] = [];
  for (const c of cases) {
    const [t, cpu] = [performance.now(), process.cpuUsage()];
    await run(c.filters);
    const used = process.cpuUsage(cpu);
    samples.push({ kind: c.kind, ms: performance.now() - t, cpu: (used.user + used.system) / 1000 });
  }
  const of = (k?: WordKind) => summarise(samples.filter((s) => !k || s.kind === k).map((s) => s.ms));
  return { all: of(), cpu: summarise(samples.map((s) => s.cpu)), common: of('common'), medium: of('medium'), rare: of('rare') };
}

interface Case { name: string; target?: { p95: number }; n?: number; run: (i: number) => unknown }

function slugs(db: DB): { people: string[]; cursors: string[] } {
  // Speakers from the most to the least quoted, and timeline cursors spread over the whole history.
  const top = db.prepare('SELECT p.slug FROM people p WHERE p.id IN (SELECT person_id FROM quotes WHERE person_id IS NOT NULL GROUP BY person_id ORDER BY count(*) DESC LIMIT 40)').pluck().all() as string[];
  const people = [...top, ...(db.prepare('SELECT slug FROM people ORDER BY random() LIMIT 60').pluck().all() as string[])];
  const cursors = (db.prepare('SELECT published_at, id FROM quotes WHERE published_at IS NOT NULL AND id % 5000 = 0').raw().all() as [string, number][])
    .map(([p, id]) => Buffer.from(JSON.stringify([p, id])).toString('base64url'));
  return { people, cursors };
}

// The all-quotes aggregates are timed by bench/trends.ts (the trends owner's bench); here, the per-organisation one a profile shows.
function trendsCases(db: DB, orgs: string[]): Case[] {
  return [
    { name: 'db: trends, one organisation by quarter', run: (i) => stanceTrends(db, { by: 'quarter', org: orgs[i % orgs.length] }) },
  ];
}

/** The search figures: the query function and the whole page over the mix, by word kind, then random filters. */
async function searchFigures(db: DB, get: ((url: string) => Promise<void>) | null): Promise<Record<string, Latency>> {
  const out: Record<string, Latency> = {};
  const show = (name: string, l: Latency, target?: { p95: number }) => { out[name] = l; console.log(latencyLine(name, l, target)); };
  const qs = (f: QuoteFilters) => new URLSearchParams(f as Record<string, string>).toString();
  const mix = searchMix(db, N, true, 6);
  const db1 = await timeSearches(mix, (f) => listQuotes(db, f, null, 50));
  show('db: search, 2 filters (listQuotes, mix)', db1.all, { p95: 30 });
  for (const k of ['common', 'medium', 'rare'] as const) show(`  ${k} words`, db1[k]);
  show('  CPU time per search', db1.cpu);
  show('db: search, 2 filters at random (some empty)', (await timeSearches(searchMix(db, N, false, 7), (f) => listQuotes(db, f, null, 50))).all);
  if (!get) return out;
  const page = await timeSearches(mix, (f) => get(`/?${qs(f)}`));
  show('app: GET /?q=… (search page, mix)', page.all, { p95: 30 });
  for (const k of ['common', 'medium', 'rare'] as const) show(`  ${k} words`, page[k]);
  show('app: GET /quotes.json?q=… (mix)', (await timeSearches(mix, (f) => get(`/quotes.json?${qs(f)}`))).all);
  return out;
}

export async function runQueryBench(path = DEFAULT_BENCH_DB): Promise<Record<string, Latency>> {
  // Read-only: the seeded database is shared, and opening it for writing would apply pending migrations to it.
  const db = openDatabase(path, { readonly: true });
  if (schemaVersion(db) < MIGRATIONS.length) {
    console.log(`note: ${path} has schema ${schemaVersion(db)} of ${MIGRATIONS.length} (opened read-only, so not migrated): the figures ` +
      `lack what migrations ${schemaVersion(db) + 1}–${MIGRATIONS.length} add. Open it once for writing (\`openDatabase\`) to migrate it.`);
  }
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
  const cases: Case[] = [
    { name: 'db: timeline page (listQuotes, any page)', target: { p95: 50 }, run: (i) => listQuotes(db, {}, i % 4 ? decodeCursor(cursors[i % cursors.length]!) : null, 50) },
    { name: 'db: timeline facets (quoteFacets)', run: (i) => quoteFacets(db, i % 2 ? {} : { stance: 'opposes' }) },
    { name: 'db: speaker (counts + latest + texts)', run: (i) => {
      const p = personBySlug(db, people[i % people.length]!)!;
      stanceCounts(db, { personId: p.id });
      listQuotes(db, { speaker: p.slug }, null, 10);
      recentQuoteTexts(db, { personId: p.id });
    } },
    { name: 'app: GET / (timeline page)', target: { p95: 50 }, run: (i) => get(i % 4 ? `/?_next=${cursors[i % cursors.length]}` : '/') },
    { name: 'app: GET /speakers/SLUG', run: (i) => get(`/speakers/${people[i % people.length]}`) },
    { name: 'app: GET /trends', n: 20, run: (i) => get(i % 2 ? '/trends' : '/trends?period=quarter') },
  ];
  cases.splice(3, 0, ...trendsCases(db, db.prepare('SELECT slug FROM organisations').pluck().all() as string[]));
  const out: Record<string, Latency> = await searchFigures(db, app ? get : null);
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
