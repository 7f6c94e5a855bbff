import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { crawlSource } from '../../src/pipeline/crawl.ts';
import { createCrawlEnv, type CrawlEnv } from '../helpers/crawl-env.ts';
import { EXPECTED_ARTICLES, fixtureSources, GUARDIAN_TEST_KEY } from '../helpers/fixture-sites.ts';

let env: CrawlEnv;
beforeEach(async () => {
  env = await createCrawlEnv();
});
afterEach(async () => {
  await env.close();
});

const articles = () =>
  env.db.prepare('SELECT source_id, url, title, body, published_at, withdrawn, partial, document_type FROM articles ORDER BY id').all() as {
    source_id: string; url: string; title: string; body: string; published_at: string | null; withdrawn: number; partial: number; document_type: string | null;
  }[];

describe('crawlSource over every kind', () => {
  it('collects every fixture article exactly once; a second crawl adds nothing and gets mostly 304s', async () => {
    const sources = fixtureSources(env.server.origin);
    for (const source of sources) {
      const summary = await crawlSource(env.deps, source);
      expect({ id: source.id, status: summary.status, new: summary.itemsNew, failed: summary.itemsFailed }).toEqual({
        id: source.id, status: 'ok', new: EXPECTED_ARTICLES[source.id], failed: 0,
      });
    }
    const stored = articles();
    expect(stored).toHaveLength(Object.values(EXPECTED_ARTICLES).reduce((a, b) => a + b, 0));
    expect(new Set(stored.map((a) => a.url)).size).toBe(stored.length);
    for (const a of stored) {
      expect(a.partial, a.url).toBe(0);
      expect(a.title.length, a.url).toBeGreaterThan(10);
      expect(a.published_at, a.url).toMatch(/^2025-/);
      expect(a.body.split('\n\n').length, a.url).toBeGreaterThanOrEqual(3);
      expect(a.body).not.toMatch(/Related stories|Registered in England|<p>/);
    }
    // GOV.UK: the article URL is the public page, the withdrawn item is kept and marked.
    const gov = stored.filter((a) => a.source_id === 'test-govuk');
    expect(gov.map((a) => new URL(a.url).pathname).sort()).toEqual([
      '/government/news/new-framework-plans', '/government/news/response-to-committee-report', '/government/speeches/future-of-inspecting-childrens-services',
    ]);
    expect(gov.find((a) => a.url.endsWith('response-to-committee-report'))!.withdrawn).toBe(1);
    expect(gov.find((a) => a.url.endsWith('inspecting-childrens-services'))!.document_type).toBe('speech');
    // Atom pages declare a rel=canonical with tracking parameters: stored clean.
    expect(stored.filter((a) => a.source_id === 'test-atom').every((a) => !a.url.includes('utm_'))).toBe(true);
    // RSS: CDATA and entities decoded; the full-content item was not fetched.
    expect(stored.some((a) => a.title === 'Councils brace for rise in care placement costs')).toBe(true);
    expect(env.server.hits('/news/care-placement-costs')).toBe(0);
    // The Guardian key never reaches the database.
    expect(JSON.stringify(env.db.prepare('SELECT * FROM http_cache').all())).not.toContain(GUARDIAN_TEST_KEY);

    const firstRunRequests = env.server.requests.length;
    for (const source of sources) {
      const again = await crawlSource(env.deps, source);
      expect({ id: source.id, status: again.status, new: again.itemsNew, updated: again.itemsUpdated }).toEqual({ id: source.id, status: 'ok', new: 0, updated: 0 });
    }
    expect(articles()).toHaveLength(stored.length);
    const second = env.server.requests.slice(firstRunRequests);
    const notModified = second.filter((r) => r.status === 304).length;
    expect(notModified / second.length).toBeGreaterThan(0.5);
    expect(second.length).toBeLessThan(firstRunRequests / 2);
  });

  it('records runs and source health', async () => {
    const [govuk] = fixtureSources(env.server.origin);
    const summary = await crawlSource(env.deps, govuk!);
    const run = env.db.prepare('SELECT * FROM crawl_runs WHERE id = ?').get(summary.runId) as Record<string, unknown>;
    expect(run).toMatchObject({ source_id: 'test-govuk', status: 'ok', items_new: 3, items_failed: 0, pages: 2 });
    expect(run.finished_at).toBeTruthy();
    const health = env.db.prepare('SELECT * FROM sources WHERE id = ?').get('test-govuk') as Record<string, unknown>;
    expect(health).toMatchObject({ consecutive_failures: 0, last_error: null, items_total: 3 });
    expect(health.last_success_at).toBe(health.last_run_at);
  });
});
