// Mounts the fixture sites of every source kind (test/fixtures/sites, written in the real sites' shapes)
// on a fixture server, and the registry entries that point at them.
import { existsSync, readFileSync } from 'node:fs';
import { parseSourceRegistry, type SourceConfig } from '../../src/source-registry.ts';
import { serveStatic, type FixtureServer, type Handler } from './fixture-server.ts';

const DIR = new URL('../fixtures/sites/', import.meta.url);
export const GUARDIAN_TEST_KEY = 'test-key-123';

export function fixtureFile(path: string): string {
  return readFileSync(new URL(path, DIR), 'utf8');
}

const JSON_TYPE = { 'content-type': 'application/json; charset=utf-8' };

/** A paged JSON/HTML endpoint: the page number comes from a query parameter and names the fixture file. */
function paged(param: string, file: (n: string) => string, headers: Record<string, string>, missing: { status: number; body: string }): Handler {
  return (req, res, server) => {
    const n = new URL(req.url!, server.origin).searchParams.get(param) ?? '';
    const path = file(n);
    if (!/^[\w-]+$/.test(n) || !existsSync(new URL(path, DIR))) serveStatic({ ...missing, headers }, req, res, server.origin);
    else serveStatic({ body: fixtureFile(path), headers }, req, res, server.origin);
  };
}

export const FIXTURE_PAGES: Record<string, string> = {
  '/news/inspection-anxiety': 'feed/pages/inspection-anxiety.html',
  '/news/adoption-approvals-fall': 'feed/pages/adoption-approvals-fall.html',
  '/atom-news/single-word-judgements': 'feed/pages/single-word-judgements.html',
  '/atom-news/fostering-allowances-rise': 'feed/pages/fostering-allowances-rise.html',
  '/rdf-news/kinship-carers-parity': 'feed/pages/kinship-carers-parity.html',
  '/about/news/lga-responds-new-framework': 'html-listing/pages/lga-responds-new-framework.html',
  '/about/news/funding-gap-warning': 'html-listing/pages/funding-gap-warning.html',
  '/about/news/cautious-welcome': 'html-listing/pages/cautious-welcome.html',
};

export function mountFixtureSites(server: FixtureServer): void {
  server.route('/robots.txt', { body: 'User-agent: *\nDisallow: /private/\n', headers: { 'content-type': 'text/plain' } });
  server.route('/api/search.json', paged('start', (n) => `govuk/search-${n}.json`, JSON_TYPE, { status: 422, body: '{"error":"bad start"}' }));
  for (const path of ['news/new-framework-plans', 'news/response-to-committee-report', 'speeches/future-of-inspecting-childrens-services']) {
    server.route(`/api/content/government/${path}`, { body: fixtureFile(`govuk/content/government/${path}.json`), headers: JSON_TYPE });
  }
  server.route(
    '/wp-json/wp/v2/posts',
    paged('page', (n) => `wordpress/posts-${n}.json`, JSON_TYPE, { status: 400, body: '{"code":"rest_post_invalid_page_number","data":{"status":400}}' }),
  );
  server.route('/feed/', { body: fixtureFile('feed/rss.xml'), headers: { 'content-type': 'application/rss+xml; charset=UTF-8' } });
  server.route('/atom.xml', { body: fixtureFile('feed/atom.xml'), headers: { 'content-type': 'application/atom+xml; charset=utf-8' } });
  server.route('/rdf.xml', { body: fixtureFile('feed/rdf.xml'), headers: { 'content-type': 'application/rdf+xml' } });
  server.route('/about/news', paged('page', (n) => `html-listing/news-${n}.html`, { 'content-type': 'text/html; charset=utf-8' }, { status: 404, body: 'no page' }));
  for (const [path, file] of Object.entries(FIXTURE_PAGES)) server.route(path, { body: fixtureFile(file) });
  const guardian = paged('page', (n) => `guardian/search-${n}.json`, JSON_TYPE, { status: 400, body: '{"response":{"status":"error","message":"page out of range"}}' });
  server.route('/guardian-api/search', (req, res, s) => {
    if (new URL(req.url!, s.origin).searchParams.get('api-key') !== GUARDIAN_TEST_KEY) {
      res.writeHead(401, JSON_TYPE);
      res.end('{"message":"Unauthorized"}');
    } else guardian(req, res, s);
  });
}

/** Registry entries, one per kind (three feeds), pointing at `origin`. */
export function fixtureRegistryJson(origin: string) {
  const common = { schedule: '0 */6 * * *', enabled: true };
  return {
    sources: [
      { ...common, id: 'test-govuk', name: 'Test GOV.UK', organisation: 'Ofsted', kind: 'govuk', urls: [origin], options: { organisation: 'ofsted', count: 2 } },
      { ...common, id: 'test-wordpress', name: 'Test WordPress', organisation: 'ADCS', kind: 'wordpress', urls: [origin], options: { perPage: 2 } },
      { ...common, id: 'test-rss', name: 'Test RSS', organisation: 'Community Care', kind: 'feed', urls: [`${origin}/feed/`] },
      { ...common, id: 'test-atom', name: 'Test Atom', organisation: 'Ofsted', kind: 'feed', urls: [`${origin}/atom.xml`] },
      { ...common, id: 'test-rdf', name: 'Test RDF', organisation: 'BASW', kind: 'feed', urls: [`${origin}/rdf.xml`] },
      {
        ...common,
        id: 'test-listing',
        name: 'Test listing',
        organisation: 'LGA',
        kind: 'html-listing',
        urls: [`${origin}/about/news?page={page}`],
        options: {
          selectors: { item: '.views-row', title: '.news-teaser__title', date: '.news-teaser__date', next: '.pager__item--next a' },
          firstPage: 0,
        },
      },
      { ...common, id: 'test-guardian', name: 'Test Guardian', organisation: 'The Guardian', kind: 'guardian', urls: [`${origin}/guardian-api`], options: { query: 'ofsted', section: 'society', pageSize: 1 } },
    ],
  };
}

export function fixtureSources(origin: string): SourceConfig[] {
  return parseSourceRegistry(fixtureRegistryJson(origin), 'fixture registry');
}

/** Articles each fixture source holds. */
export const EXPECTED_ARTICLES: Record<string, number> = {
  'test-govuk': 3,
  'test-wordpress': 3,
  'test-rss': 3,
  'test-atom': 2,
  'test-rdf': 1,
  'test-listing': 3,
  'test-guardian': 2,
};
