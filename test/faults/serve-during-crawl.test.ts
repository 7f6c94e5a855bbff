// The server while a crawl writes to its database: reads never fail; and SIGTERM during the server's own crawl
// stops it cleanly (current article finished, database closed, exit 0).
import { describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { BIN, startServer } from '../reliability/server-process.ts';
import { CHILD_ENV, useNewsSite } from './crawl-fixture.ts';

const ITEMS = 80;
const news = useNewsSite(ITEMS, 'sw-serve-crawl-');

const count = (path: string, sql: string) => {
  const db = new Database(path, { readonly: true, fileMustExist: true });
  try { return db.prepare(sql).pluck().get() as number; } finally { db.close(); }
};

describe('web reads during a crawl', () => {
  it('never fail while another process stores articles', async () => {
    const db = join(news.dir, 'reads.db');
    const empty = join(news.dir, 'empty-sources.json');
    const { writeFileSync } = await import('node:fs');
    writeFileSync(empty, '{"sources": []}');
    const server = await startServer({ db, sources: empty });
    const crawler = spawn(process.execPath, [BIN, 'crawl', '--sources', news.registry, '--db', db], { env: { ...process.env, ...CHILD_ENV }, stdio: 'ignore' });
    const crawled = new Promise<number | null>((resolve) => crawler.on('exit', (code) => resolve(code)));
    let done = false;
    void crawled.then(() => (done = true));
    const statuses = new Map<number, number>();
    const paths = ['/', '/quotes.json', '/articles', '/?q=inspection', '/articles.json', '/sources', '/trends'];
    let i = 0;
    while (!done) {
      const res = await fetch(server.url + paths[i++ % paths.length]);
      await res.arrayBuffer();
      statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
    }
    expect(await crawled).toBe(0);
    expect(count(db, 'SELECT count(*) FROM articles')).toBe(ITEMS);
    expect([...statuses.keys()]).toEqual([200]);
    expect(statuses.get(200)).toBeGreaterThan(paths.length);
    expect(await server.kill('SIGTERM')).toBe(0);
  });
});

describe('SIGTERM', () => {
  it('during the start-up crawl: stops accepting, finishes the current article, closes the database, exits 0', async () => {
    const db = join(news.dir, 'sigterm.db');
    const server = await startServer({ db, sources: news.registry, env: { ...CHILD_ENV, STANCEWATCH_SCHEDULER: 'true', STANCEWATCH_LOG_LEVEL: 'info' } });
    // A never-crawled database makes `serve` crawl at once; wait until it is part-way through.
    for (let n = 0; n < 600 && !(existsSync(db) && count(db, 'SELECT count(*) FROM articles') >= 5); n++) await new Promise((r) => setTimeout(r, 50));
    expect((await fetch(server.url + '/')).status).toBe(200);
    const atSignal = count(db, 'SELECT count(*) FROM articles');
    const code = await server.kill('SIGTERM');
    expect(atSignal).toBeLessThan(ITEMS); // the server answered while its own crawl was running
    expect(code).toBe(0);
    expect(server.log()).toMatch(/stopping signal=SIGTERM/);
    await expect(fetch(server.url + '/')).rejects.toThrow();
    // Closed cleanly: the last connection checkpointed and removed the WAL; nothing half-stored.
    expect(existsSync(`${db}-wal`) ? statSync(`${db}-wal`).size : 0).toBe(0);
    const check = new Database(db);
    expect(check.pragma('integrity_check', { simple: true })).toBe('ok');
    const stored = check.prepare('SELECT count(*) FROM articles').pluck().get() as number;
    expect(stored).toBeGreaterThanOrEqual(5);
    expect(stored).toBeLessThan(ITEMS);
    expect(stored - atSignal).toBeLessThanOrEqual(2); // the article in hand (and one being committed), no more
    expect(check.prepare('SELECT count(*) FROM articles WHERE processed_at IS NULL').pluck().get()).toBe(0);
    expect(check.prepare('SELECT count(*) FROM articles a WHERE NOT EXISTS (SELECT 1 FROM quotes q WHERE q.article_id = a.id)').pluck().get()).toBe(0);
    // The run is recorded as stopped early, not left "running".
    expect(check.prepare("SELECT status FROM crawl_runs ORDER BY id DESC LIMIT 1").pluck().get()).not.toBe('running');
    check.close();
  });
});
