// kill -9 of a crawler mid-run: the database stays sound, every committed article is whole (with all its quotes),
// and the next run completes with nothing missing and nothing twice. Compared against an uninterrupted crawl.
import { describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { BIN } from '../reliability/server-process.ts';
import { CHILD_ENV, useNewsSite } from './crawl-fixture.ts';

const ITEMS = 80;
const news = useNewsSite(ITEMS, 'sw-crash-');

const crawlArgs = (db: string) => [BIN, 'crawl', '--sources', news.registry, '--db', db];
const env = { ...process.env, ...CHILD_ENV };

/** Runs a crawl to its end without blocking this process, which serves the fixture site. */
function crawl(db: string): Promise<{ status: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, crawlArgs(db), { env, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (status) => resolve({ status, stderr }));
  });
}

type Snapshot = Map<string, { body: string; title: string; quotes: string[] }>;

function snapshot(path: string): Snapshot {
  const db = new Database(path, { readonly: true });
  const rows = db.prepare(`SELECT a.url, a.title, a.body, a.processed_at, json_group_array(q.start || ':' || q."end" || ':' || q.text) AS quotes
    FROM articles a LEFT JOIN (SELECT * FROM quotes ORDER BY start) q ON q.article_id = a.id GROUP BY a.id`).all() as { url: string; title: string; body: string; processed_at: string | null; quotes: string }[];
  db.close();
  return new Map(rows.map((r) => {
    expect(r.processed_at, `${r.url} was stored without being processed`).not.toBeNull();
    return [r.url, { title: r.title, body: r.body, quotes: (JSON.parse(r.quotes) as (string | null)[]).filter((q): q is string => q !== null) }];
  }));
}

function integrity(path: string): void {
  const db = new Database(path);
  expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
  expect(db.pragma('foreign_key_check')).toEqual([]);
  for (const fts of ['quotes_fts', 'articles_fts']) expect(() => db.exec(`INSERT INTO ${fts}(${fts}) VALUES ('integrity-check')`)).not.toThrow();
  expect(db.prepare('SELECT count(*) - count(DISTINCT url) FROM articles').pluck().get()).toBe(0);
  db.close();
}

describe('kill -9 during a crawl', () => {
  it('loses nothing committed, half-stores nothing, and the next run completes without duplicates', async () => {
    const controlDb = join(news.dir, 'control.db');
    const control = await crawl(controlDb);
    expect(control.status, control.stderr).toBe(0);
    const expected = snapshot(controlDb);
    expect(expected.size).toBe(ITEMS);

    const crashDb = join(news.dir, 'crash.db');
    const child = spawn(process.execPath, crawlArgs(crashDb), { env, stdio: 'ignore' });
    const exited = new Promise<NodeJS.Signals | number | null>((resolve) => child.on('exit', (code, signal) => resolve(signal ?? code)));
    // Kill it once a fair share of the articles is committed, polling through a separate read-only connection.
    let stored = 0;
    for (let i = 0; i < 1_200 && stored < ITEMS / 4; i++) {
      await new Promise((r) => setTimeout(r, 50));
      try {
        const db = new Database(crashDb, { readonly: true, fileMustExist: true });
        stored = db.prepare('SELECT count(*) FROM articles').pluck().get() as number;
        db.close();
      } catch { /* not created yet */ }
    }
    child.kill('SIGKILL');
    expect(await exited).toBe('SIGKILL');

    integrity(crashDb);
    const partial = snapshot(crashDb);
    expect(partial.size).toBeGreaterThan(0);
    expect(partial.size).toBeLessThan(ITEMS);
    for (const [url, got] of partial) expect(got, url).toEqual(expected.get(url));

    const rerun = await crawl(crashDb);
    expect(rerun.status, rerun.stderr).toBe(0);
    integrity(crashDb);
    const final = snapshot(crashDb);
    expect([...final.keys()].sort()).toEqual([...expected.keys()].sort());
    for (const [url, got] of final) expect(got, url).toEqual(expected.get(url));
  });
});
