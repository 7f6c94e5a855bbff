// Ingest with the NLP stage on worker threads: the same articles, quotes and statuses as the single-thread path,
// and an article whose analysis throws or kills its thread is reported alone while the others are stored.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase, type DB } from '../../src/db/connection.ts';
import { syncRegistries } from '../../src/db/people.ts';
import { ingestArticles, ingestArticlesWith, reprocessArticle, reprocessArticlesWith, type IngestResult } from '../../src/pipeline/ingest.ts';
import { createAnalysisPool, type AnalysisPool } from '../../src/pipeline/analysis-pool.ts';
import { createWorkerPool } from '../../src/pipeline/worker-pool.ts';
import { ingestBatches } from '../../src/pipeline/batch-ingest.ts';
import type { ArticleContext, ScrapedArticle } from '../../src/types.ts';
import type { ArticleAnalysis } from '../../src/pipeline/article-analysis.ts';
import { generateCorpus } from '../../bench/pipeline.ts';
import { readArticleFile } from '../../src/cli/article-file.ts';

const NOW = new Date('2025-01-02T03:04:05Z');

/** Generated articles plus the awkward cases: the same URL twice, the same text under another URL (and under a
 * tracking-parameter variant), a changed text at a stored URL (twice in one batch), and a near-duplicate rewrite. */
function corpus(): ScrapedArticle[][] {
  const base = generateCorpus(10, 11);
  const [a, b, c] = base;
  const nearCopy = { ...b!, url: 'https://other.example/copy', title: `${b!.title} (republished)`, text: `${b!.text}\n\nThis article was first published elsewhere.` };
  return [
    [...base.slice(0, 6), { ...a!, url: `${a!.url}?utm_source=feed` }],
    [...base.slice(6), { ...c!, url: 'https://mirror.example/c' }, { ...a!, text: `${a!.text}\n\nUpdated with a correction.` }, nearCopy, a!],
    // Unchanged when the batch before was analysed, changed by the time it is stored.
    [a!],
  ];
}

/** Everything stored about articles, their URLs, quotes and speakers; the same input in the same order gives the same
 * row ids, and both runs share one clock, so every column is compared. */
function snapshot(db: DB, { clock = true } = {}) {
  const rows = (table: string) => (db.prepare(`SELECT * FROM ${table} ORDER BY 1, 2`).all() as Array<Record<string, unknown>>)
    .map((row) => (clock ? row : { ...row, fetched_at: undefined, processed_at: undefined }));
  return Object.fromEntries(['articles', 'article_urls', 'quotes', 'people', 'person_aliases', 'person_roles', 'stance_monthly'].map((t) => [t, rows(t)]));
}

const statuses = (rs: Array<IngestResult | Error>) => rs.map((r) => (r instanceof Error ? `error: ${r.message}` : `${r.status} ${r.quotes}`));

let dir: string;
const dbs: DB[] = [];
const open = (name: string) => {
  const db = openDatabase(join(dir, name));
  syncRegistries(db);
  dbs.push(db);
  return db;
};
beforeEach(() => void (dir = mkdtempSync(join(tmpdir(), 'sw-parallel-'))));
afterEach(() => {
  dbs.splice(0).forEach((db) => db.close());
  rmSync(dir, { recursive: true, force: true });
});

describe('ingestArticlesWith a pool of NLP worker threads', () => {
  let pool: AnalysisPool;
  beforeAll(() => void (pool = createAnalysisPool(2)));
  afterAll(() => pool.close());

  it('stores the same articles, URLs and quotes with the same statuses as ingestArticles', async () => {
    const single = open('single.db');
    const parallel = open('parallel.db');
    const expected: string[] = [];
    const actual: string[] = [];
    for (const batch of corpus()) {
      expected.push(...statuses(ingestArticles(single, null, batch, NOW)));
      actual.push(...statuses(await ingestArticlesWith(pool.run, parallel, null, batch, NOW)));
    }
    expect(actual).toEqual(expected);
    // The stream of batches, the next analysed while one is stored, gives the same again.
    const streamed = open('streamed.db');
    const fromStream: string[] = [];
    await ingestBatches(pool.run, streamed, null, corpus().map((b) => b.map((article) => ({ article }))), (_, rs) => void fromStream.push(...statuses(rs)), NOW);
    expect(fromStream).toEqual(expected);
    expect(snapshot(streamed)).toEqual(snapshot(single));
    expect(expected.filter((s) => s.startsWith('new')).length).toBe(11);
    expect(expected).toEqual(expect.arrayContaining(['unchanged 0', 'duplicate 0', expect.stringMatching(/^updated [1-9]/)]));
    expect(expected.at(-1)).toMatch(/^updated [1-9]/);
    const want = snapshot(single);
    expect(want.quotes!.length).toBeGreaterThan(50);
    expect(want.articles!.some((a) => (a as { duplicate_of: number | null }).duplicate_of !== null)).toBe(true);
    expect(snapshot(parallel)).toEqual(want);
  });

  it('analyses a few articles in this thread (no thread start-up for them), with the same result', async () => {
    const few = createAnalysisPool(2, 3);
    expect(few.size).toBe(0);
    expect(pool.size).toBe(2);
    const [a] = generateCorpus(1, 3);
    const ctx = { title: a!.title, text: a!.text, published: a!.published ?? null };
    expect(await few.run(ctx)).toEqual(await pool.run(ctx));
  });

  it('reprocesses as reprocessArticle does, article by article; a missing article is reported alone', async () => {
    const [single, parallel] = [open('single.db'), open('parallel.db')];
    const later = new Date('2025-02-03T04:05:06Z');
    for (const db of [single, parallel]) {
      ingestArticles(db, null, generateCorpus(6, 13), NOW);
      // Quotes lost or stale: reprocessing must bring back the same rows in both.
      db.prepare('DELETE FROM quotes WHERE article_id IN (2, 4)').run();
      db.prepare("UPDATE quotes SET stance = 'unrelated' WHERE article_id = 5").run();
    }
    const ids = [1, 2, 3, 404, 4, 5, 6];
    const expected = ids.map((id) => {
      try {
        return reprocessArticle(single, id, later);
      } catch (err) {
        return (err as Error).message;
      }
    });
    const actual: Array<[number, number | string]> = [];
    await reprocessArticlesWith(pool.run, parallel, ids, (id, r) => actual.push([id, typeof r === 'number' ? r : r.message]), later);
    expect(actual).toEqual(ids.map((id, k) => [id, expected[k]]));
    expect(expected[3]).toBe('article 404 does not exist');
    expect(snapshot(parallel)).toEqual(snapshot(single));
  });
});

describe('faults in a worker thread', () => {
  const faulty = () => createWorkerPool<ArticleContext, ArticleAnalysis>(new URL('../fixtures/pipeline/faulty-analysis.ts', import.meta.url), 2);

  it('an article whose analysis throws or kills its thread is reported alone; the others are stored, and the pool goes on', async () => {
    const db = open('faults.db');
    const pool = faulty();
    try {
      const batch = generateCorpus(8, 5);
      batch[2] = { ...batch[2]!, title: `${batch[2]!.title} [throw]` };
      batch[5] = { ...batch[5]!, title: `${batch[5]!.title} [crash]` };
      const results = await ingestArticlesWith(pool.run, db, null, batch, NOW);
      expect(results[2]).toBeInstanceOf(Error);
      expect((results[2] as Error).message).toMatch(/cannot analyse .*\[throw\]/);
      expect((results[5] as Error).message).toMatch(/worker thread died while running this task: exit code 3/);
      expect(results.filter((r) => !(r instanceof Error)).map((r) => (r as IngestResult).status)).toEqual(Array(6).fill('new'));
      expect(db.prepare('SELECT count(*) FROM articles').pluck().get()).toBe(6);
      expect(db.prepare("SELECT count(*) FROM articles WHERE title LIKE '%[throw]%' OR title LIKE '%[crash]%'").pluck().get()).toBe(0);
      // Stored articles have their quotes; the pool replaced its dead thread and still analyses.
      expect(db.prepare('SELECT count(*) FROM articles a WHERE NOT EXISTS (SELECT 1 FROM quotes q WHERE q.article_id = a.id)').pluck().get()).toBe(0);
      const more = generateCorpus(3, 6).map((a, i) => ({ ...a, url: `https://more.example/${i}` }));
      const next = await ingestArticlesWith(pool.run, db, null, more, NOW);
      expect(statuses(next).every((s) => s.startsWith('new'))).toBe(true);
    } finally {
      await pool.close();
    }
  });

  it('a task module that cannot load fails every task with the reason instead of restarting threads forever', async () => {
    const pool = createWorkerPool<ArticleContext, ArticleAnalysis>(new URL('../fixtures/pipeline/missing-module.ts', import.meta.url), 2);
    try {
      await expect(pool.run({ title: 't', text: 'x', published: null })).rejects.toThrow(/worker thread failed to start: .*missing-module/);
      await expect(pool.run({ title: 't', text: 'x', published: null })).rejects.toThrow(/failed to start/);
    } finally {
      await pool.close();
    }
  });
});

describe('stancewatch import', () => {
  it('analyses on worker threads through the bin (tsx loaded in each thread) and stores what ingestArticles stores; reprocess too', () => {
    // Files, one the text of another under a new title (a near-duplicate), and one that does not exist.
    const files = generateCorpus(8, 9).map((a, i) => {
      const file = join(dir, `article-${i}.txt`);
      writeFileSync(file, `${a.title}\n${a.published}\n\n${a.text}`);
      return file;
    });
    writeFileSync(join(dir, 'copy.txt'), `Copy\n\n${generateCorpus(1, 9)[0]!.text}`);
    files.push(join(dir, 'copy.txt'));
    const cli = spawnSync(process.execPath, [join(import.meta.dirname, '..', '..', 'bin', 'stancewatch.js'), 'import', '--db', join(dir, 'cli.db'), ...files, join(dir, 'missing.txt')], {
      encoding: 'utf8',
      env: { ...process.env, STANCEWATCH_NLP_WORKERS: '2', STANCEWATCH_LOG_LEVEL: 'error' },
      timeout: 120_000,
    });
    expect(cli.stdout).toMatch(/^10 file\(s\): 9 new, 0 updated, 0 unchanged, 0 duplicate, 1 failed; \d+ quote\(s\) extracted/m);
    expect(cli.status).toBe(1);
    expect(cli.stderr).toMatch(/missing\.txt/);

    const direct = open('direct.db');
    const articles = files.map((f) => readArticleFile(f, { textHeader: true }));
    ingestArticles(direct, null, articles);
    const viaCli = open('cli.db');
    expect(snapshot(viaCli, { clock: false })).toEqual(snapshot(direct, { clock: false }));

    viaCli.prepare('DELETE FROM quotes').run();
    const again = spawnSync(process.execPath, [join(import.meta.dirname, '..', '..', 'bin', 'stancewatch.js'), 'reprocess', '--db', join(dir, 'cli.db')], {
      encoding: 'utf8',
      env: { ...process.env, STANCEWATCH_NLP_WORKERS: '2', STANCEWATCH_LOG_LEVEL: 'error' },
      timeout: 120_000,
    });
    expect(again.stdout).toMatch(/^9 article\(s\) reprocessed, \d+ quote\(s\), 0 failed/m);
    expect(again.status).toBe(0);
    expect(snapshot(viaCli, { clock: false }).quotes).toEqual(snapshot(direct, { clock: false }).quotes);
  }, 240_000);
});
