// A full disk or a read-only database: storing fails with a clear error, nothing is half-stored, and the web app
// keeps serving reads. The full disk is SQLite's own limit (PRAGMA max_page_count), so the test needs no root.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type DB } from '../../src/db/connection.ts';
import { ingestArticle } from '../../src/pipeline/ingest.ts';
import { crawlSource } from '../../src/pipeline/crawl.ts';
import { loadSourceRegistry } from '../../src/source-registry.ts';
import { loadConfig } from '../../src/config.ts';
import { createLogger } from '../../src/log.ts';
import { buildWebFixtureDb, type FixtureDb } from '../helpers/web-fixture-db.ts';
import { testApp } from '../helpers/web-app.ts';
import type { FixtureServer } from '../helpers/fixture-server.ts';
import { startNewsSite, writeRegistry } from '../faults/crawl-fixture.ts';
import { article, organisations, people, rng } from '../../bench/lib/generate.ts';
import type { ScrapedArticle } from '../../src/types.ts';

let fx: FixtureDb;
let site: FixtureServer;
beforeAll(async () => {
  fx = buildWebFixtureDb();
  site = await startNewsSite(10);
});
afterAll(async () => {
  fx.close();
  await site.close();
});

function bigArticle(n: number): ScrapedArticle {
  const r = rng(n);
  const a = article(r, people(50, 10, r), organisations(10), { quotes: 8, words: 3_000 });
  return { url: `https://full.example/${n}`, title: a.title, text: a.body, published: '2024-05-01', raw: 'x'.repeat(200_000) };
}

const counts = (db: DB) => db.prepare('SELECT (SELECT count(*) FROM articles) AS articles, (SELECT count(*) FROM quotes) AS quotes').get() as { articles: number; quotes: number };

async function serveStillReads(db: DB) {
  const app = testApp(db);
  for (const path of ['/', '/quotes.json', '/articles', '/?q=framework', `/quotes/${fx.ids.adcsQuote}`]) expect((await app.request(path)).status, path).toBe(200);
}

function fullDisk(): DB {
  const writer = openDatabase(fx.path);
  writer.pragma(`max_page_count = ${writer.pragma('page_count', { simple: true }) as number}`);
  return writer;
}

describe('when the disk is full', () => {
  it('ingest fails with SQLITE_FULL, stores nothing of the article, and the app keeps serving reads', async () => {
    const writer = fullDisk();
    const before = counts(fx.db);
    expect(() => ingestArticle(writer, 'cypn', bigArticle(1))).toThrow(expect.objectContaining({ code: 'SQLITE_FULL', message: expect.stringMatching(/full/) }));
    expect(counts(fx.db)).toEqual(before);
    expect(fx.db.prepare("SELECT count(*) FROM articles WHERE url LIKE 'https://full.example/%'").pluck().get()).toBe(0);
    expect(fx.db.pragma('integrity_check', { simple: true })).toBe('ok');
    await serveStillReads(fx.db);
    // Space comes back: the same article stores normally.
    writer.pragma('max_page_count = 1073741823');
    expect(ingestArticle(writer, 'cypn', bigArticle(1)).status).toBe('new');
    writer.close();
  });

  it('a crawl into a full disk ends with a clear error instead of hanging or half-storing', async () => {
    const dir = fx.dir;
    const sources = loadSourceRegistry(writeRegistry(dir, site.origin));
    const writer = fullDisk();
    const before = counts(fx.db);
    const config = loadConfig({ STANCEWATCH_FETCH_DELAY_MS: '0' });
    const logged: string[] = [];
    const log = createLogger('warn', (line) => logged.push(line));
    const summary = await crawlSource({ db: writer, config, log }, sources[0]!);
    // Items that still fitted in free pages are stored whole; every other one failed, saying why in the log.
    expect(summary.itemsNew + summary.itemsFailed).toBe(10);
    expect(summary.itemsFailed).toBeGreaterThan(5);
    expect(summary.status).not.toBe('ok');
    expect(logged.filter((l) => /database or disk is full/.test(l))).toHaveLength(summary.itemsFailed);
    expect(counts(fx.db).articles).toBe(before.articles + summary.itemsNew);
    const unprocessed = fx.db.prepare('SELECT count(*) FROM articles WHERE processed_at IS NULL').pluck().get();
    expect(unprocessed).toBe(0);
    await serveStillReads(fx.db);
    writer.close();
  });
});

describe('when the database is read-only', () => {
  it('ingest fails with SQLITE_READONLY and reads keep working on the same connection', async () => {
    const ro = openDatabase(fx.path, { readonly: true });
    const before = counts(ro);
    expect(() => ingestArticle(ro, 'cypn', bigArticle(2))).toThrow(expect.objectContaining({ code: 'SQLITE_READONLY', message: expect.stringMatching(/readonly/) }));
    expect(counts(ro)).toEqual(before);
    await serveStillReads(ro);
    ro.close();
  });
});
