// Builds the benchmark database: 200,000 articles and 1,000,000 quotes written straight through SQL with prepared
// statements in large transactions. The schema comes from the real migrations, so indexes and FTS triggers are the
// app's own. Built under a temporary name and renamed at the end, so a half-built file is never reused.
import Database from 'better-sqlite3';
import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { dirname } from 'node:path';
import { migrate } from '../../src/db/connection.ts';
import { article, between, organisations, people, rng, skewed } from './generate.ts';

export interface SeedSize { articles: number; quotesPerArticle: number; people: number; organisations: number; sources: number; years: number }
export const FULL_SIZE: SeedSize = { articles: 200_000, quotesPerArticle: 5, people: 2_000, organisations: 50, sources: 12, years: 12 };

const END = Date.UTC(2025, 11, 31);
const BATCH = 5_000;

export function seedExists(path: string): boolean {
  if (!existsSync(path)) return false;
  const db = new Database(path, { readonly: true });
  try {
    return Boolean(db.prepare("SELECT value FROM meta WHERE key = 'bench_seed'").pluck().get());
  } catch {
    return false;
  } finally {
    db.close();
  }
}

export function buildSeed(path: string, size: SeedSize = FULL_SIZE, progress: (msg: string) => void = () => {}): void {
  mkdirSync(dirname(path), { recursive: true });
  const tmp = `${path}.building`;
  for (const f of [tmp, `${tmp}-wal`, `${tmp}-shm`]) rmSync(f, { force: true });
  const db = new Database(tmp);
  db.pragma('journal_mode = OFF');
  db.pragma('synchronous = OFF');
  db.pragma('cache_size = -262144');
  migrate(db);
  const r = rng(20261125);
  const orgs = organisations(size.organisations);
  const ppl = people(size.people, orgs.length, r);
  db.transaction(() => {
    const org = db.prepare('INSERT INTO organisations (id, slug, name, acronym, kind) VALUES (?, ?, ?, ?, ?)');
    orgs.forEach((o, i) => org.run(i + 1, o.slug, o.name, o.acronym, o.kind));
    const person = db.prepare('INSERT INTO people (id, slug, name) VALUES (?, ?, ?)');
    const alias = db.prepare('INSERT INTO person_aliases (person_id, alias) VALUES (?, ?)');
    const role = db.prepare('INSERT INTO person_roles (person_id, organisation_id, role, from_date) VALUES (?, ?, ?, ?)');
    ppl.forEach((p, i) => {
      person.run(i + 1, p.slug, p.name);
      alias.run(i + 1, p.name.split(' ').slice(-1)[0]!);
      role.run(i + 1, p.org + 1, p.role, '2014-01-01');
    });
    const source = db.prepare('INSERT INTO sources (id, name, kind, organisation_id) VALUES (?, ?, ?, ?)');
    for (let i = 0; i < size.sources; i++) source.run(`source-${i + 1}`, `Bench source ${i + 1}`, i % 3 ? 'feed' : 'listing', i < orgs.length ? i + 1 : null);
  })();

  const insArticle = db.prepare(`INSERT INTO articles (id, source_id, url, title, byline, body, content_hash, published_at, fetched_at, processed_at, nlp_version)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1)`);
  const insQuote = db.prepare(`INSERT INTO quotes (article_id, start, "end", text, kind, speaker_name, person_id, organisation_id, speaker_org,
    role, cue, stance, stance_confidence, sentiment, confidence, published_at, source_id) VALUES (?, ?, ?, ?, 'direct', ?, ?, ?, ?, ?, 'said', ?, ?, ?, ?, ?, ?)`);
  const span = size.years * 365.25 * 86_400_000;
  const started = Date.now();
  for (let from = 0; from < size.articles; from += BATCH) {
    db.transaction(() => {
      for (let i = from; i < Math.min(size.articles, from + BATCH); i++) {
        // Crawl order is roughly date order, with more coverage in recent years; 0.5% have no date at all.
        const t = END - span * (1 - ((i + r() * 200) / size.articles) ** 0.8);
        const published = r() < 0.005 ? null : new Date(Math.min(END, t)).toISOString();
        const sourceId = `source-${skewed(r, size.sources) + 1}`;
        const n = between(r, size.quotesPerArticle - 3, size.quotesPerArticle + 3);
        const a = article(r, ppl, orgs, { quotes: n, words: between(r, 200, 450) });
        const id = i + 1;
        insArticle.run(id, sourceId, `https://bench.example/${sourceId}/${id}`, a.title, null, a.body, `h${id}`, published, published ?? '2025-12-31T00:00:00.000Z', published);
        for (const q of a.quotes) {
          const p = ppl[q.person]!;
          const unresolved = r() < 0.1;
          insQuote.run(id, q.start, q.end, q.text, p.name, unresolved ? null : q.person + 1, unresolved ? null : p.org + 1, orgs[p.org]!.name,
            p.role, q.stance, 0.5 + r() / 2, r() * 2 - 1, 0.6 + r() * 0.4, published, sourceId);
        }
      }
    })();
    if ((from / BATCH) % 4 === 0) progress(`  ${from + BATCH} articles (${((Date.now() - started) / 1000).toFixed(0)} s)`);
  }
  db.prepare("INSERT INTO meta (key, value) VALUES ('bench_seed', ?)").run(JSON.stringify({ ...size, builtAt: new Date().toISOString() }));
  progress('  optimising FTS indexes and statistics');
  db.exec("INSERT INTO quotes_fts(quotes_fts) VALUES ('optimize'); INSERT INTO articles_fts(articles_fts) VALUES ('optimize'); ANALYZE;");
  db.pragma('journal_mode = WAL');
  db.close();
  renameSync(tmp, path);
}
