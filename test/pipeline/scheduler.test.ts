import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startScheduler, type Scheduler } from '../../src/pipeline/scheduler.ts';
import { createCrawlEnv, type CrawlEnv } from '../helpers/crawl-env.ts';
import { startFixtureServer } from '../helpers/fixture-server.ts';
import { fixtureFile, fixtureSources, mountFixtureSites } from '../helpers/fixture-sites.ts';

let env: CrawlEnv;
let scheduler: Scheduler | null = null;
beforeEach(async () => {
  env = await createCrawlEnv({ timeoutMs: 5000 });
});
afterEach(async () => {
  await scheduler?.stop();
  scheduler = null;
  await env.close();
});

const runs = () => env.db.prepare('SELECT source_id, status FROM crawl_runs ORDER BY id').all() as { source_id: string; status: string }[];
const NEVER = '0 0 1 1 *';

async function until(check: () => boolean, ms = 8000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('scheduler', () => {
  it('crawls every enabled source once at start-up when the database was never crawled', async () => {
    const sources = fixtureSources(env.server.origin).map((s) => ({ ...s, schedule: NEVER, enabled: s.id !== 'test-rdf' }));
    scheduler = startScheduler(env.deps, sources);
    await until(() => runs().length === sources.length - 1 && scheduler!.running().length === 0);
    expect(new Set(runs().map((r) => r.source_id))).not.toContain('test-rdf');
    expect(runs().every((r) => r.status === 'ok')).toBe(true);
    await scheduler.stop();

    // Once crawled, a restart does not crawl everything again.
    scheduler = startScheduler(env.deps, sources);
    await new Promise((r) => setTimeout(r, 300));
    expect(runs()).toHaveLength(sources.length - 1);
  });

  it('never overlaps two runs of one source, and a hanging source delays nobody', async () => {
    const sources = fixtureSources(env.server.origin).map((s) => ({ ...s, schedule: NEVER }));
    env.db.prepare("INSERT INTO sources (id, name, kind) VALUES ('x', 'x', 'feed')").run();
    env.db.prepare("INSERT INTO crawl_runs (source_id, started_at, status) VALUES ('x', '2025-01-01T00:00:00Z', 'ok')").run();
    // The hanging source lives on another host: requests to one host are serialised on purpose.
    const slowHost = await startFixtureServer();
    mountFixtureSites(slowHost);
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    slowHost.route('/atom.xml', (_req, res) => void held.then(() => res.end(fixtureFile('feed/atom.xml').replaceAll('{{BASE}}', slowHost.origin))));
    const atom = sources.find((s) => s.id === 'test-atom')!;
    atom.urls = [`${slowHost.origin}/atom.xml`];
    scheduler = startScheduler(env.deps, sources);

    const slow1 = scheduler.crawlNow('test-atom');
    const slow2 = scheduler.crawlNow('test-atom');
    expect(slow2).toBe(slow1);
    const fast = await scheduler.crawlNow('test-rdf');
    expect(fast.status).toBe('ok');
    expect(scheduler.running()).toEqual(['test-atom']);
    release();
    const done = await slow1;
    expect(done.itemsNew).toBe(2);
    expect(runs().filter((r) => r.source_id === 'test-atom')).toHaveLength(1);
    await expect(scheduler.crawlNow('nope')).rejects.toThrow(/unknown source/);
    await slowHost.close();
  });

  it('stop() interrupts a run waiting on a hanging host and records no error for it', async () => {
    await env.close();
    env = await createCrawlEnv({ timeoutMs: 30_000 });
    env.server.route('/rdf.xml', () => undefined);
    const rdf = fixtureSources(env.server.origin).find((s) => s.id === 'test-rdf')!;
    scheduler = startScheduler(env.deps, [{ ...rdf, schedule: NEVER }]);
    await until(() => env.server.hits('/rdf.xml') === 1);
    await scheduler.stop();
    scheduler = null;
    expect(runs()).toEqual([{ source_id: 'test-rdf', status: 'interrupted' }]);
    expect(env.db.prepare('SELECT count(*) FROM crawl_errors').pluck().get()).toBe(0);
    expect(env.db.prepare('SELECT consecutive_failures FROM sources').pluck().get()).toBe(0);
  });

  it('runs a source on its cron schedule', async () => {
    const rdf = fixtureSources(env.server.origin).find((s) => s.id === 'test-rdf')!;
    env.db.prepare("INSERT INTO sources (id, name, kind) VALUES ('x', 'x', 'feed')").run();
    env.db.prepare("INSERT INTO crawl_runs (source_id, started_at, status) VALUES ('x', '2025-01-01T00:00:00Z', 'ok')").run();
    scheduler = startScheduler(env.deps, [{ ...rdf, schedule: '* * * * * *' }]);
    await until(() => runs().some((r) => r.source_id === 'test-rdf' && r.status === 'ok'));
  });

  it('skips a backing-off source on schedule but crawls it on demand', async () => {
    const rdf = fixtureSources(env.server.origin).find((s) => s.id === 'test-rdf')!;
    env.db.prepare("INSERT INTO sources (id, name, kind, consecutive_failures, next_attempt_at) VALUES ('test-rdf', 'r', 'feed', 3, ?)").run(new Date(Date.now() + 3600_000).toISOString());
    env.db.prepare("INSERT INTO crawl_runs (source_id, started_at, status) VALUES ('test-rdf', '2025-01-01T00:00:00Z', 'failed')").run();
    scheduler = startScheduler(env.deps, [{ ...rdf, schedule: '* * * * * *' }]);
    await new Promise((r) => setTimeout(r, 1500));
    expect(runs()).toHaveLength(1);
    expect((await scheduler.crawlNow('test-rdf')).status).toBe('ok');
  });
});
