// Every fault the sources issue lists: a clear recorded error, nothing stored wrongly, nothing stored earlier
// lost, and the run goes on with the other items. Then the fault is fixed and the next run picks the item up.
import iconv from 'iconv-lite';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { crawlSource } from '../../src/pipeline/crawl.ts';
import { parseSourceRegistry } from '../../src/source-registry.ts';
import { createCrawlEnv, type CrawlEnv } from '../helpers/crawl-env.ts';
import type { Route } from '../helpers/fixture-server.ts';
import { fixtureFile, fixtureSources } from '../helpers/fixture-sites.ts';

let env: CrawlEnv;
beforeEach(async () => {
  env = await createCrawlEnv({ timeoutMs: 400, retries: 1 });
});
afterEach(async () => {
  await env.close();
});

const GOOD_A = '/about/news/lga-responds-new-framework';
const GOOD_B = '/about/news/funding-gap-warning';
const FIXED_PAGE = fixtureFile('html-listing/pages/cautious-welcome.html');

function listingSource(faultPath: string) {
  env.server.route('/faults', {
    body: `<html><body><ul class="news">
      <li><a class="item" href="${GOOD_A}">A</a></li><li><a class="item" href="${faultPath}">Fault</a></li><li><a class="item" href="${GOOD_B}">B</a></li>
    </ul></body></html>`,
  });
  const [source] = parseSourceRegistry({
    sources: [{ id: 'faults', name: 'Faults', organisation: 'LGA', kind: 'html-listing', urls: [`${env.server.origin}/faults`], schedule: '0 * * * *', options: { selectors: { item: 'a.item' } } }],
  });
  return source!;
}

const storedUrls = () => (env.db.prepare('SELECT url FROM articles ORDER BY id').pluck().all() as string[]).map((u) => new URL(u).pathname);
const errorsOf = (runId: number) => env.db.prepare('SELECT url, reason FROM crawl_errors WHERE run_id = ?').all(runId) as { url: string; reason: string }[];

function once(first: Route, then: Route): Route {
  let calls = 0;
  return (req, res, server) => {
    const route = calls++ === 0 ? first : then;
    if (typeof route === 'function') route(req, res, server);
    else {
      res.writeHead(route.status ?? 200, { 'content-type': 'text/html; charset=utf-8', ...route.headers });
      res.end(route.body);
    }
  };
}

const FAILING: [string, string, Route, RegExp][] = [
  ['404', '/fault/missing', { status: 404, body: 'not found' }, /HTTP 404/],
  ['410', '/fault/removed', { status: 410, body: 'gone' }, /HTTP 410 Gone/],
  ['a timeout', '/fault/slow', () => undefined, /timed out after 400 ms/],
  ['a reset connection', '/fault/reset', (req) => req.socket.destroy(), /connection reset|socket|closed/i],
  ['a redirect loop', '/fault/loop', (_req, res) => (res.writeHead(302, { location: '/fault/loop2' }), res.end()), /redirect loop/],
  ['a 20 MB response', '/fault/huge', { body: Buffer.alloc(20 * 1024 * 1024, 'x') }, /larger than 10485760 bytes/],
  ['a page with no article', '/fault/empty', { body: fixtureFile('articles/no-article.html') }, /no article found/],
  ['robots.txt disallow', '/private/story', { body: FIXED_PAGE }, /disallowed by robots\.txt/],
];

describe('crawl faults on one item', () => {
  it.each(FAILING)('%s: recorded with its reason, the others stored, recovered next run', async (_name, path, route, reason) => {
    env.server.route(path, route);
    env.server.route('/fault/loop2', (_req, res) => (res.writeHead(302, { location: '/fault/loop' }), res.end()));
    const source = listingSource(path);
    const run = await crawlSource(env.deps, source);
    expect(run.status).toBe('partial');
    expect(run.itemsNew).toBe(2);
    expect(run.itemsFailed).toBe(1);
    expect(storedUrls()).toEqual([GOOD_A, GOOD_B]);
    const errors = errorsOf(run.runId);
    expect(errors).toHaveLength(1);
    expect(errors[0]!.url).toBe(`${env.server.origin}${path}`);
    expect(errors[0]!.reason).toMatch(reason);
    if (path.startsWith('/private/')) {
      expect(env.server.hits(path)).toBe(0);
      return;
    }
    // Fixed: the next scheduled run stores the missing item and loses nothing.
    env.server.route(path, { body: FIXED_PAGE });
    const next = await crawlSource(env.deps, source);
    expect(next.status).toBe('ok');
    expect(next.itemsNew).toBe(1);
    expect(storedUrls()).toEqual([GOOD_A, GOOD_B, path]);
  });

  it.each([
    ['429 with Retry-After', once({ status: 429, headers: { 'retry-after': '1' }, body: '' }, { body: FIXED_PAGE })],
    ['500 then success', once({ status: 500, body: 'oops' }, { body: FIXED_PAGE })],
  ])('%s: retried and stored', async (_name, route) => {
    env.server.route('/fault/flaky', route);
    const run = await crawlSource(env.deps, listingSource('/fault/flaky'));
    expect(run.status).toBe('ok');
    expect(storedUrls()).toEqual([GOOD_A, '/fault/flaky', GOOD_B]);
    expect(env.server.hits('/fault/flaky')).toBe(2);
  });

  const html = FIXED_PAGE.replace('<meta charset="utf-8">', '');
  it.each([
    ['a wrong charset label', { 'content-type': 'text/html; charset=utf-8' }],
    ['no charset at all', { 'content-type': 'text/html' }],
  ])('decodes a windows-1252 page with %s', async (_name, headers) => {
    env.server.route('/fault/cp1252', { body: iconv.encode(html, 'windows-1252'), headers });
    const run = await crawlSource(env.deps, listingSource('/fault/cp1252'));
    expect(run.status).toBe('ok');
    const body = env.db.prepare('SELECT body FROM articles WHERE url LIKE ?').pluck().get('%/fault/cp1252') as string;
    expect(body).toContain('“The single-word judgement does not tell parents what they need to know,”');
    expect(body).not.toContain('\uFFFD');
  });
});

describe('crawl faults on a whole source', () => {
  const rss = () => fixtureSources(env.server.origin).find((s) => s.id === 'test-rss')!;

  it('a malformed feed fails the run clearly, backs off, and loses nothing stored before', async () => {
    expect((await crawlSource(env.deps, rss())).itemsNew).toBe(3);
    env.server.route('/feed/', { body: fixtureFile('feed/rss.xml').slice(0, 1500), headers: { 'content-type': 'application/rss+xml' } });
    const run = await crawlSource(env.deps, rss());
    expect(run.status).toBe('failed');
    expect(run.error).toMatch(/malformed feed/);
    expect(errorsOf(run.runId)[0]!.reason).toMatch(/malformed feed/);
    const health = env.db.prepare('SELECT * FROM sources WHERE id = ?').get('test-rss') as Record<string, string | number>;
    expect(health.consecutive_failures).toBe(1);
    expect(health.last_error).toMatch(/malformed feed/);
    expect(Date.parse(health.next_attempt_at as string)).toBeGreaterThan(Date.now());
    expect(storedUrls()).toHaveLength(3);

    await crawlSource(env.deps, rss());
    expect((env.db.prepare('SELECT consecutive_failures FROM sources WHERE id = ?').pluck().get('test-rss'))).toBe(2);
    env.server.route('/feed/', { body: fixtureFile('feed/rss.xml'), headers: { 'content-type': 'application/rss+xml' } });
    expect((await crawlSource(env.deps, rss())).status).toBe('ok');
    expect(env.db.prepare('SELECT consecutive_failures, last_error, next_attempt_at FROM sources WHERE id = ?').get('test-rss')).toEqual({
      consecutive_failures: 0, last_error: null, next_attempt_at: null,
    });
  });

  it('a feed item whose page is gone is recorded; the other items are stored; it is stored once it returns', async () => {
    env.server.route('/news/inspection-anxiety', { status: 404, body: 'gone' });
    const run = await crawlSource(env.deps, rss());
    expect(run.status).toBe('partial');
    expect(run.itemsNew).toBe(2);
    expect(errorsOf(run.runId)).toEqual([{ url: `${env.server.origin}/news/inspection-anxiety`, reason: 'HTTP 404 Not Found' }]);
    env.server.route('/news/inspection-anxiety', { body: fixtureFile('feed/pages/inspection-anxiety.html') });
    const next = await crawlSource(env.deps, rss());
    expect(next.itemsNew).toBe(1);
    expect(storedUrls()).toHaveLength(3);
  });

  it('an unreachable source fails with the network reason and is retried later', async () => {
    const source = { ...rss(), urls: ['http://127.0.0.1:9/feed/'] };
    const run = await crawlSource(env.deps, source);
    expect(run.status).toBe('failed');
    expect(run.error).toMatch(/connection refused \(http:\/\/127\.0\.0\.1:9\/robots\.txt\)/);
    expect(env.db.prepare('SELECT last_error FROM sources WHERE id = ?').pluck().get('test-rss')).toBe(run.error);
  });
});
