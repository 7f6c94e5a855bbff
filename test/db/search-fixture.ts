// A generated quotes database for the search planner tests: enough quotes that common words take the planner's
// "common" path (more than fts-plan.ts's 2,000 matches), with what makes keyset search pages go wrong: quotes of
// one article sharing a timestamp (ties), undated quotes, a backfill (old dates with the newest ids, so ids do not
// follow dates), a word common years ago but absent lately, and words tied to one stance.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase, type DB } from '../../src/db/connection.ts';
import { QUOTE_KINDS, STANCES, type Stance } from '../../src/types.ts';
import { rng } from '../../bench/lib/generate.ts';

export interface SearchFixture {
  db: DB;
  orgs: string[];
  people: string[];
  sources: string[];
  close(): void;
}

/** Words with their chance of being in a quote; `stances` limits a word to quotes of those stances. */
const WORDS: { word: string; p: number; stances?: Stance[]; before?: string }[] = [
  { word: 'inspection', p: 0.45 },
  { word: 'framework', p: 0.3 },
  { word: 'reform', p: 0.9, stances: ['opposes', 'mixed'] },
  { word: 'welcome', p: 0.95, stances: ['supports', 'neutral'] },
  { word: 'single', p: 0.8, before: '2019' },
  { word: 'scrutiny', p: 0.04 },
  { word: 'grading', p: 0.004 },
];
const FILLER = ['the', 'council', 'said', 'children', 'services', 'report', 'year'];

function quoteText(r: () => number, stance: Stance, date: string | null): string {
  const words = [FILLER[Math.floor(r() * FILLER.length)]!];
  for (const w of WORDS) {
    if (w.stances && !w.stances.includes(stance)) continue;
    if (w.before && (!date || date >= w.before)) continue;
    if (r() < w.p) words.push(w.word);
  }
  return words.sort(() => r() - 0.5).join(' ');
}

function dayAfter(start: number, days: number): string {
  return new Date(start + days * 86_400_000).toISOString().slice(0, 10);
}

export function buildSearchFixture(opts: { articles?: number; seed?: number } = {}): SearchFixture {
  const dir = mkdtempSync(join(tmpdir(), 'stancewatch-search-'));
  const db = openDatabase(join(dir, 'search.db'));
  const r = rng(opts.seed ?? 7);
  const orgs = ['org-a', 'org-b', 'org-c', 'org-d', 'org-quiet'];
  const people = ['pat-one', 'sam-two', 'alex-three', 'jo-four'];
  const sources = ['src-a', 'src-b', 'src-c'];
  const insert = db.transaction(() => {
    orgs.forEach((slug) => db.prepare('INSERT INTO organisations (slug, name) VALUES (?, ?)').run(slug, slug.toUpperCase()));
    people.forEach((slug) => db.prepare('INSERT INTO people (slug, name) VALUES (?, ?)').run(slug, slug.replace('-', ' ')));
    sources.forEach((id) => db.prepare("INSERT INTO sources (id, name, kind) VALUES (?, ?, 'rss')").run(id, id.toUpperCase()));
    const article = db.prepare(`INSERT INTO articles (source_id, url, title, published_at, body, content_hash, fetched_at) VALUES (?, ?, 't', ?, 'b', 'h', '2024-01-01')`);
    const quote = db.prepare(`INSERT INTO quotes (article_id, start, end, text, kind, placement, person_id, organisation_id, stance, published_at, source_id)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
    const start = Date.UTC(2014, 0, 1);
    const n = opts.articles ?? 1800;
    for (let i = 0; i < n; i++) {
      // Most articles arrive in date order; the last tenth is a backfill of old dates; a few are undated.
      const backfill = i >= n * 0.9;
      const date = r() < 0.03 ? null : dayAfter(start, backfill ? Math.floor(r() * 1500) : Math.floor((i / (n * 0.9)) * 4000));
      const source = sources[Math.floor(r() * sources.length)]!;
      const articleId = Number(article.run(source, `https://example.test/a/${i}`, date).lastInsertRowid);
      for (let k = 0, count = 2 + Math.floor(r() * 6); k < count; k++) {
        const stance = STANCES[Math.floor(r() ** 1.3 * STANCES.length)]!;
        const org = Math.floor(r() ** 2 * (orgs.length - 1)) + 1; // org-quiet (5) is never quoted
        const person = r() < 0.6 ? Math.floor(r() * people.length) + 1 : null;
        const kind = QUOTE_KINDS[Math.floor(r() * QUOTE_KINDS.length)]!;
        const placement = r() < 0.9 ? 'body' : 'headline';
        quote.run(articleId, k * 100, k * 100 + 50, quoteText(r, stance, date), kind, placement, person, org, stance, date, source);
      }
    }
  });
  insert();
  return { db, orgs, people, sources, close: () => { db.close(); rmSync(dir, { recursive: true, force: true }); } };
}
