// SQL for the articles table and the other URLs an article was seen at.
import { gunzipSync, gzipSync } from 'node:zlib';
import { cachedStatement, type DB } from './connection.ts';

export interface ArticleRow {
  sourceId: string | null;
  url: string;
  originalUrl: string | null;
  title: string;
  standfirst: string | null;
  publishedAt: string | null;
  modifiedAt: string | null;
  byline: string | null;
  body: string;
  raw: string | null;
  rawType: string | null;
  contentHash: string;
  partial: boolean;
  withdrawn: boolean;
  documentType: string | null;
  fetchedAt: string;
}

/** What ingest learns about a new article besides its content, stored with it in one INSERT. */
export interface ArticleDerived {
  /** SimHash fingerprint; '' for a text too short to fingerprint. */
  simhash?: string | null;
  duplicateOf?: number | null;
  processedAt?: string | null;
  nlpVersion?: number | null;
}

/** The fields ingest needs to decide whether a fetched page is new, changed or already stored. */
export interface ArticleRef {
  id: number;
  url: string;
  content_hash: string;
}

export interface StoredArticle {
  id: number;
  source_id: string | null;
  url: string;
  title: string;
  body: string;
  published_at: string | null;
  content_hash: string;
}

const toParams = (a: ArticleRow) => ({
  source_id: a.sourceId,
  url: a.url,
  original_url: a.originalUrl,
  title: a.title,
  standfirst: a.standfirst,
  published_at: a.publishedAt,
  modified_at: a.modifiedAt,
  byline: a.byline,
  body: a.body,
  raw: a.raw === null ? null : gzipSync(a.raw),
  raw_type: a.rawType,
  content_hash: a.contentHash,
  partial: a.partial ? 1 : 0,
  withdrawn: a.withdrawn ? 1 : 0,
  document_type: a.documentType,
  fetched_at: a.fetchedAt,
});

/** Finds an article by its canonical URL or by any other URL it was seen at. */
export function findArticleByUrl(db: DB, url: string): ArticleRef | null {
  const row = cachedStatement(db,
    `SELECT id, url, content_hash FROM articles WHERE url = ?
     UNION ALL
     SELECT a.id, a.url, a.content_hash FROM article_urls u JOIN articles a ON a.id = u.article_id WHERE u.url = ?
     LIMIT 1`,
  ).get(url, url) as ArticleRef | undefined;
  return row ?? null;
}

export function findArticleIdByHash(db: DB, contentHash: string): number | null {
  const row = cachedStatement(db, 'SELECT id FROM articles WHERE content_hash = ? ORDER BY id LIMIT 1').get(contentHash) as { id: number } | undefined;
  return row?.id ?? null;
}

/** Inserts a new article, with what ingest derived from it in the same row write (a body spans several pages,
 * so each later UPDATE of the row would rewrite them all). */
export function insertArticle(db: DB, article: ArticleRow, derived: ArticleDerived = {}): number {
  const info = cachedStatement(db,
    `INSERT INTO articles (source_id, url, original_url, title, standfirst, published_at, modified_at, byline, body, raw, raw_type,
       content_hash, partial, withdrawn, document_type, fetched_at, simhash, duplicate_of, processed_at, nlp_version)
     VALUES (@source_id, @url, @original_url, @title, @standfirst, @published_at, @modified_at, @byline, @body, @raw, @raw_type,
       @content_hash, @partial, @withdrawn, @document_type, @fetched_at, @simhash, @duplicate_of, @processed_at, @nlp_version)`,
  ).run({
    ...toParams(article),
    simhash: derived.simhash ?? null,
    duplicate_of: derived.duplicateOf ?? null,
    processed_at: derived.processedAt ?? null,
    nlp_version: derived.nlpVersion ?? null,
  });
  return Number(info.lastInsertRowid);
}

/** Replaces an article's content in place, keeping its id (and so every permalink to it). */
export function updateArticle(db: DB, id: number, article: ArticleRow): void {
  cachedStatement(db,
    `UPDATE articles SET source_id = COALESCE(@source_id, source_id), original_url = @original_url, title = @title, standfirst = @standfirst,
       published_at = COALESCE(@published_at, published_at), modified_at = @modified_at, byline = @byline, body = @body,
       raw = @raw, raw_type = @raw_type, content_hash = @content_hash, partial = @partial, withdrawn = @withdrawn,
       document_type = @document_type, fetched_at = @fetched_at
     WHERE id = @id`,
  ).run({ ...toParams(article), id });
}

export function addArticleUrl(db: DB, url: string, articleId: number): void {
  cachedStatement(db, 'INSERT OR IGNORE INTO article_urls (url, article_id) VALUES (?, ?)').run(url, articleId);
}

export function markArticleProcessed(db: DB, id: number, nlpVersion: number, at: string): void {
  cachedStatement(db, 'UPDATE articles SET processed_at = ?, nlp_version = ? WHERE id = ?').run(at, nlpVersion, id);
}

export function setDuplicateOf(db: DB, id: number, duplicateOf: number | null): void {
  cachedStatement(db, 'UPDATE articles SET duplicate_of = ? WHERE id = ?').run(duplicateOf, id);
}

export function articleIds(db: DB, opts: { staleBefore?: number } = {}): number[] {
  const sql =
    opts.staleBefore === undefined
      ? 'SELECT id FROM articles ORDER BY id'
      : 'SELECT id FROM articles WHERE nlp_version IS NULL OR nlp_version < ? ORDER BY id';
  const stmt = cachedStatement(db, sql).pluck();
  return (opts.staleBefore === undefined ? stmt.all() : stmt.all(opts.staleBefore)) as number[];
}

export function getArticle(db: DB, id: number): StoredArticle | null {
  const row = cachedStatement(db, 'SELECT id, source_id, url, title, body, published_at, content_hash FROM articles WHERE id = ?').get(id);
  return (row as StoredArticle | undefined) ?? null;
}

export function getArticleRaw(db: DB, id: number): { raw: string; rawType: string | null } | null {
  const row = cachedStatement(db, 'SELECT raw, raw_type FROM articles WHERE id = ?').get(id) as { raw: Buffer | null; raw_type: string | null } | undefined;
  if (!row?.raw) return null;
  return { raw: gunzipSync(row.raw).toString('utf8'), rawType: row.raw_type };
}

export function countArticles(db: DB): number {
  return cachedStatement(db, 'SELECT COUNT(*) FROM articles').pluck().get() as number;
}
