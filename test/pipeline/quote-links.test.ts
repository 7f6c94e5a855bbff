// Linking quotes to organisations across the articles of one batch: a name resolved once is not looked up again,
// yet an organisation added by an article whose savepoint rolled back is not linked to by the next one.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase, type DB } from '../../src/db/connection.ts';
import { syncRegistries } from '../../src/db/people.ts';
import { ingestArticlesWith, type IngestResult } from '../../src/pipeline/ingest.ts';
import type { AnalysedQuote, ArticleContext, QuoteKind } from '../../src/types.ts';

let dir: string;
let db: DB;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'quote-links-'));
  db = openDatabase(join(dir, 'q.db'));
  syncRegistries(db);
});
afterEach(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

const quote = (org: string, kind: string): AnalysedQuote => ({
  text: 'We will keep working with families', kind: kind as QuoteKind, start: 0, end: 10, speaker: 'Alex Brightwater', speakerOrg: org,
  speakerRole: 'chief executive', cue: 'said', placement: 'body', confidence: 0.9, stance: 'neutral', stanceConfidence: 0.5, stanceCues: [], sentiment: 0,
});

/** Articles whose text names the analysis to return: 'bad' gives a quote the schema rejects (its kind). */
const analyser = async (ctx: ArticleContext) => {
  const [, org, kind] = /^(.*?) \/ (\w+)/.exec(ctx.text)!;
  return { quotes: [quote(org!, kind!)], fingerprint: null };
};
const article = (i: number, org: string, kind: string) => ({ url: `https://example.test/${i}`, title: `Story ${i}`, text: `${org} / ${kind} text ${i}` });
const orgRows = (name: string) => db.prepare('SELECT id FROM organisations WHERE name = ?').pluck().all(name);

describe('organisation links within one batch', () => {
  it('resolves a name the same way in every article and forgets what a rolled-back article added', async () => {
    const results = await ingestArticlesWith(analyser, db, null, [
      article(1, 'Riverside Care Trust', 'bogus'),
      article(2, 'Riverside Care Trust', 'direct'),
      article(3, 'Riverside Care Trust', 'indirect'),
      article(4, 'Hollowfield Foster Network', 'direct'),
      article(5, 'Hollowfield Foster Network', 'bogus'),
      article(6, 'Hollowfield Foster Network', 'mixed'),
    ]);
    expect(results.map((r) => (r instanceof Error ? 'error' : r.status))).toEqual(['error', 'new', 'new', 'new', 'error', 'new']);
    const [riverside] = orgRows('Riverside Care Trust');
    const [hollowfield] = orgRows('Hollowfield Foster Network');
    expect(orgRows('Riverside Care Trust')).toHaveLength(1);
    const linked = (r: IngestResult | Error) =>
      db.prepare('SELECT organisation_id FROM quotes WHERE article_id = ?').pluck().get((r as IngestResult).articleId);
    expect([results[1], results[2]].map(linked)).toEqual([riverside, riverside]);
    expect([results[3], results[5]].map(linked)).toEqual([hollowfield, hollowfield]);
    expect(db.prepare('PRAGMA foreign_key_check').all()).toEqual([]);
  });
});
