// The two sides of every search-plan test: the straightforward query, and pages of the planned one followed
// through `_next` cursors (listQuotes itself, or its page selection with the planner's limits overridden).
import { expect } from 'vitest';
import type { DB } from '../../src/db/connection.ts';
import { planConditions, type PlanOptions } from '../../src/db/fts-plan.ts';
import { pageConditions, type WalkOptions } from '../../src/db/search-walk.ts';
import { decodeCursor, joinConditions, keysetPage, listQuotes, quoteConditions, type QuoteFilters } from '../../src/db/timeline.ts';

/** The straightforward query: every condition as written, newest first, undated last. */
export function reference(db: DB, filters: QuoteFilters): number[] {
  const { where, params } = joinConditions(quoteConditions(filters));
  return db.prepare(`SELECT q.id FROM quotes q ${where} ORDER BY q.published_at IS NULL, q.published_at DESC, q.id DESC`).pluck().all(...params) as number[];
}

export type Pager = (filters: QuoteFilters, cursor: string | null, size: number) => { ids: number[]; next: string | null };

export const viaListQuotes = (db: DB): Pager => (filters, cursor, size) => {
  const page = listQuotes(db, filters, cursor ? decodeCursor(cursor) : null, size);
  return { ids: page.rows.map((r) => r.id), next: page.next };
};

/** listQuotes' page selection with the walk's and the planner's limits overridden, to force each path on a small database. */
export const withWalk = (db: DB, opts: WalkOptions, plan: PlanOptions = {}): Pager => (filters, cursor, size) => {
  const base = planConditions(db, quoteConditions(filters), plan);
  const page = keysetPage(cursor ? decodeCursor(cursor) : null, size, (extra, order, n) => {
    const { where, params } = joinConditions(pageConditions(db, [...base, extra], order, n, opts));
    return db.prepare(`SELECT q.id, q.published_at FROM quotes q ${where} ORDER BY ${order} LIMIT ?`).all(...params, n) as { id: number; published_at: string | null }[];
  });
  return { ids: page.rows.map((r) => r.id), next: page.next };
};

/** Follows `_next` cursors for up to `maxPages` pages; returns the ids seen and whether the last page said "no more". */
export function walkPages(pager: Pager, filters: QuoteFilters, size: number, maxPages: number): { ids: number[]; ended: boolean } {
  const ids: number[] = [];
  let cursor: string | null = null;
  for (let i = 0; i < maxPages; i++) {
    const page = pager(filters, cursor, size);
    expect(page.ids.length).toBeLessThanOrEqual(size);
    ids.push(...page.ids);
    if (!page.next) return { ids, ended: true };
    expect(page.ids.length).toBe(size);
    cursor = page.next;
  }
  return { ids, ended: false };
}

/** Expects the planned pages of `filters` to be the straightforward query's first rows (all of them once paging ends). */
export function expectSamePages(db: DB, pager: Pager, filters: QuoteFilters, size: number, maxPages: number): number[] {
  const expected = reference(db, filters);
  const got = walkPages(pager, filters, size, maxPages);
  const label = `${JSON.stringify(filters)} size ${size}`;
  expect(got.ids, label).toEqual(expected.slice(0, got.ids.length));
  expect(got.ids.length, label).toBe(Math.min(expected.length, got.ended ? expected.length : size * maxPages));
  return expected;
}
