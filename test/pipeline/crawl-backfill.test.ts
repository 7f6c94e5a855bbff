import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { crawlSource, type CrawlProgress } from '../../src/pipeline/crawl.ts';
import { parseSourceRegistry } from '../../src/source-registry.ts';
import { createCrawlEnv, type CrawlEnv } from '../helpers/crawl-env.ts';
import { FIXTURE_PAGES, fixtureSources } from '../helpers/fixture-sites.ts';

let env: CrawlEnv;
beforeEach(async () => {
  env = await createCrawlEnv();
});
afterEach(async () => {
  await env.close();
});

const stored = () => (env.db.prepare('SELECT url FROM articles ORDER BY id').pluck().all() as string[]).map((u) => new URL(u).pathname);

/** Three archive pages, newest first, two items each; the last page is older than 2025. */
function archive() {
  const paths = Object.keys(FIXTURE_PAGES).slice(0, 6);
  const dates = ['12/03/2025', '02/03/2025', '20/02/2025', '05/01/2025', '15/12/2024', '01/12/2024'];
  for (let page = 0; page < 3; page++) {
    const items = [0, 1].map((k) => `<li class="row"><a href="${paths[page * 2 + k]}">Story</a> <span class="date">${dates[page * 2 + k]}</span></li>`);
    env.server.route(`/archive?page=${page}`, { body: `<html><body><ul>${items.join('')}</ul></body></html>` });
  }
  const [source] = parseSourceRegistry({
    sources: [{
      id: 'archive', name: 'Archive', organisation: 'LGA', kind: 'html-listing', urls: [`${env.server.origin}/archive?page={page}`], schedule: '0 * * * *',
      options: { selectors: { item: 'li.row', date: '.date' }, firstPage: 0 },
    }],
  });
  return { source: source!, paths };
}

describe('backfill', () => {
  it('pages back to --since, shows progress, and resumes after an interruption', async () => {
    const { source, paths } = archive();
    const abort = new AbortController();
    const progress: CrawlProgress[] = [];
    const first = await crawlSource(env.deps, source, {
      since: '2025-01-01',
      signal: abort.signal,
      onProgress: (p) => {
        progress.push(p);
        abort.abort();
      },
    });
    expect(first.status).toBe('interrupted');
    expect(progress).toEqual([{ sourceId: 'archive', pages: 1, items: 2, itemsNew: 2, itemsFailed: 0 }]);
    expect(stored()).toEqual(paths.slice(0, 2));
    const state = JSON.parse(env.db.prepare('SELECT backfill_state FROM sources WHERE id = ?').pluck().get('archive') as string);
    expect(state).toMatchObject({ since: '2025-01-01', url: `${env.server.origin}/archive?page=1`, pages: 1 });

    const resumed: CrawlProgress[] = [];
    const second = await crawlSource(env.deps, source, { since: '2025-01-01', onProgress: (p) => resumed.push(p) });
    expect(second.status).toBe('ok');
    expect(env.server.hits('/archive?page=0')).toBe(1);
    expect(resumed.at(-1)).toMatchObject({ pages: 3, items: 4 });
    // Items dated before --since are not collected.
    expect(stored()).toEqual(paths.slice(0, 4));
    expect(env.db.prepare('SELECT backfill_state FROM sources WHERE id = ?').pluck().get('archive')).toBeNull();
  });

  it('a scheduled run stops paging at the first page with items it already has', async () => {
    const { source } = archive();
    await crawlSource(env.deps, source, { since: '2024-01-01' });
    expect(stored()).toHaveLength(6);
    // A new story appears on page 0: the next scheduled run reads page 0 only.
    env.server.route('/archive?page=0', {
      body: `<html><body><ul><li class="row"><a href="${Object.keys(FIXTURE_PAGES)[6]}">New</a></li><li class="row"><a href="${Object.keys(FIXTURE_PAGES)[0]}">Old</a></li></ul></body></html>`,
    });
    const before = env.server.requests.length;
    const run = await crawlSource(env.deps, source);
    expect(run.itemsNew).toBe(1);
    expect(run.pages).toBe(1);
    expect(env.server.requests.slice(before).some((r) => r.path === '/archive?page=1')).toBe(false);
  });
});

describe('kind-specific behaviour', () => {
  it.each([
    ['answers 404', { status: 404, body: '<html>Not found</html>' }],
    ['answers HTML instead of JSON', { body: '<html><body>Welcome</body></html>' }],
  ])('WordPress falls back to /feed/ when the REST API %s', async (_name, route) => {
    env.server.route('/wp-json/wp/v2/posts', route);
    const wp = fixtureSources(env.server.origin).find((s) => s.id === 'test-wordpress')!;
    const run = await crawlSource(env.deps, wp);
    expect(run.status).toBe('ok');
    expect(run.itemsNew).toBe(3);
    expect(env.server.hits('/feed/')).toBe(1);
  });

  it('a summary-only feed with fetchPages "never" stores partial articles without fetching pages', async () => {
    const atom = fixtureSources(env.server.origin).find((s) => s.id === 'test-atom')!;
    const run = await crawlSource(env.deps, { ...atom, options: { fetchPages: 'never' } } as typeof atom);
    expect(run.itemsNew).toBe(2);
    expect(env.server.hits('/atom-news/single-word-judgements')).toBe(0);
    expect(env.db.prepare('SELECT DISTINCT partial FROM articles').pluck().all()).toEqual([1]);
  });

  it('the Guardian source is skipped, and says so, without a key', async () => {
    const guardian = fixtureSources(env.server.origin).find((s) => s.id === 'test-guardian')!;
    const run = await crawlSource({ ...env.deps, config: { ...env.config, guardianApiKey: '' } }, guardian);
    expect(run.status).toBe('skipped');
    expect(run.error).toMatch(/GUARDIAN_API_KEY is not set/);
    expect(env.server.hits('/guardian-api/search')).toBe(0);
    expect(env.db.prepare('SELECT last_error FROM sources WHERE id = ?').pluck().get('test-guardian')).toMatch(/GUARDIAN_API_KEY/);
  });
});
