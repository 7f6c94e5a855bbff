// The contract between the crawler and the scrapers. Scrapers are pure: a response body and its URL in,
// items and the next page out. They never fetch; the pipeline does.
import type { ScrapedArticle } from '../src/types.ts';
import type { SourceConfig } from '../src/source-registry.ts';

export interface ListedItem {
  /** The article's public URL (what is stored and shown). */
  url: string;
  /** The document to fetch for the full article when it differs from `url` (e.g. a JSON API). */
  fetchUrl?: string;
  title?: string | null;
  published?: string | null;
  summary?: string | null;
  /** The complete article, when the listing itself carries it (REST APIs, full-content feeds). */
  article?: ScrapedArticle | null;
}

export interface ListingPage {
  items: ListedItem[];
  /** The next (older) listing page, or null at the end. */
  next: string | null;
}

export interface ScrapeContext {
  /** Only items published on or after this date (YYYY-MM-DD) are wanted. */
  since?: string | null;
  guardianApiKey?: string;
}

export interface Scraper<S extends SourceConfig = SourceConfig> {
  /** Why this source cannot run now (e.g. a missing API key), or null. */
  unavailable?(source: S, ctx: ScrapeContext): string | null;
  firstPageUrl(source: S, ctx: ScrapeContext): string;
  parseListing(body: string, url: string, source: S): ListingPage;
  /** Whether the item's own page must be fetched to get the article. */
  needsItemFetch(item: ListedItem, source: S): boolean;
  /** The article from the item's fetched document; null when the document holds none. */
  parseItem(body: string, url: string, item: ListedItem, source: S): ScrapedArticle | null;
  /** Another way to read the source when its first page fails with this HTTP status (WordPress → /feed/). */
  fallback?(source: S, httpStatus: number | null): SourceConfig | null;
  /** An HTTP status on a later page that just means "no more pages". */
  endOfListingStatus?: number[];
}
