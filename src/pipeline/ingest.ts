// Stores scraped articles: canonical URL, exact-duplicate check, NLP, then the article and its quotes in one
// transaction (a savepoint when several articles share one), so a crash or a failure never leaves an article
// without its quotes. NLP and fingerprinting are pure and run before the write lock is taken.
import { createHash } from 'node:crypto';
import type { DB } from '../db/connection.ts';
import type { ArticleRef, ArticleRow, StoredArticle } from '../db/articles.ts';
import { addArticleUrl, findArticleByUrl, getArticle, findArticleIdByHash, insertArticle, markArticleProcessed, updateArticle } from '../db/articles.ts';
import { replaceArticleQuotes } from '../db/quotes.ts';
import type { AnalysedQuote, ArticleContext, ScrapedArticle } from '../types.ts';
import { reapplyCorrections } from '../db/corrections.ts';
import { analyseArticle, NLP_VERSION } from '../nlp/analyse.ts';
import { canonicalUrl } from './canonical-url.ts';
import { toError } from '../errors.ts';
import { findNearDuplicate } from './near-duplicates.ts';
import { analyseForStore, type ArticleAnalysis } from './article-analysis.ts';
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

/** An article checked against the store, not yet analysed; a copy of stored content needs no analysis. */
export interface Prepared {
  url: string;
  seenUrl: string;
  row: ArticleRow;
  copy: boolean;
}

/** An article analysed and ready to store: everything that does not need the write lock is done. */
export type Analysed = Prepared & ArticleAnalysis;

/** Runs the NLP stage of one article elsewhere (a pool of worker threads: src/pipeline/analysis-pool.ts). */
export type Analyser = (ctx: ArticleContext) => Promise<ArticleAnalysis>;

export function ingestArticle(db: DB, sourceId: string | null, article: ScrapedArticle, now = new Date()): IngestResult {
  const a = analyse(db, sourceId, article, now);
  return 'status' in a ? a : db.transaction(() => store(db, a, now))();
}

/**
 * Ingests several articles with one commit (imports and backfills: a commit per article costs nearly as much as
 * storing it). Each article is stored in a savepoint of its own, so one that fails is not stored at all and
 * the others are; its slot in the result holds the error. If the commit itself fails, nothing is stored and
 * the error is thrown.
 */
export function ingestArticles(db: DB, sourceId: string | null, articles: ScrapedArticle[], now = new Date()): Array<IngestResult | Error> {
  return storeAll(db, articles.map((article) => attempt(() => analyse(db, sourceId, article, now))), now);
}

/**
 * `ingestArticles` with the NLP stage run by `analyser` (worker threads). Same results: the checks against the store
 * run now, before any await, and the store checks again when it stores.
 */
export async function ingestArticlesWith(analyser: Analyser, db: DB, sourceId: string | null, articles: ScrapedArticle[], now = new Date()): Promise<Array<IngestResult | Error>> {
  return storeAnalysed(db, await analyseArticlesWith(analyser, db, sourceId, articles, now));
}

/** Articles analysed (or already known, or failed), in order, waiting for `storeAnalysed`. */
export interface AnalysedBatch {
  sourceId: string | null;
  articles: ScrapedArticle[];
  items: Array<IngestResult | Analysed | Error>;
  now: Date;
}

/**
 * The first half of `ingestArticlesWith`: checks the articles against the store now and has `analyser` analyse
 * them. A caller can analyse the next batch while it stores this one, provided it stores batches in order.
 */
export async function analyseArticlesWith(analyser: Analyser, db: DB, sourceId: string | null, articles: ScrapedArticle[], now = new Date()): Promise<AnalysedBatch> {
  const items = await Promise.all(articles.map(async (article): Promise<IngestResult | Analysed | Error> => {
    const p = attempt(() => prepare(db, sourceId, article, now));
    if (p instanceof Error || 'status' in p) return p;
    try {
      return { ...p, ...(p.copy ? NOTHING : await analyser(analysisInput(p))) };
    } catch (err) {
      return toError(err);
    }
  }));
  return { sourceId, articles, items, now };
}

/**
 * The second half: stores a batch with one commit, as `ingestArticles` does. Each article is first checked against
 * the store again, as it is now (the batch before may have been stored since its analysis began), so the results
 * are those `ingestArticles` gives when called now; an article that became stale is analysed here.
 */
export function storeAnalysed(db: DB, batch: AnalysedBatch): Array<IngestResult | Error> {
  const items = batch.items.map((item, k) => (item instanceof Error ? item : attempt(() => recheck(db, batch, k, item))));
  return storeAll(db, items, batch.now);
}

function recheck(db: DB, batch: AnalysedBatch, k: number, item: IngestResult | Analysed): IngestResult | Analysed {
  const p = 'status' in item ? prepare(db, batch.sourceId, batch.articles[k]!, batch.now) : prepareAgain(db, item);
  if ('status' in p) return p;
  if (p.copy) return { ...p, ...NOTHING };
  return 'status' in item || item.copy ? { ...p, ...analyseForStore(analysisInput(p)) } : item;
}

/** Stores analysed articles with one commit, each in a savepoint of its own. */
function storeAll(db: DB, analysed: Array<IngestResult | Analysed | Error>, now: Date): Array<IngestResult | Error> {
  const orgIds = new Map<string, number | null>();
  const storeOne = db.transaction((a: Analysed) => store(db, a, now, orgIds));
  return db.transaction(() =>
    analysed.map((a) => {
      if (a instanceof Error || 'status' in a) return a;
      const stored = attempt(() => storeOne(a));
      // Its savepoint is rolled back: an organisation it added is gone.
      if (stored instanceof Error) orgIds.clear();
      // SQLite rolls the whole transaction back on some errors (a full disk): then the batch is lost, not half-stored.
      if (!db.inTransaction) throw stored;
      return stored;
    }),
  )();
}

function attempt<T>(fn: () => T): T | Error {
  try {
    return fn();
  } catch (err) {
    return toError(err);
  }
}

/** Everything before the store: a result when the article is already stored, else the article analysed. */
function analyse(db: DB, sourceId: string | null, article: ScrapedArticle, now: Date): IngestResult | Analysed {
  const p = prepare(db, sourceId, article, now);
  return 'status' in p ? p : { ...p, ...(p.copy ? NOTHING : analyseForStore(analysisInput(p))) };
}

const NOTHING: ArticleAnalysis = { quotes: [], fingerprint: null };
const analysisInput = (p: Prepared): ArticleContext => ({ title: p.row.title, text: p.row.body, published: p.row.publishedAt });

/** Reads only: a result when the article is already stored, else its row, ready for analysis. */
function prepare(db: DB, sourceId: string | null, article: ScrapedArticle, now: Date): IngestResult | Prepared {
  const seenUrl = canonicalUrl(article.url);
  const url = article.canonicalUrl ? canonicalUrl(article.canonicalUrl) : seenUrl;
  const body = normaliseBody(article.text);
  const hash = contentHash(article.title, body);
  const known = storedResult(db, url, seenUrl, hash);
  if (known?.status === 'unchanged') return known;

  const row: ArticleRow = {
    sourceId,
    url,
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
  // A copy of stored content needs no analysis: store() records its URL, inside the transaction.
  return { url, seenUrl, row, copy: known !== null };
}

/** `prepare` for an article prepared before: its URLs, row and hash are pure, so only the store's answer can differ. */
function prepareAgain(db: DB, { url, seenUrl, row }: Prepared): IngestResult | Prepared {
  const known = storedResult(db, url, seenUrl, row.contentHash);
  return known?.status === 'unchanged' ? known : { url, seenUrl, row, copy: known !== null };
}

/** The result for an article whose content is already stored (under its URL, or under another URL), else null. Reads only. */
function storedResult(db: DB, url: string, seenUrl: string, hash: string, existing = findExisting(db, url, seenUrl)): IngestResult | null {
  if (existing) return existing.content_hash === hash ? { status: 'unchanged', articleId: existing.id, quotes: 0 } : null;
  const sameContent = findArticleIdByHash(db, hash);
  return sameContent === null ? null : { status: 'duplicate', articleId: sameContent, quotes: 0 };
}

function findExisting(db: DB, url: string, seenUrl: string): ArticleRef | null {
  return findArticleByUrl(db, url) ?? (seenUrl !== url ? findArticleByUrl(db, seenUrl) : null);
}

/** Stores an analysed article; call inside a transaction. Looks again, since the store may have changed since
 * `analyse` (another process, or an earlier article of the same batch). */
function store(db: DB, a: Analysed, now: Date, orgIds?: Map<string, number | null>): IngestResult {
  const existing = findExisting(db, a.url, a.seenUrl);
  const known = storedResult(db, a.url, a.seenUrl, a.row.contentHash, existing);
  if (known) {
    // Stored content under a new URL: the URL is remembered, so its next fetch is known at once.
    if (known.status === 'duplicate') addArticleUrl(db, a.url, known.articleId);
    return known;
  }
  const near = findNearDuplicate(db, a.row.body, a.row.publishedAt, a.fingerprint);
  const article = { publishedAt: a.row.publishedAt, sourceId: a.row.sourceId };
  let articleId: number;
  if (existing) {
    articleId = existing.id;
    updateArticle(db, articleId, { ...a.row, url: existing.url });
    setSimhash(db, articleId, near.fingerprint);
    storeQuotes(db, { id: articleId, ...article }, a.quotes, now);
  } else {
    // A new article has no corrections yet, and its speakers were resolved through merges: nothing to reapply.
    const derived = { simhash: near.fingerprint ?? '', duplicateOf: near.duplicateOf, processedAt: now.toISOString(), nlpVersion: NLP_VERSION };
    articleId = insertArticle(db, a.row, derived);
    replaceArticleQuotes(db, { id: articleId, ...article }, resolveQuoteLinks(db, a.quotes, a.row.publishedAt, orgIds));
  }
  if (a.seenUrl !== (existing?.url ?? a.url)) addArticleUrl(db, a.seenUrl, articleId);
  return { status: existing ? 'updated' : 'new', articleId, quotes: a.quotes.length };
}

/** Re-runs NLP over one stored article; quote ids with unchanged spans and every correction survive. */
export function reprocessArticle(db: DB, articleId: number, now = new Date()): number {
  const article = storedArticle(db, articleId);
  return storeReprocessed(db, article, analyseArticle(reprocessInput(article)), now);
}

/** Articles analysed ahead of the one being stored when reprocessing on worker threads. */
const REPROCESS_AHEAD = 64;

/**
 * `reprocessArticle` over many articles with the NLP stage run by `analyser` (worker threads): articles are read and
 * sent ahead, and stored in order, each in its own transaction. `onDone` gets each id with its quote count or error.
 */
export async function reprocessArticlesWith(analyser: Analyser, db: DB, ids: number[], onDone: (id: number, result: number | Error) => void, now = new Date()): Promise<void> {
  const pending: Array<{ id: number; article: StoredArticle | Error; analysed: Promise<ArticleAnalysis | Error> }> = [];
  const storeNext = async () => {
    const { id, article, analysed } = pending.shift()!;
    const a = article instanceof Error ? article : await analysed;
    onDone(id, a instanceof Error ? a : attempt(() => storeReprocessed(db, article as StoredArticle, a.quotes, now)));
  };
  for (const id of ids) {
    const article = attempt(() => storedArticle(db, id));
    const analysed = article instanceof Error ? Promise.resolve(article) : analyser(reprocessInput(article)).catch(toError);
    pending.push({ id, article, analysed });
    if (pending.length >= REPROCESS_AHEAD) await storeNext();
  }
  while (pending.length) await storeNext();
}

function storedArticle(db: DB, articleId: number): StoredArticle {
  const article = getArticle(db, articleId);
  if (!article) throw new Error(`article ${articleId} does not exist`);
  return article;
}

const reprocessInput = (article: StoredArticle): ArticleContext => ({ title: article.title, text: article.body, published: article.published_at });

function storeReprocessed(db: DB, article: StoredArticle, quotes: AnalysedQuote[], now: Date): number {
  db.transaction(() => storeQuotes(db, { id: article.id, publishedAt: article.published_at, sourceId: article.source_id }, quotes, now))();
  return quotes.length;
}

function storeQuotes(db: DB, article: { id: number; publishedAt: string | null; sourceId: string | null }, quotes: AnalysedQuote[], now: Date): void {
  replaceArticleQuotes(db, article, resolveQuoteLinks(db, quotes, article.publishedAt));
  reapplyCorrections(db, article.id);
  markArticleProcessed(db, article.id, NLP_VERSION, now.toISOString());
}
