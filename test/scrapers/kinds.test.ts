// The pure scrapers on the fixture documents (written in the real sites' shapes): body + URL → items / next page.
import { describe, expect, it } from 'vitest';
import { parseSourceRegistry, type SourceOf } from '../../src/source-registry.ts';
import { feedScraper } from '../../scrapers/feed.ts';
import { govukScraper, parseGovukContent } from '../../scrapers/govuk.ts';
import { guardianScraper } from '../../scrapers/guardian.ts';
import { htmlListingScraper, parseListingDate } from '../../scrapers/html-listing.ts';
import { wordpressScraper } from '../../scrapers/wordpress.ts';
import { fixtureFile, fixtureRegistryJson } from '../helpers/fixture-sites.ts';

const BASE = 'https://site.example';
const doc = (path: string) => fixtureFile(path).replaceAll('{{BASE}}', BASE);
const sources = parseSourceRegistry(fixtureRegistryJson(BASE));
// Each test knows its entry's kind; `never` lets it pass where a scraper wants its own kind.
const source = <_K = unknown>(id: string) => sources.find((s) => s.id === id)! as never;

describe('feed', () => {
  it('reads RSS 2.0 with CDATA and entities; full content becomes the article, summaries need the page', () => {
    const page = feedScraper.parseListing(doc('feed/rss.xml'), `${BASE}/feed/`, source('test-rss'));
    expect(page.next).toBeNull();
    expect(page.items.map((i) => i.url)).toEqual([`${BASE}/news/care-placement-costs`, `${BASE}/news/inspection-anxiety`, `${BASE}/news/adoption-approvals-fall`]);
    const [full, summary] = page.items;
    expect(full!.article!.text.split('\n\n')).toHaveLength(7);
    expect(full!.article!.byline).toBe('Staff reporter');
    expect(full!.published).toBe('2025-02-10T09:06:00.000Z');
    expect(summary!.summary).toMatch(/…$/);
    expect(feedScraper.needsItemFetch(full!, source('test-rss'))).toBe(false);
    expect(feedScraper.needsItemFetch(summary!, source('test-rss'))).toBe(true);
  });

  it('reads Atom (relative links) and RDF', () => {
    const atom = feedScraper.parseListing(doc('feed/atom.xml'), `${BASE}/atom.xml`, source('test-atom'));
    expect(atom.items.map((i) => i.url)).toEqual([`${BASE}/atom-news/single-word-judgements`, `${BASE}/atom-news/fostering-allowances-rise`]);
    expect(atom.items[0]!.title).toBe('Directors question value of single-word judgements');
    const rdf = feedScraper.parseListing(doc('feed/rdf.xml'), `${BASE}/rdf.xml`, source('test-rdf'));
    expect(rdf.items).toHaveLength(1);
    expect(rdf.items[0]!.published).toMatch(/^2025-/);
  });

  it.each([
    ['an HTML page', '<html><body>Oops</body></html>', /not an RSS, Atom or RDF feed/],
    ['a truncated feed', '<?xml version="1.0"?><rss version="2.0"><channel><title>x</title><item><title>a', /ends before <\/rss>/],
  ])('rejects %s with a ParseError', (_name, body, message) => {
    expect(() => feedScraper.parseListing(body, `${BASE}/feed/`, source('test-rss'))).toThrow(message);
  });

  it('pages a WordPress feed with ?paged= when asked', () => {
    const page = feedScraper.parseListing(doc('feed/rss.xml'), `${BASE}/feed/`, { ...(source('test-rss') as SourceOf<'feed'>), options: { fetchPages: 'auto', pageParam: 'paged' } } as never);
    expect(page.next).toBe(`${BASE}/feed/?paged=2`);
  });
});

describe('govuk', () => {
  it('builds the Search API query and pages with start/count', () => {
    const first = govukScraper.firstPageUrl(source('test-govuk'), { since: '2025-01-01' });
    const u = new URL(first);
    expect(u.pathname).toBe('/api/search.json');
    expect(u.searchParams.getAll('filter_content_purpose_subgroup')).toEqual(['news', 'speeches_and_statements']);
    expect(u.searchParams.get('filter_organisations')).toBe('ofsted');
    expect(u.searchParams.get('order')).toBe('-public_timestamp');
    expect(u.searchParams.get('filter_public_timestamp')).toBe('from:2025-01-01');
    const page = govukScraper.parseListing(doc('govuk/search-0.json'), first, source('test-govuk'));
    expect(page.items[0]).toMatchObject({ url: `${BASE}/government/news/new-framework-plans`, fetchUrl: `${BASE}/api/content/government/news/new-framework-plans` });
    expect(new URL(page.next!).searchParams.get('start')).toBe('2');
    expect(new URL(page.next!).searchParams.get('filter_public_timestamp')).toBe('from:2025-01-01');
    const last = govukScraper.parseListing(doc('govuk/search-2.json'), page.next!, source('test-govuk'));
    expect(last.next).toBeNull();
  });

  it('reads a Content API item: body, dates, type, organisations, withdrawal', () => {
    const a = parseGovukContent(doc('govuk/content/government/news/response-to-committee-report.json'), `${BASE}/api/content/government/news/response-to-committee-report`)!;
    expect(a).toMatchObject({
      url: `${BASE}/government/news/response-to-committee-report`,
      title: 'Chief inspector responds to select committee report on inspection',
      documentType: 'press_release',
      byline: 'Ofsted',
      withdrawn: true,
      rawType: 'json',
    });
    expect(a.published).toMatch(/^2025-/);
    expect(a.text.split('\n\n')).toHaveLength(3);
    expect(parseGovukContent(doc('govuk/content/government/news/new-framework-plans.json'), `${BASE}/api/content/x`)!.withdrawn).toBe(false);
  });
});

describe('wordpress', () => {
  it('reads REST posts with rendered content and pages while pages are full', () => {
    const wp = source<'wordpress'>('test-wordpress');
    const first = wordpressScraper.firstPageUrl(wp, { since: '2024-06-01' });
    expect(first).toBe(`${BASE}/wp-json/wp/v2/posts?per_page=2&page=1&orderby=date&order=desc&after=2024-06-01T00%3A00%3A00`);
    const page = wordpressScraper.parseListing(doc('wordpress/posts-1.json'), first, wp);
    expect(page.items).toHaveLength(2);
    expect(page.items[0]!.article).toMatchObject({ title: 'ADCS responds to the consultation on inspection reform', published: '2025-04-13T09:03:00.000Z' });
    expect(new URL(page.next!).searchParams.get('page')).toBe('2');
    expect(wordpressScraper.parseListing(doc('wordpress/posts-2.json'), page.next!, wp).next).toBeNull();
  });

  it('titles with entities are decoded', () => {
    expect(doc('wordpress/posts-2.json')).toContain('President&#x27;s');
    const page = wordpressScraper.parseListing(doc('wordpress/posts-2.json'), `${BASE}/wp-json/wp/v2/posts?page=2`, source('test-wordpress'));
    expect(page.items[0]!.title).toBe("President's address to the annual conference");
  });
});

describe('untrusted links', () => {
  it('drops items whose link is not an http(s) URL on the expected site', () => {
    const posts = JSON.parse(doc('wordpress/posts-1.json'));
    posts[0].link = 'javascript:alert(1)';
    const wp = wordpressScraper.parseListing(JSON.stringify(posts), `${BASE}/wp-json/wp/v2/posts?page=1`, source('test-wordpress'));
    expect(wp.items.map((i) => i.url)).toEqual([posts[1].link]);
    const search = JSON.parse(doc('govuk/search-0.json'));
    search.results[0].link = '//evil.example/government/news/x';
    const gov = govukScraper.parseListing(JSON.stringify(search), `${BASE}/api/search.json?start=0`, source('test-govuk'));
    expect(gov.items.map((i) => new URL(i.url).host)).toEqual(['site.example']);
  });
});

describe('html-listing', () => {
  it('reads items, titles and day-first dates with the registry selectors, and the next link', () => {
    const s = source<'html-listing'>('test-listing');
    const first = htmlListingScraper.firstPageUrl(s, {});
    expect(first).toBe(`${BASE}/about/news?page=0`);
    const page = htmlListingScraper.parseListing(doc('html-listing/news-0.html'), first, s);
    expect(page.items).toEqual([
      { url: `${BASE}/about/news/lga-responds-new-framework`, title: "LGA responds to new inspection framework for children's services", published: '2025-02-20T00:00:00.000Z' },
      { url: `${BASE}/about/news/funding-gap-warning`, title: "Councils warn of children's social care funding gap", published: '2025-03-21T00:00:00.000Z' },
    ]);
    expect(page.next).toBe(`${BASE}/about/news?page=1`);
    expect(htmlListingScraper.parseListing(doc('html-listing/news-1.html'), page.next!, s).next).toBeNull();
  });

  it('recognises article links on its own site by their path when the markup is unknown (linkPattern)', () => {
    const s = { ...(source('test-listing') as SourceOf<'html-listing'>), urls: [`${BASE}/politics`] };
    const listing = { ...s, options: { ...s.options, selectors: { item: 'a[href]' }, linkPattern: '^/[A-Za-z0-9-]+/\\d+$' } };
    const html = '<a href="/">Home</a><a href="/Council-tax-rises/61234">Council tax rises</a><a href="/about">About</a><a href="/Council-tax-rises/61234#comments">Comments</a><a href="https://other.example/Story/1">Off-site</a>';
    const page = htmlListingScraper.parseListing(html, `${BASE}/politics`, listing);
    expect(page.items.map((i) => i.url)).toEqual([`${BASE}/Council-tax-rises/61234`]);
    expect(page.items[0]!.title).toBe('Council tax rises');
    expect(page.next).toBeNull();
  });

  it.each([
    ['05/03/2024', 'dmy', '2024-03-05T00:00:00.000Z'],
    ['05/03/2024', 'mdy', '2024-05-03T00:00:00.000Z'],
    ['5th March 2024', 'dmy', '2024-03-05T00:00:00.000Z'],
    ['31/02/2024 ', 'dmy', null],
    ['yesterday', 'dmy', null],
  ] as const)('parses the listing date %s (%s)', (text, order, expected) => {
    const got = parseListingDate(text, order);
    expect(got === null ? null : got.slice(0, 10)).toBe(expected === null ? null : expected.slice(0, 10));
  });
});

describe('guardian', () => {
  it('reads the content API with bodies and pages by currentPage/pages', () => {
    const g = source<'guardian'>('test-guardian');
    expect(guardianScraper.unavailable!(g, {})).toMatch(/GUARDIAN_API_KEY/);
    const first = guardianScraper.firstPageUrl(g, { guardianApiKey: 'k', since: '2025-01-01' });
    const u = new URL(first);
    expect(Object.fromEntries(u.searchParams)).toMatchObject({ q: 'ofsted', section: 'society', 'from-date': '2025-01-01', 'order-by': 'newest', 'show-fields': 'body,trailText,byline', 'api-key': 'k' });
    const page = guardianScraper.parseListing(doc('guardian/search-1.json'), first, g);
    expect(page.items[0]!.article).toMatchObject({ title: "Ofsted to replace single-word judgements in children's services", byline: 'Example Correspondent', partial: false });
    expect(new URL(page.next!).searchParams.get('page')).toBe('2');
    expect(guardianScraper.parseListing(doc('guardian/search-2.json'), page.next!, g).next).toBeNull();
    expect(() => guardianScraper.parseListing('{"response":{"status":"error","message":"Invalid key"}}', first, g)).toThrow(/Invalid key/);
  });
});
