// Stores one scraped article: canonical URL, exact-duplicate check, NLP, then the article and its quotes
// in a single transaction, so a crash never leaves an article without its quotes.
import { createHash } from 'node:crypto';
import type { DB } from '../db/connection.ts';
import type { ArticleRow } from '../db/articles.ts';
import { addArticleUrl, findArticleByUrl, getArticle, findArticleIdByHash, insertArticle, markArticleProcessed, setDuplicateOf, updateArticle } from '../db/articles.ts';
import { replaceArticleQuotes } from '../db/quotes.ts';
import type { AnalysedQuote, ScrapedArticle } from '../types.ts';
import { reapplyCorrections } from '../db/corrections.ts';
import { analyseArticle, NLP_VERSION } from '../nlp/analyse.ts';
import { canonicalUrl } from './canonical-url.ts';
import { findNearDuplicate } from './near-duplicates.ts';
import { setSimhash } from '../db/simhashes.ts';
import { resolveQuoteLinks } from './quote-links.ts';
import { normaliseDate } from './dates.ts';

export type IngestStatus = 'new' | 'updated' | 'unchanged' | 'duplicate';

export interface IngestResult {
  status: IngestStatus;
  articleId: number;
  quotes: number;
}

export function contentHash(title: string, text: string): string {
  return createHash('sha256').update(title.trim()).update('\n').update(text).digest('hex');
}

/** Line endings and trailing spaces differ between fetches of the same page; they must not change the hash. */
export function normaliseBody(text: string): string {
  return text.replace(/\r\n?/g, '\n').replace(/[ \t]+\n/g, '\n').trim();
}

export function ingestArticle(db: DB, sourceId: string | null, article: ScrapedArticle, now = new Date()): IngestResult {
  const url = canonicalUrl(article.canonicalUrl ?? article.url);
  const seenUrl = canonicalUrl(article.url);
  const body = normaliseBody(article.text);
  const hash = contentHash(article.title, body);

  const existing = findArticleByUrl(db, url) ?? (seenUrl !== url ? findArticleByUrl(db, seenUrl) : null);
  if (existing && existing.content_hash === hash) return { status: 'unchanged', articleId: existing.id, quotes: 0 };
  if (!existing) {
    const sameContent = findArticleIdByHash(db, hash);
    if (sameContent !== null) {
      addArticleUrl(db, url, sameContent);
      return { status: 'duplicate', articleId: sameContent, quotes: 0 };
    }
  }

  const row: ArticleRow = {
    sourceId,
    url: existing?.url ?? url,
    originalUrl: article.url,
    title: article.title.trim() || '(untitled)',
    standfirst: article.standfirst ?? null,
    publishedAt: normaliseDate(article.published),
    modifiedAt: normaliseDate(article.modified),
    byline: article.byline ?? null,
    body,
    raw: article.raw ?? null,
    rawType: article.rawType ?? null,
    contentHash: hash,
    partial: article.partial ?? false,
    withdrawn: article.withdrawn ?? false,
    documentType: article.documentType ?? null,
    fetchedAt: now.toISOString(),
  };
  // NLP is pure and slow-ish: run it before taking the write lock.
  const quotes = analyseArticle({ title: row.title, text: body, published: row.publishedAt });
  const near = findNearDuplicate(db, body, row.publishedAt);

  const store = db.transaction(() => {
    const articleId = existing ? (updateArticle(db, existing.id, row), existing.id) : insertArticle(db, row);
    if (seenUrl !== row.url) addArticleUrl(db, seenUrl, articleId);
    setSimhash(db, articleId, near.fingerprint);
    if (!existing && near.duplicateOf !== null) setDuplicateOf(db, articleId, near.duplicateOf);
    storeQuotes(db, { id: articleId, publishedAt: row.publishedAt, sourceId: row.sourceId }, quotes, now);
    return articleId;
  });
  const articleId = store();
  return { status: existing ? 'updated' : 'new', articleId, quotes: quotes.length };
}

/** Re-runs NLP over one stored article; quote ids with unchanged spans and every correction survive. */
export function reprocessArticle(db: DB, articleId: number, now = new Date()): number {
  const article = getArticle(db, articleId);
  if (!article) throw new Error(`article ${articleId} does not exist`);
  const quotes = analyseArticle({ title: article.title, text: article.body, published: article.published_at });
  db.transaction(() => storeQuotes(db, { id: article.id, publishedAt: article.published_at, sourceId: article.source_id }, quotes, now))();
  return quotes.length;
}

function storeQuotes(db: DB, article: { id: number; publishedAt: string | null; sourceId: string | null }, quotes: AnalysedQuote[], now: Date): void {
  replaceArticleQuotes(db, article, resolveQuoteLinks(db, quotes, article.publishedAt));
  reapplyCorrections(db, article.id);
  markArticleProcessed(db, article.id, NLP_VERSION, now.toISOString());
}
