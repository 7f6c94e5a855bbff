// Ingest and reprocess through the real pipeline: permalinks (quote ids) and audited corrections survive.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase, type DB } from '../../src/db/connection.ts';
import { syncRegistries } from '../../src/db/people.ts';
import { correctQuote } from '../../src/db/corrections.ts';
import { ingestArticle, reprocessArticle } from '../../src/pipeline/ingest.ts';

const article = {
  url: 'https://news.example/ofsted-framework?utm_source=feed',
  title: 'Directors question new inspection framework',
  published: '2024-05-02',
  text: [
    'Directors have raised concerns about the new framework for inspecting children’s services.',
    '“The framework is flawed and it does not reflect the work of our social workers,” said Maria Lopez, president of the Association of Directors of Children’s Services.',
    'Ofsted said it would publish guidance for councils in the summer.',
  ].join('\n\n'),
};

let dir: string;
let db: DB;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'sw-reprocess-'));
  db = openDatabase(join(dir, 'test.db'));
  syncRegistries(db);
});
afterEach(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

const quotes = () => db.prepare('SELECT id, text, speaker_name, stance FROM quotes ORDER BY start').all() as { id: number; text: string; speaker_name: string; stance: string }[];

describe('ingest and reprocess', () => {
  it('stores an article once under its canonical URL; the same content again is unchanged', () => {
    const first = ingestArticle(db, null, article);
    expect(first.status).toBe('new');
    expect(db.prepare('SELECT url FROM articles').pluck().get()).toBe('https://news.example/ofsted-framework');
    expect(ingestArticle(db, null, { ...article, url: 'https://news.example/ofsted-framework' })).toMatchObject({ status: 'unchanged', articleId: first.articleId });
    expect(quotes().find((q) => q.speaker_name === 'Maria Lopez')).toBeDefined();
  });

  it('keeps quote ids and every correction when the article is reprocessed', () => {
    const { articleId } = ingestArticle(db, null, article);
    const lopez = quotes().find((q) => q.speaker_name === 'Maria Lopez')!;
    const corrected = lopez.stance === 'mixed' ? 'neutral' : 'mixed';
    correctQuote(db, lopez.id, { field: 'stance', value: corrected, reason: 'test: annotator disagrees', actor: 'tester' });
    correctQuote(db, lopez.id, { field: 'speaker', value: 'María López', reason: 'test: accents', actor: 'tester' });

    reprocessArticle(db, articleId);

    const after = quotes().find((q) => q.id === lopez.id);
    expect(after).toMatchObject({ id: lopez.id, stance: corrected, speaker_name: 'María López' });
    expect(db.prepare('SELECT COUNT(*) FROM corrections').pluck().get()).toBe(2);
    expect(db.prepare('SELECT processed_at IS NOT NULL FROM articles WHERE id = ?').pluck().get(articleId)).toBe(1);
  });
  it('a speaker corrected to an organisation makes the quote that body\'s statement, with no person, through a reprocess', () => {
    const articleId = ingestArticle(db, null, article).articleId!;
    const lopez = db.prepare("SELECT id FROM quotes WHERE speaker_name = 'Maria Lopez'").get() as { id: number };
    const people = () => db.prepare('SELECT COUNT(*) FROM people').pluck().get();
    const peopleBefore = people();
    const ofsted = db.prepare("SELECT id, name FROM organisations WHERE slug = 'ofsted'").get() as { id: number; name: string };

    correctQuote(db, lopez.id, { field: 'speaker', value: 'OFSTED', reason: 'test: a statement, not a person', actor: 'tester' });
    reprocessArticle(db, articleId);

    const after = db.prepare('SELECT speaker_name, person_id, speaker_org, organisation_id FROM quotes WHERE id = ?').get(lopez.id);
    expect(after).toEqual({ speaker_name: ofsted.name, person_id: null, speaker_org: ofsted.name, organisation_id: ofsted.id });
    expect(people()).toBe(peopleBefore);
    expect(db.prepare('SELECT field FROM corrections ORDER BY id').pluck().all()).toEqual(['speaker', 'organisation']);
  });
});
