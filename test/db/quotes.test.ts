import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase, type DB } from '../../src/db/connection.ts';
import { replaceArticleQuotes, type QuoteToStore } from '../../src/db/quotes.ts';
import type { Stance } from '../../src/types.ts';

let dir: string;
let db: DB;
const ARTICLE = { id: 1, publishedAt: '2024-03-05', sourceId: 'src' };
const STANCES: Stance[] = ['supports', 'opposes', 'mixed', 'neutral', 'unrelated'];

const quote = (start: number, word: string, stance = STANCES[start % 5]!): QuoteToStore => ({
  text: `${word} quote number ${start}`, kind: 'direct', start, end: start + 5, speaker: `Person ${start % 3}`, speakerOrg: null, speakerRole: null,
  cue: 'said', placement: 'body', confidence: 0.9, stance, stanceConfidence: 0.5, stanceCues: [{ text: word, start: 0, end: word.length, role: 'target' }],
  sentiment: 0.1, personId: null, organisationId: null,
});

const stored = () => db.prepare('SELECT id, start, text, stance, stance_cues FROM quotes ORDER BY id').all() as Array<{ id: number; start: number; text: string; stance: string; stance_cues: string }>;
const matches = (word: string) => db.prepare('SELECT rowid FROM quotes_fts WHERE quotes_fts MATCH ? ORDER BY rowid').pluck().all(word);
const monthly = () => db.prepare('SELECT stance, n FROM stance_monthly WHERE n > 0 ORDER BY stance').all();
const recount = () => db.prepare("SELECT stance, count(*) AS n FROM quotes GROUP BY stance ORDER BY stance").all();

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'quotes-'));
  db = openDatabase(join(dir, 'q.db'));
  db.exec(`INSERT INTO sources (id, name, kind) VALUES ('src', 'S', 'feed');
    INSERT INTO articles (url, title, body, content_hash, fetched_at) VALUES ('https://example.test/a', 'A', 'body', 'h', 'now');`);
});
afterEach(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('replaceArticleQuotes', () => {
  it('stores more quotes than one INSERT holds, in order, each indexed and counted', () => {
    const quotes = Array.from({ length: 75 }, (_, i) => quote(i * 10, i % 2 ? 'inspection' : 'budget'));
    const counts = db.transaction(() => replaceArticleQuotes(db, ARTICLE, quotes))();
    expect(counts).toEqual({ inserted: 75, updated: 0, deleted: 0 });
    const rows = stored();
    expect(rows.map((r) => r.start)).toEqual(quotes.map((q) => q.start));
    expect(rows.map((r) => r.id)).toEqual(Array.from({ length: 75 }, (_, i) => i + 1));
    expect(JSON.parse(rows[74]!.stance_cues)).toEqual(quotes[74]!.stanceCues);
    expect(matches('inspection')).toEqual(rows.filter((r) => r.text.startsWith('inspection')).map((r) => r.id));
    expect(monthly()).toEqual(recount());
    db.exec("INSERT INTO quotes_fts(quotes_fts) VALUES ('integrity-check')");
  });

  it('keeps the ids of unchanged spans, inserts new ones between updates in order and deletes the rest', () => {
    db.transaction(() => replaceArticleQuotes(db, ARTICLE, Array.from({ length: 40 }, (_, i) => quote(i * 10, 'budget'))))();
    const before = stored();
    // Spans 0..190 kept (re-labelled), new spans interleaved with them, spans 200..390 gone.
    const next = Array.from({ length: 20 }, (_, i) => [quote(i * 10, 'reform', 'opposes'), quote(i * 10 + 5, 'framework')]).flat();
    const counts = db.transaction(() => replaceArticleQuotes(db, ARTICLE, next))();
    expect(counts).toEqual({ inserted: 20, updated: 20, deleted: 20 });
    const after = stored();
    expect(after.filter((r) => r.start % 10 === 0).map((r) => r.id)).toEqual(before.slice(0, 20).map((r) => r.id));
    expect(after.filter((r) => r.start % 10 === 5).map((r) => r.start)).toEqual(next.filter((q) => q.start % 10 === 5).map((q) => q.start));
    expect(after.filter((r) => r.start % 10 === 0).every((r) => r.stance === 'opposes' && r.text.startsWith('reform'))).toBe(true);
    expect(matches('budget')).toEqual([]);
    expect(matches('reform')).toEqual(before.slice(0, 20).map((r) => r.id));
    expect(monthly()).toEqual(recount());
    db.exec("INSERT INTO quotes_fts(quotes_fts) VALUES ('integrity-check')");
  });
});
