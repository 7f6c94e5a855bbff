// WordPress sites through the REST API (/wp-json/wp/v2/posts: per_page, page, after; newest first), which
// carries each post's full content.rendered. When the API is closed, the site's /feed/ is read instead.
import { z } from 'zod';
import { ParseError } from '../src/errors.ts';
import type { SourceConfig, SourceOf } from '../src/source-registry.ts';
import { normaliseDate } from './article-metadata.ts';
import { extractArticle } from './article.ts';
import { fragmentText, inlineText } from './fragment.ts';
import type { ListedItem, Scraper } from './types.ts';
import { httpUrl } from './urls.ts';

type WordpressSource = SourceOf<'wordpress'>;

const Rendered = z.object({ rendered: z.string() });
const Post = z.object({
  link: z.string(),
  date_gmt: z.string().nullish(),
  date: z.string().nullish(),
  modified_gmt: z.string().nullish(),
  title: Rendered,
  excerpt: Rendered.nullish(),
  content: Rendered.extend({ protected: z.boolean().optional() }),
});

/** WordPress writes *_gmt dates without a zone; they are UTC. */
const gmt = (d: string | null | undefined) => (d ? normaliseDate(/[zZ]|[+-]\d\d:?\d\d$/.test(d) ? d : `${d}Z`) : null);

export function wordpressPostsUrl(source: WordpressSource, page: number, since?: string | null): string {
  const u = new URL('wp-json/wp/v2/posts', source.urls[0]!.endsWith('/') ? source.urls[0] : `${source.urls[0]}/`);
  u.searchParams.set('per_page', String(source.options.perPage));
  u.searchParams.set('page', String(page));
  u.searchParams.set('orderby', 'date');
  u.searchParams.set('order', 'desc');
  if (source.options.categories?.length) u.searchParams.set('categories', source.options.categories.join(','));
  if (since) u.searchParams.set('after', `${since}T00:00:00`);
  return u.href;
}

function toItem(post: z.infer<typeof Post>, raw: unknown, link: string): ListedItem {
  const title = inlineText(post.title.rendered);
  const text = fragmentText(post.content.rendered);
  const standfirst = inlineText(post.excerpt?.rendered) || null;
  const published = gmt(post.date_gmt) ?? normaliseDate(post.date);
  return {
    url: link,
    title,
    published,
    summary: standfirst,
    article: text
      ? { url: link, title, standfirst, published, modified: gmt(post.modified_gmt), byline: null, text, raw: JSON.stringify(raw), rawType: 'json', partial: !!post.content.protected }
      : null,
  };
}

export const wordpressScraper: Scraper<WordpressSource> = {
  firstPageUrl: (source, ctx) => wordpressPostsUrl(source, 1, ctx.since),
  parseListing(body, url, source) {
    let json: unknown;
    try {
      json = JSON.parse(body);
    } catch {
      // A closed API often answers 200 with the site's HTML.
      throw new ParseError('WordPress REST API did not return JSON (API closed?)', url);
    }
    if (!Array.isArray(json)) throw new ParseError('WordPress REST API did not return a list of posts', url);
    const items: ListedItem[] = [];
    for (const entry of json) {
      const post = Post.safeParse(entry);
      const link = post.success ? httpUrl(post.data.link, url) : null;
      if (post.success && link) items.push(toItem(post.data, entry, link));
    }
    const page = Number(new URL(url).searchParams.get('page') ?? '1');
    const since = new URL(url).searchParams.get('after')?.slice(0, 10);
    return { items, next: json.length >= source.options.perPage ? wordpressPostsUrl(source, page + 1, since) : null };
  },
  needsItemFetch: (item) => !item.article,
  parseItem: (body, url) => extractArticle(body, url),
  fallback(source): SourceConfig | null {
    if (!source.options.feedFallback) return null;
    const feedUrl = new URL('feed/', source.urls[0]!.endsWith('/') ? source.urls[0] : `${source.urls[0]}/`).href;
    return { ...source, kind: 'feed', urls: [feedUrl], options: { fetchPages: 'auto', pageParam: 'paged' } };
  },
  // WordPress answers 400 rest_post_invalid_page_number past the last page.
  endOfListingStatus: [400],
};
