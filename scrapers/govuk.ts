// GOV.UK: the Search API lists an organisation's news and speeches newest first; the Content API gives each
// item's body (details.body), dates, document type, organisations and withdrawal notice.
// Shapes: ../shared/fixtures/govuk (real example documents) and https://docs.publishing.service.gov.uk.
import { z } from 'zod';
import { ParseError } from '../src/errors.ts';
import type { SourceOf } from '../src/source-registry.ts';
import type { ScrapedArticle } from '../src/types.ts';
import { normaliseDate } from './article-metadata.ts';
import { fragmentText, inlineText } from './fragment.ts';
import type { ListedItem, Scraper } from './types.ts';
import { sitePath } from './urls.ts';

type GovukSource = SourceOf<'govuk'>;

const SearchResponse = z.object({
  results: z.array(z.object({ link: z.string(), title: z.string().nullish(), description: z.string().nullish(), public_timestamp: z.string().nullish() })),
  total: z.number(),
  start: z.number(),
});

const ContentItem = z.object({
  base_path: z.string(),
  title: z.string(),
  description: z.string().nullish(),
  document_type: z.string().nullish(),
  first_published_at: z.string().nullish(),
  public_updated_at: z.string().nullish(),
  details: z.object({ body: z.string().nullish(), first_public_at: z.string().nullish() }).passthrough().nullish(),
  links: z.object({ organisations: z.array(z.object({ title: z.string() }).passthrough()).nullish() }).passthrough().nullish(),
  withdrawn_notice: z.object({ explanation: z.string().nullish(), withdrawn_at: z.string().nullish() }).nullish(),
});

const FIELDS = 'title,description,link,public_timestamp,content_store_document_type';

function parseJson<T>(schema: z.ZodType<T>, body: string, url: string, what: string): T {
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch (err) {
    throw new ParseError(`${what} is not JSON: ${(err as Error).message}`, url);
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) throw new ParseError(`${what} has an unexpected shape: ${parsed.error.issues[0]?.path.join('.')} ${parsed.error.issues[0]?.message}`, url);
  return parsed.data;
}

export function govukSearchUrl(source: GovukSource, start: number, since?: string | null): string {
  const u = new URL('/api/search.json', source.urls[0]);
  u.searchParams.append('filter_organisations', source.options.organisation);
  for (const g of source.options.subgroups) u.searchParams.append('filter_content_purpose_subgroup', g);
  if (since) u.searchParams.append('filter_public_timestamp', `from:${since}`);
  u.searchParams.append('order', '-public_timestamp');
  u.searchParams.append('count', String(source.options.count));
  u.searchParams.append('start', String(start));
  u.searchParams.append('fields', FIELDS);
  return u.href;
}

/** The Content API document of one Search API result. */
export function parseGovukContent(body: string, url: string): ScrapedArticle | null {
  const item = parseJson(ContentItem, body, url, 'GOV.UK content item');
  const page = sitePath(item.base_path, url);
  const text = fragmentText(item.details?.body);
  if (!text || !page) return null;
  const withdrawn = !!(item.withdrawn_notice?.explanation || item.withdrawn_notice?.withdrawn_at);
  return {
    url: page,
    canonicalUrl: page,
    title: inlineText(item.title),
    standfirst: inlineText(item.description) || null,
    published: normaliseDate(item.first_published_at ?? item.details?.first_public_at),
    modified: normaliseDate(item.public_updated_at),
    byline: item.links?.organisations?.map((o) => o.title).join(', ') || null,
    text,
    raw: body,
    rawType: 'json',
    partial: false,
    withdrawn,
    documentType: item.document_type ?? null,
  };
}

export const govukScraper: Scraper<GovukSource> = {
  firstPageUrl: (source, ctx) => govukSearchUrl(source, 0, ctx.since),
  parseListing(body, url, source) {
    const res = parseJson(SearchResponse, body, url, 'GOV.UK search response');
    const items: ListedItem[] = res.results.flatMap((r) => {
      const page = sitePath(r.link, source.urls[0]!);
      if (!page) return [];
      const fetchUrl = new URL(`/api/content${new URL(page).pathname}`, source.urls[0]).href;
      return [{ url: page, fetchUrl, title: r.title ?? null, published: normaliseDate(r.public_timestamp), summary: r.description ?? null }];
    });
    const nextStart = res.start + res.results.length;
    const since = new URL(url).searchParams.get('filter_public_timestamp')?.replace(/^from:/, '');
    return { items, next: res.results.length && nextStart < res.total ? govukSearchUrl(source, nextStart, since) : null };
  },
  needsItemFetch: () => true,
  parseItem: (body, url) => parseGovukContent(body, url),
};
