// The corrections store: audit rows, merges and splits, and re-applying corrections after reprocessing.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { correctionsForQuote, correctQuote, mergePeople, reapplyCorrections, splitPerson } from '../../src/db/corrections.ts';
import { buildWebFixtureDb, type FixtureDb } from '../helpers/web-fixture-db.ts';

let f: FixtureDb;
beforeEach(() => { f = buildWebFixtureDb(); });
afterEach(() => f.close());

const quote = (id: number) => f.db.prepare('SELECT * FROM quotes WHERE id = ?').get(id) as Record<string, any>;
const audit = { reason: 'checked the video', actor: 'Ada' };

/** What reprocessing does: the article's quotes are deleted and stored again, with new ids and fresh NLP output. */
function restoreQuotes(articleId: number): Map<string, number> {
  const rows = f.db.prepare('SELECT * FROM quotes WHERE article_id = ?').all(articleId) as Record<string, any>[];
  f.db.prepare('DELETE FROM quotes WHERE article_id = ?').run(articleId);
  const ids = new Map<string, number>();
  for (const r of rows) {
    const info = f.db.prepare(
      `INSERT INTO quotes (article_id, start, "end", text, kind, placement, speaker_name, person_id, organisation_id, speaker_org, stance, published_at, source_id)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'neutral', ?, ?)`,
    ).run(articleId, r.start, r.end, r.text, r.kind, r.placement, 'Dave Hill', r.person_id, r.organisation_id, r.speaker_org, r.published_at, r.source_id);
    ids.set(`${r.start}:${r.end}`, Number(info.lastInsertRowid));
  }
  return ids;
}

describe('correctQuote', () => {
  it('records who, when, old, new and why, keyed by article and span', () => {
    const q = quote(f.ids.adcsQuote);
    correctQuote(f.db, q.id, { field: 'stance', value: 'Supports', ...audit });
    const [c] = correctionsForQuote(f.db, { id: q.id, article_id: q.article_id, start: q.start, end: q.end });
    expect(c).toMatchObject({ field: 'stance', old_value: 'opposes', new_value: 'supports', reason: audit.reason, actor: 'Ada', article_id: q.article_id, quote_start: q.start, quote_end: q.end });
    expect(Date.parse(c!.created_at)).not.toBeNaN();
    expect(quote(q.id).stance).toBe('supports');
  });

  it('corrects the speaker to an existing or a new person, and the organisation', () => {
    correctQuote(f.db, f.ids.adcsQuote, { field: 'speaker', value: 'michael-wilshaw', ...audit });
    expect(quote(f.ids.adcsQuote)).toMatchObject({ speaker_name: 'Sir Michael Wilshaw' });
    correctQuote(f.db, f.ids.undatedQuote, { field: 'speaker', value: 'Brand New Person', ...audit });
    const p = f.db.prepare("SELECT id FROM people WHERE slug = 'brand-new-person'").get() as { id: number };
    expect(quote(f.ids.undatedQuote).person_id).toBe(p.id);
    correctQuote(f.db, f.ids.undatedQuote, { field: 'organisation', value: 'ADCS', ...audit });
    expect(quote(f.ids.undatedQuote)).toMatchObject({ speaker_org: "Association of Directors of Children's Services" });
  });

  it.each([
    [{ field: 'stance', value: 'angry' }, /Stance must be/],
    [{ field: 'stance', value: 'supports', reason: ' ' }, /reason/],
    [{ field: 'text', value: 'x' }, /Cannot correct/],
  ])('rejects %o', (input, message) => {
    expect(() => correctQuote(f.db, f.ids.adcsQuote, { ...audit, ...input } as never)).toThrow(message);
  });
});

describe('reapplyCorrections', () => {
  it('re-applies the latest correction per field to the quote with the same span after reprocessing', () => {
    const q = quote(f.ids.adcsQuote);
    correctQuote(f.db, q.id, { field: 'stance', value: 'supports', ...audit });
    correctQuote(f.db, q.id, { field: 'stance', value: 'mixed', ...audit });
    correctQuote(f.db, q.id, { field: 'speaker', value: 'michael-wilshaw', ...audit });
    const ids = restoreQuotes(q.article_id);
    const newId = ids.get(`${q.start}:${q.end}`)!;
    expect(newId).not.toBe(q.id);
    expect(quote(newId).stance).toBe('neutral');
    reapplyCorrections(f.db, q.article_id);
    expect(quote(newId)).toMatchObject({ stance: 'mixed', speaker_name: 'Sir Michael Wilshaw' });
    const history = correctionsForQuote(f.db, { id: newId, article_id: q.article_id, start: q.start, end: q.end });
    expect(history.map((c) => c.new_value)).toEqual(['supports', 'mixed', 'Sir Michael Wilshaw']);
    expect(history.every((c) => c.quote_id === newId)).toBe(true);
    const others = [...ids.values()].filter((id) => id !== newId);
    expect(others.map((id) => quote(id).stance)).toEqual(others.map(() => 'neutral'));
  });

  it('follows a quote whose edges moved a little, but not onto a different quote', () => {
    const q = quote(f.ids.adcsQuote);
    correctQuote(f.db, q.id, { field: 'stance', value: 'supports', ...audit });
    f.db.prepare('UPDATE quotes SET start = start - 1, "end" = "end" + 1, stance = ? WHERE id = ?').run('neutral', q.id);
    const others = f.db.prepare('SELECT id, stance FROM quotes WHERE article_id = ? AND id <> ? ORDER BY id').all(q.article_id, q.id);
    f.db.prepare('UPDATE quotes SET stance = ? WHERE article_id = ? AND id <> ?').run('unrelated', q.article_id, q.id);
    reapplyCorrections(f.db, q.article_id);
    expect(quote(q.id).stance).toBe('supports');
    expect(others.length).toBeGreaterThan(0);
    for (const o of others as { id: number }[]) expect(quote(o.id).stance).toBe('unrelated');
  });

  it('sends quotes of a merged person to the person they were merged into', () => {
    mergePeople(f.db, 'dave-hill', 'michael-wilshaw', audit);
    const article = quote(f.ids.adcsQuote).article_id;
    const hill = (f.db.prepare("SELECT id FROM people WHERE slug = 'dave-hill'").get() as { id: number }).id;
    f.db.prepare('UPDATE quotes SET person_id = ? WHERE article_id = ?').run(hill, article); // what a naive re-attribution would do
    reapplyCorrections(f.db, article);
    const wilshaw = (f.db.prepare("SELECT id FROM people WHERE slug = 'michael-wilshaw'").get() as { id: number }).id;
    const people = f.db.prepare('SELECT DISTINCT person_id FROM quotes WHERE article_id = ?').all(article) as { person_id: number }[];
    expect(people).toEqual([{ person_id: wilshaw }]);
  });
});

describe('merge and split', () => {
  it('merges quotes, roles and aliases and refuses loops', () => {
    mergePeople(f.db, 'dave-hill', 'michael-wilshaw', audit);
    const aliases = f.db.prepare("SELECT alias FROM person_aliases a JOIN people p ON p.id = a.person_id WHERE p.slug = 'michael-wilshaw'").all().map((r: any) => r.alias);
    expect(aliases).toContain('Dave Hill');
    expect(() => mergePeople(f.db, 'michael-wilshaw', 'dave-hill', audit)).toThrow(/loop/);
    const c = f.db.prepare("SELECT * FROM corrections WHERE field = 'merge_person'").get() as Record<string, unknown>;
    expect(c).toMatchObject({ old_value: 'dave-hill', new_value: 'michael-wilshaw', actor: 'Ada' });
  });

  it('splits chosen quotes off to another person, each with a speaker correction', () => {
    const hillQuotes = (f.db.prepare("SELECT q.id FROM quotes q JOIN people p ON p.id = q.person_id WHERE p.slug = 'dave-hill' ORDER BY q.id LIMIT 2").all() as { id: number }[]).map((r) => r.id);
    const { slug } = splitPerson(f.db, 'dave-hill', { newName: 'David Hill (Surrey)', quoteIds: hillQuotes, ...audit });
    expect(slug).toBe('david-hill-surrey');
    for (const id of hillQuotes) expect(quote(id).speaker_name).toBe('David Hill (Surrey)');
    expect((f.db.prepare("SELECT count(*) AS n FROM corrections WHERE field = 'speaker'").get() as { n: number }).n).toBe(2);
    expect(() => splitPerson(f.db, 'dave-hill', { newName: 'X', quoteIds: [f.ids.undatedQuote], ...audit })).toThrow(/not attributed/);
  });
});
