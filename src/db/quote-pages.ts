// Read queries for the quote permalink and article pages.
import type { DB } from './connection.ts';
import { QUOTE_COLUMNS, QUOTE_JOINS, type TimelineQuote } from './timeline.ts';

export interface QuoteDetail extends TimelineQuote {
  start: number;
  end: number;
  person_id: number | null;
  organisation_id: number | null;
  cue: string | null;
  stance_cues: string;
  confidence: number | null;
  sentiment: number | null;
  body: string;
  byline: string | null;
  fetched_at: string;
  processed_at: string | null;
  partial: number;
}

export function quoteDetail(db: DB, id: number): QuoteDetail | null {
  return (db
    .prepare(
      `SELECT ${QUOTE_COLUMNS}, q.start, q."end", q.person_id, q.organisation_id, q.cue, q.stance_cues, q.confidence, q.sentiment,
              a.body, a.byline, a.fetched_at, a.processed_at, a.partial
         ${QUOTE_JOINS} WHERE q.id = ?`,
    )
    .get(id) as QuoteDetail | undefined) ?? null;
}

export interface RoleRow {
  role: string;
  from_date: string | null;
  to_date: string | null;
  source_url: string | null;
  org_slug: string | null;
  org_name: string | null;
}

/** The roles a person held on a date (or every role when the date is unknown), most recent first. */
export function rolesAt(db: DB, personId: number, date: string | null): RoleRow[] {
  const day = date?.slice(0, 10) ?? null;
  return db
    .prepare(
      `SELECT r.role, r.from_date, r.to_date, r.source_url, o.slug AS org_slug, o.name AS org_name
         FROM person_roles r LEFT JOIN organisations o ON o.id = r.organisation_id
        WHERE r.person_id = ? AND (? IS NULL OR ((r.from_date IS NULL OR r.from_date <= ?) AND (r.to_date IS NULL OR r.to_date >= ?)))
        ORDER BY r.from_date DESC`,
    )
    .all(personId, day, day, day) as RoleRow[];
}

export interface ArticleDetail {
  id: number;
  title: string;
  url: string;
  original_url: string | null;
  standfirst: string | null;
  published_at: string | null;
  modified_at: string | null;
  byline: string | null;
  body: string;
  partial: number;
  withdrawn: number;
  duplicate_of: number | null;
  fetched_at: string;
  processed_at: string | null;
  source_id: string | null;
  source_name: string | null;
}

export function articleDetail(db: DB, id: number): ArticleDetail | null {
  return (db
    .prepare(
      `SELECT a.id, a.title, a.url, a.original_url, a.standfirst, a.published_at, a.modified_at, a.byline, a.body, a.partial, a.withdrawn,
              a.duplicate_of, a.fetched_at, a.processed_at, a.source_id, s.name AS source_name
         FROM articles a LEFT JOIN sources s ON s.id = a.source_id WHERE a.id = ?`,
    )
    .get(id) as ArticleDetail | undefined) ?? null;
}

export interface ArticleQuote extends TimelineQuote {
  start: number;
  end: number;
}

export function articleQuotes(db: DB, articleId: number): ArticleQuote[] {
  return db
    .prepare(`SELECT ${QUOTE_COLUMNS}, q.start, q."end" ${QUOTE_JOINS} WHERE q.article_id = ? ORDER BY q.start, q.id`)
    .all(articleId) as ArticleQuote[];
}

export interface OtherCopy {
  url: string;
  article_id: number | null;
  title: string | null;
  source_name: string | null;
}

/** Other places the same article was published: URLs it was seen at, its original, and its duplicates. */
export function otherCopies(db: DB, a: ArticleDetail): OtherCopy[] {
  return db
    .prepare(
      `SELECT u.url, NULL AS article_id, NULL AS title, NULL AS source_name FROM article_urls u WHERE u.article_id = ? AND u.url <> ?
       UNION ALL
       SELECT coalesce(d.original_url, d.url), d.id, d.title, s.name FROM articles d LEFT JOIN sources s ON s.id = d.source_id
        WHERE d.duplicate_of = ? OR d.id = ?
       ORDER BY 1`,
    )
    .all(a.id, a.url, a.id, a.duplicate_of ?? -1) as OtherCopy[];
}
