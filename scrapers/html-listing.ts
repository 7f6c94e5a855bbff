// Sites without a feed or API: listing pages read with CSS selectors kept in the registry (so a changed
// layout is fixed in data/sources.json, not in code), then each article page through extractArticle.
import * as cheerio from 'cheerio';
import type { SourceOf } from '../src/source-registry.ts';
import { normaliseDate } from './article-metadata.ts';
import { extractArticle } from './article.ts';
import type { ListedItem, ListingPage, Scraper } from './types.ts';
import { httpUrl } from './urls.ts';

type HtmlListingSource = SourceOf<'html-listing'>;

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** Midnight UTC of a calendar day, or null for a day that does not exist (31/02). */
function utcDay(year: number, month: number, day: number): string | null {
  const d = new Date(Date.UTC(year, month - 1, day));
  return d.getUTCMonth() === month - 1 && d.getUTCDate() === day ? normaliseDate(d.toISOString()) : null;
}

/** Listing dates: ISO, "05/03/2024" (day first unless told otherwise) or "5 March 2024". */
export function parseListingDate(text: string | null | undefined, order: 'dmy' | 'mdy' = 'dmy'): string | null {
  if (!text) return null;
  const t = text.trim();
  const numeric = t.match(/\b(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})\b/);
  if (numeric) {
    const [a, b] = [Number(numeric[1]), Number(numeric[2])];
    const [day, month] = order === 'dmy' ? [a, b] : [b, a];
    return utcDay(Number(numeric[3]), month, day);
  }
  const worded = t.match(/\b(\d{1,2})(?:st|nd|rd|th)?\s+([A-Za-z]{3,})\.?,?\s+(\d{4})\b/);
  if (worded) {
    const month = MONTHS.indexOf(worded[2]!.slice(0, 3).toLowerCase());
    if (month >= 0) return utcDay(Number(worded[3]), month + 1, Number(worded[1]));
  }
  return normaliseDate(t);
}

/** Listed articles live on the listing's own site; share buttons and adverts point elsewhere. */
function sameSite(a: string, b: string): boolean {
  const host = (u: string) => new URL(u).hostname.replace(/^www\./, '');
  return host(a) === host(b);
}

/** The page-number URL after `url`, when the source's first URL is a {page} template. */
function templateNext(source: HtmlListingSource, url: string): string | null {
  const template = source.urls[0]!;
  if (!template.includes('{page}')) return null;
  const [before, after] = template.split('{page}') as [string, string];
  if (!url.startsWith(before) || !url.endsWith(after)) return null;
  const page = Number(url.slice(before.length, url.length - after.length));
  return Number.isInteger(page) ? template.replace('{page}', String(page + 1)) : null;
}

export function parseHtmlListing(body: string, url: string, source: HtmlListingSource): ListingPage {
  const $ = cheerio.load(body);
  const { selectors, dateOrder, linkPattern } = source.options;
  const pattern = linkPattern ? new RegExp(linkPattern) : null;
  const seen = new Set<string>();
  const items: ListedItem[] = [];
  $(selectors.item).each((_, el) => {
    const node = $(el);
    const link = selectors.link ? node.find(selectors.link).first() : node.is('a') ? node : node.find('a[href]').first();
    const href = link.attr('href')?.startsWith('#') ? null : httpUrl(link.attr('href'), url);
    if (!href || seen.has(href) || !sameSite(href, url) || (pattern && !pattern.test(new URL(href).pathname))) return;
    seen.add(href);
    const titleText = (selectors.title ? node.find(selectors.title).first().text() : link.text()).replace(/\s+/g, ' ').trim();
    const dateEl = selectors.date ? node.find(selectors.date).first() : node.find('time').first();
    const published = normaliseDate(dateEl.attr('datetime')) ?? parseListingDate(dateEl.text(), dateOrder);
    items.push({ url: href, title: titleText || null, published });
  });
  // A configured "next" link decides; without one, a {page} template counts up until a page lists nothing.
  const next = selectors.next ? httpUrl($(selectors.next).first().attr('href'), url) : templateNext(source, url);
  return { items, next: items.length ? next : null };
}

export const htmlListingScraper: Scraper<HtmlListingSource> = {
  firstPageUrl: (source) => source.urls[0]!.replace('{page}', String(source.options.firstPage)),
  parseListing: parseHtmlListing,
  needsItemFetch: () => true,
  parseItem(body, url, item) {
    const page = extractArticle(body, url);
    if (!page) return null;
    return { ...page, published: page.published ?? item.published ?? null, title: page.title || item.title || '' };
  },
};
