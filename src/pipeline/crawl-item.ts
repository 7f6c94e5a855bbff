// One listed item → one stored article (or one recorded failure). Called by crawl.ts for every item of a page.
import type { DB } from '../db/connection.ts';
import { findArticleByUrl } from '../db/articles.ts';
import { getValidators, saveValidators } from '../db/http-cache.ts';
import type { Fetcher } from '../fetch/fetcher.ts';
import type { SourceConfig } from '../source-registry.ts';
import type { ScrapedArticle } from '../types.ts';
import type { ListedItem, Scraper } from '../../scrapers/types.ts';
import { canonicalUrl } from './canonical-url.ts';
import { ingestArticle, type IngestStatus } from './ingest.ts';
import { redactUrl } from './redact.ts';

export type ItemOutcome = IngestStatus | 'skipped' | 'not-modified';

export interface ItemContext {
  db: DB;
  fetcher: Fetcher;
  source: SourceConfig;
  scraper: Scraper;
  /** Backfills do not re-read articles already stored; scheduled runs re-check them with a conditional GET. */
  backfill: boolean;
  now: () => Date;
  /** Stops the item's fetch when the crawl is being stopped. */
  signal?: AbortSignal;
}

/** Thrown when an item's document holds no article: recorded like a fetch failure. */
export class NoArticleError extends Error {}

export function isKnown(db: DB, item: ListedItem): boolean {
  return findArticleByUrl(db, canonicalUrl(item.url)) !== null;
}

/** A summary-only item that will not be fetched is stored as what it is: a partial article. */
function summaryArticle(item: ListedItem): ScrapedArticle | null {
  if (!item.title || !item.summary) return null;
  return { url: item.url, title: item.title, published: item.published ?? null, text: item.summary, standfirst: item.summary, partial: true, rawType: 'text', raw: item.summary };
}

export async function processItem(ctx: ItemContext, item: ListedItem, known: boolean): Promise<ItemOutcome> {
  const { db, scraper, source } = ctx;
  if (!scraper.needsItemFetch(item, source)) {
    const article = item.article ?? summaryArticle(item);
    if (!article) throw new NoArticleError('the listing gives no text for this item');
    return ingestArticle(db, source.id, article, ctx.now()).status;
  }
  if (known && ctx.backfill) return 'skipped';
  const fetchUrl = item.fetchUrl ?? item.url;
  const cacheKey = redactUrl(fetchUrl);
  // Validators only when the article is stored: a 304 must never stand in for content we do not have.
  const res = await ctx.fetcher.fetch(fetchUrl, { validators: known ? getValidators(db, cacheKey) : null, signal: ctx.signal });
  if (res.notModified) return 'not-modified';
  const article = scraper.parseItem(res.body, res.url, item, source);
  if (!article) throw new NoArticleError('no article found on the page');
  // Keep the listed URL as the one seen, so the next run recognises the item even if the page declares another.
  const stored = ingestArticle(db, source.id, { ...article, url: item.url, canonicalUrl: article.canonicalUrl ?? res.url }, ctx.now());
  saveValidators(db, cacheKey, res.validators, res.status, ctx.now().toISOString());
  return stored.status;
}
