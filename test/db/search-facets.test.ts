// The quote index holds each quote's stance, source and organisation as tokens (migration 004), and the planner
// adds a search's filters to its match. The tokens must follow every change to a quote (corrections, reprocessing,
// deletion), must never be reachable from what a person types, and must be built for a database of schema 3.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { migrate, type DB } from '../../src/db/connection.ts';
import { MIGRATIONS } from '../../src/db/migrations/index.ts';
import { correctQuote } from '../../src/db/corrections.ts';
import { planConditions } from '../../src/db/fts-plan.ts';
import { facetToken } from '../../src/db/search-facets.ts';
import { fewQuoteMatchIds } from '../../src/db/search-matches.ts';
import { listQuotes, quoteConditions, type QuoteFilters } from '../../src/db/timeline.ts';
import { BadRequest } from '../../src/errors.ts';
import { buildSearchFixture, type SearchFixture } from './search-fixture.ts';
import { expectSamePages, reference, viaListQuotes, walkPages, withWalk } from './search-pages.ts';

const ids = (db: DB, filters: QuoteFilters, n = 200) => listQuotes(db, filters, null, n).rows.map((r) => r.id);
/** Filters join only a common match, which is read whole when it leaves few rows: here every match is common and none few. */
const planned = (db: DB, filters: QuoteFilters) => planConditions(db, quoteConditions(filters), { common: 0, few: 0 });
const matchOf = (db: DB, filters: QuoteFilters) => planned(db, filters).find((c) => c.fts)?.fts?.match ?? null;
/** Every row of a search, through the planner with every match common: walked with the filter tokens, and read whole. */
function allIds(db: DB, filters: QuoteFilters): number[] {
  const walked = walkPages(withWalk(db, {}, { common: 0, few: 0 }), filters, 100, 50).ids;
  expect(walkPages(withWalk(db, {}, { common: 0, few: 1e6 }), filters, 100, 50).ids).toEqual(walked);
  return walked;
}
const orgId = (db: DB, slug: string) => db.prepare('SELECT id FROM organisations WHERE slug = ?').pluck().get(slug) as number;
/** FTS5's check of the index against the quotes it is built from (rank 1: compare with the content). */
const ftsIntegrity = (db: DB) => db.exec("INSERT INTO quotes_fts(quotes_fts, rank) VALUES ('integrity-check', 1)");

describe('the planner', () => {
  let f: SearchFixture;
  beforeAll(() => { f = buildSearchFixture({ articles: 600 }); });
  afterAll(() => f.close());

  it('adds the stance, source and organisation filters to the match as index tokens', () => {
    const match = matchOf(f.db, { q: 'inspection', stance: 'opposes', source: 'src-a', org: 'org-b' });
    expect(match).toContain('{text speaker_name speaker_org} : ("inspection")');
    for (const token of [facetToken('stance', 'opposes'), facetToken('source', 'src-a'), facetToken('org', orgId(f.db, 'org-b'))]) {
      expect(match).toContain(`facets : ("${token}")`);
    }
  });

  it('adds typed stance:, source: and org: terms, any of the values they name, and leaves exclusions to SQL', () => {
    const match = matchOf(f.db, { q: 'inspection stance:supports source:SRC org:org-c -stance:opposes -org:org-b' })!;
    expect(match).toContain(`facets : ("${facetToken('stance', 'supports')}")`);
    // source:SRC names every source of the fixture (by name)
    expect(match).toContain(`facets : (${f.sources.map((s) => `"${facetToken('source', s)}"`).join(' OR ')})`);
    expect(match).toContain(`facets : ("${facetToken('org', orgId(f.db, 'org-c'))}")`);
    expect(match).not.toContain(facetToken('stance', 'opposes'));
    expect(match).not.toContain(facetToken('org', orgId(f.db, 'org-b')));
  });

  it('keeps a search without filters as the user wrote it, on the columns people search', () => {
    expect(matchOf(f.db, { q: 'inspection', from: '2019' })).toBe('{text speaker_name speaker_org} : ("inspection")');
  });

  it('turns a match that no quote has into a condition nothing passes', () => {
    // The fixture's "welcome" is only ever said with stance supports or neutral.
    expect(reference(f.db, { q: 'welcome', stance: 'opposes' })).toEqual([]);
    expect(planned(f.db, { q: 'welcome', stance: 'opposes' })).toContainEqual({ sql: '0', params: [] });
    expect(allIds(f.db, { q: 'welcome', stance: 'opposes' })).toEqual([]);
    expect(allIds(f.db, { q: 'welcome', stance: 'supports' })).toEqual(reference(f.db, { q: 'welcome', stance: 'supports' }));
  });

  it('reads a narrowed match\'s ids past the first 200 when it has no more than the cap', () => {
    const match = '{text speaker_name speaker_org} : ("inspection")';
    const all = f.db.prepare('SELECT rowid FROM quotes_fts WHERE quotes_fts MATCH ? ORDER BY rowid').pluck().all(match) as number[];
    expect(all.length).toBeGreaterThan(400);
    expect(fewQuoteMatchIds(f.db, match, 1e6)).toEqual(all);
    expect(fewQuoteMatchIds(f.db, match, all.length - 1)).toBeNull();
    expect(fewQuoteMatchIds(f.db, match, 100)).toBeNull();
  });

  it('keeps a rare match as it is, whatever the filters', () => {
    const conds = planConditions(f.db, quoteConditions({ q: 'grading', stance: 'opposes' }));
    expect(conds.find((c) => c.fts)?.fts?.match).toBe('{text speaker_name speaker_org} : ("grading")');
  });
});

describe('what a person types', () => {
  let f: SearchFixture;
  beforeAll(() => { f = buildSearchFixture({ articles: 300 }); });
  afterAll(() => f.close());

  it.each(['stanceopposes', 'stance_opposes', '"stanceopposes"', 'stanceoppos*', 'stance*', 'org1', 'org*', 'src*', 'facets', '"facets : stanceopposes"', '{facets}: stanceopposes'])(
    '%s matches no quote, with or without the filter it names',
    (q) => {
      expect(ids(f.db, { q })).toEqual([]);
      expect(allIds(f.db, { q, stance: 'opposes' })).toEqual([]);
    },
  );

  it('cannot reach the tokens with a source id spelled as its token', () => {
    expect(ids(f.db, { q: facetToken('source', f.sources[0]!) })).toEqual([]);
  });

  it('excludes nothing by excluding a token', () => {
    expect(ids(f.db, { q: '-stanceopposes', stance: 'opposes' })).toEqual(ids(f.db, { stance: 'opposes' }));
    expect(allIds(f.db, { q: 'inspection -stanceopposes', stance: 'opposes' })).toEqual(reference(f.db, { q: 'inspection', stance: 'opposes' }));
  });

  it('gets the friendly error for a facets: field', () => {
    expect(() => ids(f.db, { q: 'facets:stanceopposes' })).toThrow(BadRequest);
    expect(() => ids(f.db, { q: 'facets:stanceopposes' })).toThrow(/Unknown field "facets:"/);
  });
});

describe('after corrections, reprocessing and deletions', () => {
  let f: SearchFixture;
  const changed = { stance: 0, org: 0 };
  beforeAll(() => {
    f = buildSearchFixture({ articles: 600, seed: 11 });
    const audit = { reason: 'test', actor: 'tester' };
    const quiet = orgId(f.db, 'org-quiet');
    // Each change touches its own quotes, so that no other column's change re-indexes them by chance.
    // "welcome" was only ever supports/neutral and org-quiet never quoted: the changes make both searches non-empty.
    for (const id of f.db.prepare(`SELECT id FROM quotes WHERE text LIKE '%welcome%' ORDER BY id LIMIT 40`).pluck().all() as number[]) {
      correctQuote(f.db, id, { field: 'stance', value: 'opposes', ...audit });
      changed.stance++;
    }
    for (const id of f.db.prepare(`SELECT id FROM quotes WHERE text LIKE '%inspection%' ORDER BY id DESC LIMIT 20`).pluck().all() as number[]) {
      correctQuote(f.db, id, { field: 'organisation', value: 'org-quiet', ...audit });
      changed.org++;
    }
    // The organisation alone (as a merge of organisations would), the source alone and the text alone, as
    // reprocessing rewrites rows in place (an article may move to another source); then deletions.
    const middle = (offset: number) => `SELECT id FROM articles ORDER BY id LIMIT 30 OFFSET ${offset}`;
    changed.org += f.db.prepare(`UPDATE quotes SET organisation_id = ? WHERE article_id IN (${middle(150)}) AND text LIKE '%inspection%'`).run(quiet).changes;
    f.db.prepare(`UPDATE quotes SET source_id = 'src-c' WHERE article_id IN (${middle(250)})`).run();
    f.db.prepare(`UPDATE quotes SET text = text || ' reform' WHERE article_id IN (${middle(350)})`).run();
    f.db.prepare('DELETE FROM quotes WHERE id % 17 = 0').run();
  });
  afterAll(() => f.close());

  it('keeps the index equal to the quotes', () => {
    expect(() => ftsIntegrity(f.db)).not.toThrow();
  });

  it('finds what the corrections made true, and not what they undid', () => {
    const welcomeOpposes = reference(f.db, { q: 'welcome', stance: 'opposes' });
    expect(welcomeOpposes.length).toBeGreaterThan(changed.stance / 2);
    expect(allIds(f.db, { q: 'welcome', stance: 'opposes' })).toEqual(welcomeOpposes);
    const quiet = reference(f.db, { q: 'inspection', org: 'org-quiet' });
    expect(quiet.length).toBeGreaterThan(changed.org / 2);
    expect(allIds(f.db, { q: 'inspection', org: 'org-quiet' })).toEqual(quiet);
    expect(allIds(f.db, { q: 'inspection org:org-quiet' })).toEqual(quiet);
  });

  const filterSets: QuoteFilters[] = [
    { stance: 'opposes' }, { stance: 'supports' }, { stance: 'neutral', from: '2016' }, { org: 'org-quiet' }, { org: 'org-a' },
    { source: 'src-c' }, { source: 'src-a', stance: 'opposes' }, { org: 'org-b', stance: 'mixed' },
  ];
  const words = ['welcome', 'inspection', 'reform', 'scrutiny', 'framework welcome', 'inspection stance:opposes', 'reform source:src-c'];
  it.each([
    ['listQuotes', (db: DB) => viaListQuotes(db)],
    ['the walk over the match with filter tokens', (db: DB) => withWalk(db, { firstWindow: 5, maxWalk: Infinity }, { common: 20, few: 0 })],
    ['the ids of the match with filter tokens', (db: DB) => withWalk(db, {}, { common: 20, few: 500 })],
  ])('gives the straightforward query\'s pages (%s)', (_name, makePager) => {
    const pager = makePager(f.db);
    for (const q of words) for (const filters of filterSets) expectSamePages(f.db, pager, { ...filters, q }, 20, 3);
  });
});

describe('match counts kept between searches', () => {
  let f: SearchFixture;
  beforeAll(() => { f = buildSearchFixture({ articles: 200, seed: 3 }); });
  afterAll(() => f.close());
  const welcome = (db: DB) => db.prepare(`SELECT id FROM quotes WHERE text LIKE '%welcome%' ORDER BY id`).pluck().all() as number[];

  it('are counted again once another connection or this one changes the data', () => {
    // Each change turns a count of 0 (a plan that reads nothing) into one.
    const [first, second] = welcome(f.db);
    const opposes: QuoteFilters = { q: 'welcome', stance: 'opposes' };
    const unrelated: QuoteFilters = { q: 'welcome', stance: 'unrelated' };
    expect(planned(f.db, opposes)).toContainEqual({ sql: '0', params: [] });
    expect(allIds(f.db, opposes)).toEqual([]);
    expect(allIds(f.db, unrelated)).toEqual([]);
    const other = new Database(f.db.name);
    try {
      other.prepare(`UPDATE quotes SET stance = 'opposes' WHERE id = ?`).run(first);
    } finally {
      other.close();
    }
    expect(allIds(f.db, opposes)).toEqual([first]);
    correctQuote(f.db, second!, { field: 'stance', value: 'unrelated', reason: 'test', actor: 'tester' });
    expect(allIds(f.db, unrelated)).toEqual([second]);
  });
});

describe('migration 004 on a database of schema 3', () => {
  let dir: string;
  let db: DB;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'stancewatch-facets-'));
    db = new Database(join(dir, 'v3.db'));
    for (const sql of MIGRATIONS.slice(0, 3)) db.exec(sql);
    db.pragma('user_version = 3');
    db.exec(`INSERT INTO organisations (id, slug, name) VALUES (7, 'adcs', 'ADCS');
      INSERT INTO sources (id, name, kind) VALUES ('cyp-now', 'CYP Now', 'rss');
      INSERT INTO articles (id, source_id, url, title, body, content_hash, fetched_at) VALUES (1, 'cyp-now', 'https://x.test/1', 't', 'b', 'h', '2024-01-01');
      INSERT INTO quotes (id, article_id, start, "end", text, kind, stance, organisation_id, source_id, published_at) VALUES
        (1, 1, 0, 5, 'The inspection framework is flawed', 'direct', 'opposes', 7, 'cyp-now', '2024-01-01'),
        (2, 1, 6, 9, 'Inspection helps', 'direct', 'supports', NULL, 'cyp-now', '2024-01-01'),
        (3, 1, 10, 12, 'Inspection is fine', 'direct', 'neutral', 7, NULL, NULL);`);
  });
  afterAll(() => { db.close(); rmSync(dir, { recursive: true, force: true }); });

  it('searches as before while the database is not migrated (a read-only connection)', () => {
    expect(matchOf(db, { q: 'inspection', stance: 'supports', org: 'adcs' })).toBe('{text speaker_name speaker_org} : ("inspection")');
    expect(ids(db, { q: 'inspection', source: 'cyp-now', stance: 'supports' })).toEqual([2]);
    expect(ids(db, { q: 'inspection', stance: 'mixed' })).toEqual([]);
  });

  it('builds the tokens of the quotes already stored', () => {
    expect(migrate(db)).toBe(MIGRATIONS.length - 3);
    const tokens = (token: string) => db.prepare('SELECT rowid FROM quotes_fts WHERE quotes_fts MATCH ? ORDER BY rowid').pluck().all(`facets : "${token}"`);
    expect(tokens(facetToken('stance', 'opposes'))).toEqual([1]);
    expect(tokens(facetToken('source', 'cyp-now'))).toEqual([1, 2]);
    expect(tokens(facetToken('org', 7))).toEqual([1, 3]);
    expect(() => ftsIntegrity(db)).not.toThrow();
    expect(ids(db, { q: 'inspection', source: 'cyp-now', stance: 'supports' })).toEqual([2]);
    expect(ids(db, { q: 'inspection', org: 'adcs' })).toEqual([1, 3]);
    expect(matchOf(db, { q: 'inspection', org: 'adcs' })).toContain(`facets : ("${facetToken('org', 7)}")`);
  });
});
