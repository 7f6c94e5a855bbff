// Ingest through the real pipeline into a real SQLite file: one article at a time, and in batches sharing one commit
// where a failing article is never half-stored.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase, type DB } from '../../src/db/connection.ts';
import { syncRegistries } from '../../src/db/people.ts';
import { ingestArticle, ingestArticles, type IngestResult } from '../../src/pipeline/ingest.ts';
import { NLP_VERSION } from '../../src/nlp/analyse.ts';
import type { ScrapedArticle } from '../../src/types.ts';

const FILLER = [
  'The inspectorate published its new framework for local authority children’s services on Monday.',
  'Councils will receive a report card instead of a single word judgement under the new arrangements.',
  'The consultation received more than six thousand responses from professionals and families.',
];

function story(n: number, speaker: string, saying: string): ScrapedArticle {
  return {
    url: `https://news.example/story-${n}?utm_source=feed`,
    title: `Story ${n} about inspection`,
    published: `2024-05-0${n}`,
    text: [
      ...FILLER,
      `“${saying},” said ${speaker}, president of the Association of Directors of Children’s Services.`,
      `Story number ${n} carries its own closing line so that no two stories share all their words.`,
    ].join('\n\n'),
  };
}

let dir: string;
let db: DB;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'sw-ingest-'));
  db = openDatabase(join(dir, 'test.db'));
  syncRegistries(db);
});
afterEach(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

const count = (table: string) => db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;
const ok = (r: IngestResult | Error): IngestResult => {
  if (r instanceof Error) throw r;
  return r;
};

describe('ingestArticle', () => {
  it('stores a new article with its fingerprint and NLP version in the row, and its quotes', () => {
    const r = ingestArticle(db, null, story(1, 'Maria Lopez', 'The framework does not reflect the work of our social workers'));
    expect(r).toMatchObject({ status: 'new', quotes: expect.any(Number) });
    const row = db.prepare('SELECT url, simhash, processed_at, nlp_version, duplicate_of FROM articles WHERE id = ?').get(r.articleId) as Record<string, unknown>;
    expect(row).toMatchObject({ url: 'https://news.example/story-1', nlp_version: NLP_VERSION, duplicate_of: null });
    expect(row.simhash).toMatch(/^[0-9a-f]{16}$/);
    expect(row.processed_at).not.toBeNull();
    expect(db.prepare("SELECT count(*) FROM quotes WHERE article_id = ? AND speaker_name = 'Maria Lopez'").pluck().get(r.articleId)).toBe(1);
  });

  it('updates a changed article in place and replaces its quotes', () => {
    const first = ingestArticle(db, null, story(1, 'Maria Lopez', 'The framework does not reflect the work of our social workers'));
    const changed = story(1, 'Maria Lopez', 'The report cards are a welcome step for every family');
    const second = ingestArticle(db, null, changed);
    expect(second).toMatchObject({ status: 'updated', articleId: first.articleId });
    expect(db.prepare('SELECT text FROM quotes WHERE article_id = ?').pluck().all(first.articleId)).toEqual([
      expect.stringContaining('report cards'),
    ]);
    expect(ingestArticle(db, null, changed)).toMatchObject({ status: 'unchanged', articleId: first.articleId });
  });
});

describe('ingestArticles', () => {
  it('stores a batch with one commit; repeats within the batch are unchanged or duplicates; search finds it', () => {
    const a = story(1, 'Maria Lopez', 'The framework does not reflect the work of our social workers');
    const b = story(2, 'Maria Lopez', 'Report cards will confuse parents');
    const results = ingestArticles(db, null, [a, b, a, { ...b, url: 'https://mirror.example/b' }]).map(ok);
    expect(results.map((r) => r.status)).toEqual(['new', 'new', 'unchanged', 'duplicate']);
    expect(results[2]!.articleId).toBe(results[0]!.articleId);
    expect(results[3]!.articleId).toBe(results[1]!.articleId);
    expect(db.prepare('SELECT article_id FROM article_urls WHERE url = ?').pluck().get('https://mirror.example/b')).toBe(results[1]!.articleId);
    expect(count('articles')).toBe(2);
    // One person record for the speaker quoted in both articles.
    expect(db.prepare("SELECT count(DISTINCT person_id) FROM quotes WHERE speaker_name = 'Maria Lopez'").pluck().get()).toBe(1);
    expect(db.prepare("SELECT rowid FROM articles_fts WHERE articles_fts MATCH 'confuse'").pluck().all()).toEqual([results[1]!.articleId]);
    expect(db.prepare("SELECT rowid FROM articles_fts WHERE articles_fts MATCH '\"closing line\" AND number'").pluck().all()).toHaveLength(2);
    const quoteIds = db.prepare("SELECT rowid FROM quotes_fts WHERE quotes_fts MATCH 'confuse parents'").pluck().all();
    expect(quoteIds).toEqual(db.prepare('SELECT id FROM quotes WHERE article_id = ?').pluck().all(results[1]!.articleId));
  });

  it('marks a lightly edited copy later in the same batch as a near-duplicate of the first', () => {
    const a = story(1, 'Maria Lopez', 'The framework does not reflect the work of our social workers');
    const copy = { ...a, url: 'https://mirror.example/copy', title: 'Retitled', text: `${a.text}\n\nNotes to editors: contact the press office.` };
    const [first, second] = ingestArticles(db, null, [a, copy]).map(ok);
    expect(second!.status).toBe('new');
    expect(db.prepare('SELECT duplicate_of FROM articles WHERE id = ?').pluck().get(second!.articleId)).toBe(first!.articleId);
  });

  it('leaves out a whole article that fails while being stored, and stores the others', () => {
    // A store failure after the article row is written: the quote insert aborts for one article only.
    db.exec(`CREATE TRIGGER test_poison BEFORE INSERT ON quotes WHEN new.text LIKE '%poison%' BEGIN SELECT RAISE(ABORT, 'poisoned quote'); END`);
    const batch = [
      story(1, 'Maria Lopez', 'The framework does not reflect the work of our social workers'),
      story(2, 'Maria Lopez', 'This quote is poison for the store'),
      story(3, 'Maria Lopez', 'Report cards will confuse parents'),
    ];
    const results = ingestArticles(db, null, batch);
    expect(results[1]).toBeInstanceOf(Error);
    expect((results[1] as Error).message).toContain('poisoned quote');
    expect(results.filter((r) => !(r instanceof Error)).map((r) => (r as IngestResult).status)).toEqual(['new', 'new']);
    expect(db.prepare('SELECT url FROM articles ORDER BY id').pluck().all()).toEqual(['https://news.example/story-1', 'https://news.example/story-3']);
    expect(db.prepare("SELECT count(*) FROM articles_fts WHERE articles_fts MATCH 'number AND 2'").pluck().get()).toBe(0);
    expect(db.prepare("SELECT count(*) FROM quotes WHERE text LIKE '%poison%'").pluck().get()).toBe(0);
    expect(db.prepare('PRAGMA integrity_check').pluck().get()).toBe('ok');
    // The failed article goes in once the cause is gone.
    db.exec('DROP TRIGGER test_poison');
    expect(ok(ingestArticles(db, null, batch)[1]!).status).toBe('new');
  });

  it('reports broken input in its slot and stores the rest', () => {
    const broken = { url: 'https://news.example/broken', title: 'Broken' } as unknown as ScrapedArticle;
    const results = ingestArticles(db, null, [broken, story(1, 'Maria Lopez', 'The framework does not reflect the work of our social workers')]);
    expect(results[0]).toBeInstanceOf(Error);
    expect(ok(results[1]!).status).toBe('new');
    expect(count('articles')).toBe(1);
  });
});
