// The Guardian Open Platform content API (https://open-platform.theguardian.com/documentation/search):
// full article bodies in response.results[].fields.body. Needs a key (GUARDIAN_API_KEY).
import { z } from 'zod';
import { ParseError } from '../src/errors.ts';
import type { SourceOf } from '../src/source-registry.ts';
import { normaliseDate } from './article-metadata.ts';
import { fragmentText, inlineText } from './fragment.ts';
import type { ListedItem, Scraper } from './types.ts';
import { httpUrl } from './urls.ts';

type GuardianSource = SourceOf<'guardian'>;

const SearchResponse = z.object({
  response: z.object({
    status: z.string(),
    currentPage: z.number().optional(),
    pages: z.number().optional(),
    message: z.string().optional(),
    results: z
      .array(
        z.object({
          webUrl: z.string(),
          webTitle: z.string(),
          webPublicationDate: z.string().nullish(),
          fields: z.object({ body: z.string().nullish(), trailText: z.string().nullish(), byline: z.string().nullish() }).nullish(),
        }),
      )
      .default([]),
  }),
});

export function guardianSearchUrl(source: GuardianSource, page: number, apiKey: string, since?: string | null): string {
  const u = new URL('search', source.urls[0]!.endsWith('/') ? source.urls[0] : `${source.urls[0]}/`);
  u.searchParams.set('q', source.options.query);
  if (source.options.section) u.searchParams.set('section', source.options.section);
  if (since) u.searchParams.set('from-date', since);
  u.searchParams.set('order-by', 'newest');
  u.searchParams.set('show-fields', 'body,trailText,byline');
  u.searchParams.set('page-size', String(source.options.pageSize));
  u.searchParams.set('page', String(page));
  u.searchParams.set('api-key', apiKey);
  return u.href;
}

export const guardianScraper: Scraper<GuardianSource> = {
  unavailable: (_source, ctx) => (ctx.guardianApiKey ? null : 'skipped: GUARDIAN_API_KEY is not set (register a key at https://open-platform.theguardian.com)'),
  firstPageUrl: (source, ctx) => guardianSearchUrl(source, 1, ctx.guardianApiKey ?? '', ctx.since),
  parseListing(body, url) {
    let json: unknown;
    try {
      json = JSON.parse(body);
    } catch (err) {
      throw new ParseError(`Guardian API response is not JSON: ${(err as Error).message}`, url);
    }
    const parsed = SearchResponse.safeParse(json);
    if (!parsed.success) throw new ParseError('Guardian API response has an unexpected shape', url);
    const res = parsed.data.response;
    if (res.status !== 'ok') throw new ParseError(`Guardian API error: ${res.message ?? res.status}`, url);
    const items: ListedItem[] = res.results.flatMap((r) => {
      const webUrl = httpUrl(r.webUrl, url);
      if (!webUrl) return [];
      const text = fragmentText(r.fields?.body);
      const published = normaliseDate(r.webPublicationDate);
      const standfirst = inlineText(r.fields?.trailText) || null;
      return {
        url: webUrl,
        title: r.webTitle,
        published,
        summary: standfirst,
        article: text
          ? { url: webUrl, title: inlineText(r.webTitle), standfirst, published, byline: inlineText(r.fields?.byline) || null, text, raw: r.fields?.body ?? null, rawType: 'html', partial: false }
          : null,
      };
    });
    const page = res.currentPage ?? 1;
    const next = new URL(url);
    next.searchParams.set('page', String(page + 1));
    return { items, next: res.pages !== undefined && page < res.pages ? next.href : null };
  },
  needsItemFetch: () => false,
  parseItem: () => null,
};
