// The timeline's read queries: quotes newest first with filters and a search, keyset-paginated on
// (published_at, id) so page 1000 costs what page 1 costs. Undated quotes come after every dated one.
import Database from 'better-sqlite3';
import type { DB } from './connection.ts';
import { BadRequest } from '../errors.ts';
import { parseSearch, quoteSearchConditions, type SqlCondition } from './search.ts';
import { planConditions } from './fts-plan.ts';
import { pageConditions } from './search-walk.ts';
import type { QuoteKind, Stance } from '../types.ts';

export interface QuoteFilters {
  q?: string;
  /** person slug */
  speaker?: string;
  /** organisation slug */
  org?: string;
  stance?: Stance;
  source?: string;
  kind?: QuoteKind;
  /** inclusive dates, YYYY[-MM[-DD]] */
  from?: string;
  to?: string;
  /** only quotes in the article body (hides headline, standfirst and caption quotes) */
  bodyOnly?: boolean;
}

/** Where the next page starts: the last row's (published_at, id). */
export interface Cursor {
  publishedAt: string | null;
  id: number;
}

export interface TimelineQuote {
  id: number;
  text: string;
  kind: QuoteKind;
  placement: string;
  stance: Stance;
  stance_confidence: number | null;
  speaker_name: string | null;
  person_slug: string | null;
  person_name: string | null;
  role: string | null;
  speaker_org: string | null;
  org_slug: string | null;
  org_name: string | null;
  org_acronym: string | null;
  published_at: string | null;
  source_id: string | null;
  source_name: string | null;
  article_id: number;
  article_title: string;
  article_url: string;
  original_url: string | null;
}

export const QUOTE_COLUMNS = `q.id, q.text, q.kind, q.placement, q.stance, q.stance_confidence, q.speaker_name, p.slug AS person_slug,
  p.name AS person_name, q.role, q.speaker_org, o.slug AS org_slug, o.name AS org_name, o.acronym AS org_acronym, q.published_at, q.source_id,
  s.name AS source_name, a.id AS article_id, a.title AS article_title, a.url AS article_url, a.original_url`;

export const QUOTE_JOINS = `FROM quotes q JOIN articles a ON a.id = q.article_id
  LEFT JOIN people p ON p.id = q.person_id LEFT JOIN organisations o ON o.id = q.organisation_id
  LEFT JOIN sources s ON s.id = q.source_id`;

/** Inclusive "to" date: anything that starts with it or sorts before it. */
const endOfDay = (to: string) => `${to}\uffff`;

/** Every filter and the search as SQL conditions on quotes `q`, each with its bound parameters. */
export function quoteConditions(f: QuoteFilters): SqlCondition[] {
  const out: SqlCondition[] = [];
  if (f.q?.trim()) out.push(...quoteSearchConditions(parseSearch(f.q)));
  // A scalar subquery (=, not IN) is an equality SQLite can seek on in quotes_by_person / quotes_by_org.
  if (f.speaker) out.push({ sql: 'q.person_id = (SELECT id FROM people WHERE slug = ?)', params: [f.speaker] });
  if (f.org) out.push({ sql: 'q.organisation_id = (SELECT id FROM organisations WHERE slug = ?)', params: [f.org], facet: { key: 'org', lookup: 'SELECT id FROM organisations WHERE slug = ?', params: [f.org] } });
  if (f.stance) out.push({ sql: 'q.stance = ?', params: [f.stance], facet: { key: 'stance', values: [f.stance] } });
  if (f.source) out.push({ sql: 'q.source_id = ?', params: [f.source], facet: { key: 'source', values: [f.source] } });
  if (f.kind) out.push({ sql: 'q.kind = ?', params: [f.kind] });
  if (f.from) out.push({ sql: 'q.published_at >= ?', params: [f.from] });
  if (f.to) out.push({ sql: 'q.published_at <= ?', params: [endOfDay(f.to)] });
  if (f.bodyOnly) out.push({ sql: "q.placement = 'body'", params: [] });
  return out;
}

export function joinConditions(conds: SqlCondition[]): { where: string; params: unknown[] } {
  return {
    where: conds.length ? `WHERE ${conds.map((c) => `(${c.sql})`).join(' AND ')}` : '',
    params: conds.flatMap((c) => c.params),
  };
}

export function encodeCursor(c: Cursor): string {
  return Buffer.from(JSON.stringify([c.publishedAt, c.id])).toString('base64url');
}

export function decodeCursor(raw: string): Cursor {
  try {
    const v = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8')) as unknown;
    if (Array.isArray(v) && v.length === 2 && (v[0] === null || typeof v[0] === 'string') && Number.isSafeInteger(v[1])) {
      return { publishedAt: v[0] as string | null, id: v[1] as number };
    }
  } catch {
    // fall through to the friendly error
  }
  throw new BadRequest('That "next page" link is not valid any more; start again from the first page.');
}

export interface Page<T> {
  rows: T[];
  next: string | null;
}

/**
 * One page in (published_at DESC, id DESC) order, dated rows first, then undated ones by id.
 * `select(extraCondition, order)` runs the caller's query with one more condition and its order.
 */
export function keysetPage<T extends { id: number; published_at: string | null }>(
  cursor: Cursor | null,
  limit: number,
  select: (extra: SqlCondition, order: string, limit: number) => T[],
  table = 'q',
): Page<T> {
  const rows: T[] = [];
  if (!cursor || cursor.publishedAt !== null) {
    const extra = cursor
      ? { sql: `${table}.published_at IS NOT NULL AND (${table}.published_at, ${table}.id) < (?, ?)`, params: [cursor.publishedAt, cursor.id] }
      : { sql: `${table}.published_at IS NOT NULL`, params: [] };
    rows.push(...select(extra, `${table}.published_at DESC, ${table}.id DESC`, limit + 1));
  }
  if (rows.length <= limit) {
    const extra = cursor && cursor.publishedAt === null
      ? { sql: `${table}.published_at IS NULL AND ${table}.id < ?`, params: [cursor.id] }
      : { sql: `${table}.published_at IS NULL`, params: [] };
    rows.push(...select(extra, `${table}.id DESC`, limit + 1 - rows.length));
  }
  const more = rows.length > limit;
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  return { rows: page, next: more && last ? encodeCursor({ publishedAt: last.published_at, id: last.id }) : null };
}

/** One page of the quote timeline. */
export function listQuotes(db: DB, filters: QuoteFilters, cursor: Cursor | null, limit: number): Page<TimelineQuote> {
  const base = planConditions(db, quoteConditions(filters));
  return keysetPage(cursor, limit, (extra, order, n) => {
    const { where, params } = joinConditions(pageConditions(db, [...base, extra], order, n));
    // Pick the page's ids first, then join: the joins run for the page, not for every match.
    return db
      .prepare(`SELECT ${QUOTE_COLUMNS} ${QUOTE_JOINS} WHERE q.id IN (SELECT q.id FROM quotes q ${where} ORDER BY ${order} LIMIT ?) ORDER BY ${order}`)
      .all(...params, n) as TimelineQuote[];
  });
}

/** Every matching quote, newest first (NULL dates sort last in DESC), read row by row: for exports of any size. */
export function iterateQuotes(db: DB, filters: QuoteFilters): IterableIterator<TimelineQuote> {
  const { where, params } = joinConditions(planConditions(db, quoteConditions(filters)));
  return db
    .prepare(`SELECT ${QUOTE_COLUMNS} ${QUOTE_JOINS} ${where} ORDER BY q.published_at DESC, q.id DESC`)
    .iterate(...params) as IterableIterator<TimelineQuote>;
}

/**
 * A second, read-only connection to the same file for long exports: while a statement iterates, better-sqlite3
 * keeps its connection busy, so the app's own connection must stay free for other requests. In-memory databases
 * cannot be reopened; they get null and the caller pages instead.
 */
export function openExportConnection(db: DB): DB | null {
  if (db.memory || !db.name) return null;
  const reader = new Database(db.name, { readonly: true, fileMustExist: true });
  reader.pragma('busy_timeout = 5000');
  return reader;
}
