// The timeline's article view: articles newest first with the same filters as quotes. Text search runs over
// the article title and body; quote-level filters (speaker, organisation, stance, kind) keep articles that have
// at least one matching quote. Exact duplicates are folded into their original.
import type { DB } from './connection.ts';
import { fieldCondition, parseSearch, type SqlCondition } from './search.ts';
import { joinConditions, keysetPage, type Cursor, type Page, type QuoteFilters } from './timeline.ts';
import { planConditions } from './fts-plan.ts';

export interface ArticleListRow {
  id: number;
  title: string;
  url: string;
  original_url: string | null;
  published_at: string | null;
  byline: string | null;
  partial: number;
  withdrawn: number;
  source_id: string | null;
  source_name: string | null;
  quote_count: number;
}

const ARTICLE_COLUMNS = `a.id, a.title, a.url, a.original_url, a.published_at, a.byline, a.partial, a.withdrawn, a.source_id,
  s.name AS source_name, (SELECT count(*) FROM quotes qc WHERE qc.article_id = a.id) AS quote_count`;

function articleConditions(f: QuoteFilters): SqlCondition[] {
  const out: SqlCondition[] = [{ sql: 'a.duplicate_of IS NULL', params: [] }];
  const quoteConds: SqlCondition[] = [];
  if (f.q?.trim()) {
    const p = parseSearch(f.q);
    if (p.match) out.push({ sql: 'a.id IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?)', params: [p.match], fts: { table: 'articles_fts', match: p.match } });
    for (const e of p.exclude) out.push({ sql: 'a.id NOT IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?)', params: [e] });
    for (const t of p.fields) {
      if (t.field === 'after') out.push({ sql: `${t.negated ? 'NOT ' : ''}a.published_at >= ?`, params: [t.value] });
      else if (t.field === 'before') out.push({ sql: `${t.negated ? 'NOT ' : ''}a.published_at < ?`, params: [t.value] });
      else quoteConds.push(fieldCondition(t));
    }
  }
  if (f.speaker) quoteConds.push({ sql: 'q.person_id = (SELECT id FROM people WHERE slug = ?)', params: [f.speaker] });
  if (f.org) quoteConds.push({ sql: 'q.organisation_id = (SELECT id FROM organisations WHERE slug = ?)', params: [f.org] });
  if (f.stance) quoteConds.push({ sql: 'q.stance = ?', params: [f.stance] });
  if (f.kind) quoteConds.push({ sql: 'q.kind = ?', params: [f.kind] });
  if (f.bodyOnly && quoteConds.length) quoteConds.push({ sql: "q.placement = 'body'", params: [] });
  if (quoteConds.length) {
    const { where, params } = joinConditions(quoteConds);
    // Walking articles in date order and probing each one's few quotes (quotes_by_article) stops at the page
    // size; collecting every matching quote's article first would read all of them.
    out.push({ sql: `EXISTS (SELECT 1 FROM quotes q ${where} AND q.article_id = a.id)`, params });
  }
  if (f.source) out.push({ sql: 'a.source_id = ?', params: [f.source] });
  if (f.from) out.push({ sql: 'a.published_at >= ?', params: [f.from] });
  if (f.to) out.push({ sql: 'a.published_at <= ?', params: [`${f.to}\uffff`] });
  return out;
}

const FROM = 'FROM articles a LEFT JOIN sources s ON s.id = a.source_id';

/** One page of articles. */
export function listArticles(db: DB, filters: QuoteFilters, cursor: Cursor | null, limit: number): Page<ArticleListRow> {
  const base = planConditions(db, articleConditions(filters));
  return keysetPage(
    cursor,
    limit,
    (extra, order, n) => {
      const { where, params } = joinConditions([...base, extra]);
      return db.prepare(`SELECT ${ARTICLE_COLUMNS} ${FROM} ${where} ORDER BY ${order} LIMIT ?`).all(...params, n) as ArticleListRow[];
    },
    'a',
  );
}

/** Every matching article, newest first, read row by row. */
export function iterateArticles(db: DB, filters: QuoteFilters): IterableIterator<ArticleListRow> {
  const { where, params } = joinConditions(planConditions(db, articleConditions(filters)));
  return db.prepare(`SELECT ${ARTICLE_COLUMNS} ${FROM} ${where} ORDER BY a.published_at DESC, a.id DESC`).iterate(...params) as IterableIterator<ArticleListRow>;
}
