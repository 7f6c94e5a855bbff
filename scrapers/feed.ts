// RSS 2.0, Atom and RDF feeds via @rowanmanning/feed-parser (CDATA, entities, relative links handled there).
// A feed that carries the full text (content:encoded, Atom content) gives the article directly; a summary-only
// feed gives the link, and the article page is fetched.
import { parseFeed } from '@rowanmanning/feed-parser';
import { ParseError } from '../src/errors.ts';
import type { SourceOf } from '../src/source-registry.ts';
import type { ScrapedArticle } from '../src/types.ts';
import { extractArticle } from './article.ts';
import { fragmentText, inlineText } from './fragment.ts';
import type { ListedItem, ListingPage, Scraper } from './types.ts';
import { httpUrl } from './urls.ts';

type FeedSource = SourceOf<'feed'>;

/** Feed content shorter than this is a summary, not the article. */
const FULL_TEXT_CHARS = 800;

type Feed = ReturnType<typeof parseFeed>;
type FeedItem = Feed['items'][number];

/** Parses a feed document; throws ParseError when the body is not a feed at all. */
export function readFeed(body: string, url: string): Feed {
  const root = body.match(/<(rss|feed|rdf:RDF)[\s>]/i)?.[1];
  if (!root) throw new ParseError('not an RSS, Atom or RDF feed', url);
  // The parser is lenient; a document cut off before its closing root tag would silently lose items.
  if (!new RegExp(`</${root}\\s*>\\s*$`, 'i').test(body)) throw new ParseError(`malformed feed: the document ends before </${root}>`, url);
  try {
    return parseFeed(body);
  } catch (err) {
    throw new ParseError(`malformed feed: ${(err as Error).message}`, url, { cause: err });
  }
}

function toItem(entry: FeedItem, feedUrl: string): ListedItem | null {
  const url = httpUrl(entry.url, feedUrl);
  if (!url) return null;
  const published = (entry.published ?? entry.updated)?.toISOString() ?? null;
  const title = inlineText(entry.title);
  const summary = inlineText(entry.description) || null;
  const text = fragmentText(entry.content);
  const byline = entry.authors.map((a) => a.name).filter(Boolean).join(', ') || null;
  const article: ScrapedArticle | null =
    text.length >= FULL_TEXT_CHARS && title
      ? { url, title, standfirst: summary, published, modified: entry.updated?.toISOString() ?? null, byline, text, raw: entry.content, rawType: 'html', partial: false }
      : null;
  return { url, title: title || null, published, summary, article };
}

export function parseFeedListing(body: string, url: string, pageParam?: string): ListingPage {
  const feed = readFeed(body, url);
  const items = feed.items.map((e) => toItem(e, url)).filter((i): i is ListedItem => i !== null);
  if (!items.length && feed.items.length) throw new ParseError('malformed feed: no item has a usable link', url);
  return { items, next: pageParam && items.length ? nextFeedPage(url, pageParam) : null };
}

function nextFeedPage(url: string, param: string): string {
  const u = new URL(url);
  u.searchParams.set(param, String(Number(u.searchParams.get(param) ?? '1') + 1));
  return u.href;
}

export const feedScraper: Scraper<FeedSource> = {
  firstPageUrl: (source) => source.urls[0]!,
  parseListing: (body, url, source) => parseFeedListing(body, url, source.options.pageParam),
  needsItemFetch: (item, source) =>
    source.options.fetchPages === 'always' || (source.options.fetchPages === 'auto' && !item.article),
  parseItem(body, url, item) {
    const page = extractArticle(body, url);
    if (!page) return null;
    // The feed's own date and title are the publisher's metadata; the page fills what the feed lacks.
    return { ...page, title: page.title || item.title || '', published: page.published ?? item.published ?? null, standfirst: page.standfirst ?? item.summary ?? null };
  },
};
