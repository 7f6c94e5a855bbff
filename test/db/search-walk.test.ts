// The search planner must never change what a search returns: every plan (rare word driven by the match, common
// word by the windowed walk, the walk's fallback to the whole match set, each with the filters' index tokens in the
// match, and a match with none left) gives the rows and order of the straightforward query, page after page
// through `_next` cursors.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { planConditions } from '../../src/db/fts-plan.ts';
import { pageConditions } from '../../src/db/search-walk.ts';
import { joinConditions, quoteConditions, type QuoteFilters } from '../../src/db/timeline.ts';
import { buildSearchFixture, type SearchFixture } from './search-fixture.ts';
import { expectSamePages, reference as referenceIn, viaListQuotes, walkPages, withWalk, type Pager } from './search-pages.ts';

let f: SearchFixture;
beforeAll(() => { f = buildSearchFixture(); });
afterAll(() => f.close());

const reference = (filters: QuoteFilters) => referenceIn(f.db, filters);

const WORDS = ['inspection', 'framework', 'reform', 'welcome', 'single', 'scrutiny', 'grading', 'zebra', 'inspection framework',
  'inspection OR grading', 'inspection -framework', '"inspection framework"', 'welcome stance:opposes', 'single after:2019'];

function filterSets(): QuoteFilters[] {
  const [org1, org2, , , quiet] = f.orgs;
  const [src1, src2] = f.sources;
  return [
    {},
    { stance: 'opposes', from: '2020' },
    { stance: 'supports', from: '2016-06' },
    { stance: 'mixed', from: '2024' },
    { org: org1, from: '2019' },
    { org: org2, from: '2015' },
    { source: src1, stance: 'opposes' },
    { source: src2, stance: 'unrelated' },
    { speaker: f.people[1], kind: 'direct' },
    { from: '2016', to: '2017-06' },
    { bodyOnly: true, stance: 'neutral' },
    { org: quiet, from: '2015' },
    { from: '2099' },
    { stance: 'supports', to: '2013' },
  ];
}

describe('search plans against the straightforward query', () => {
  it('uses the common-word path for the common words of the fixture and not for the rare ones', () => {
    const common = (q: string) => planConditions(f.db, quoteConditions({ q })).some((c) => c.common);
    expect(['inspection', 'framework', 'reform', 'welcome', 'single'].map(common)).toEqual([true, true, true, true, true]);
    expect(['scrutiny', 'grading', 'zebra'].map(common)).toEqual([false, false, false]);
  });

  // Small windows: many windows per page, windows crossing the backfill (ids not following dates), windows
  // ending inside a run of equal timestamps. maxWalk 0: the usual plan after the first window.
  it('leaves conditions as they are without a common word or with an order it cannot continue', () => {
    const rare = planConditions(f.db, quoteConditions({ q: 'scrutiny', stance: 'opposes' }));
    expect(pageConditions(f.db, rare, 'q.published_at DESC, q.id DESC', 10)).toBe(rare);
    const common = planConditions(f.db, quoteConditions({ q: 'inspection' }));
    expect(pageConditions(f.db, common, 'q.published_at ASC, q.id ASC', 10)).toBe(common);
    const walked = pageConditions(f.db, [...common, { sql: 'q.published_at IS NOT NULL', params: [] }], 'q.published_at DESC, q.id DESC', 10);
    expect(walked).toHaveLength(1);
    expect(walked[0]!.params).toHaveLength(10);
  });

  it('plans as usual when a window ends on an undated quote, so an order over NULL dates stays whole', () => {
    const filters: QuoteFilters = { q: 'inspection', stance: 'supports' };
    const expected = reference(filters);
    const base = planConditions(f.db, quoteConditions(filters));
    const order = 'q.published_at DESC, q.id DESC'; // no "published_at IS NOT NULL": undated rows come last
    expect(f.db.prepare('SELECT count(*) FROM quotes WHERE published_at IS NULL AND stance = ?').pluck().get('supports')).toBeGreaterThan(0);
    for (const firstWindow of [5, 50, 500]) {
      const conds = pageConditions(f.db, base, order, expected.length, { firstWindow, maxWalk: Infinity });
      const { where, params } = joinConditions(conds);
      expect(f.db.prepare(`SELECT q.id FROM quotes q ${where} ORDER BY ${order}`).pluck().all(...params)).toEqual(expected);
    }
  });

  const pagers: [string, (db: SearchFixture['db']) => Pager][] = [
    ['listQuotes', viaListQuotes],
    ['small windows', (db) => withWalk(db, { firstWindow: 5, maxWalk: Infinity })],
    ['usual plan after one window', (db) => withWalk(db, { firstWindow: 5, maxWalk: 0 })],
    // Few matches with their filter tokens pass the fixture's 2,000: above 20 the match is narrowed by them, and
    // walked (few: 0) or read whole.
    ['small windows over the match with filter tokens', (db) => withWalk(db, { firstWindow: 5, maxWalk: Infinity }, { common: 20, few: 0 })],
    ['usual plan over the match with filter tokens', (db) => withWalk(db, { firstWindow: 5, maxWalk: 0 }, { common: 20, few: 0 })],
    ['ids of the match with filter tokens', (db) => withWalk(db, {}, { common: 20, few: 500 })],
  ];
  describe.each(pagers)('%s', (_name, makePager) => {
    const pager: Pager = (filters, cursor, size) => makePager(f.db)(filters, cursor, size);
    it('returns the same rows in the same order for every word and filter pair, page after page', () => {
      let compared = 0;
      let nonEmpty = 0;
      for (const q of WORDS) {
        for (const filters of filterSets()) {
          const combo = { ...filters, q };
          let expected: number[] = [];
          for (const size of [7, 50]) {
            expected = expectSamePages(f.db, pager, combo, size, 4);
            compared++;
          }
          if (expected.length) nonEmpty++;
        }
      }
      const combos = WORDS.length * filterSets().length;
      expect(compared).toBe(combos * 2);
      // The grid has both sides: many combinations with matches, and some with none.
      expect(nonEmpty).toBeGreaterThan(combos / 2);
      expect(nonEmpty).toBeLessThan(combos - 20);
    });

    it('pages through a whole common-word result to the undated quotes at the end', () => {
      const combo: QuoteFilters = { q: 'reform', stance: 'mixed' };
      const expected = reference(combo);
      expect(expected.length).toBeGreaterThan(200);
      const got = walkPages(pager, combo, 50, 1000);
      expect(got.ended).toBe(true);
      expect(got.ids).toEqual(expected);
      const undated = f.db.prepare(`SELECT count(*) FROM quotes WHERE published_at IS NULL AND stance = 'mixed'`).pluck().get() as number;
      expect(undated).toBeGreaterThan(0);
    });
  });
});
