import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase, type DB } from '../../src/db/connection.ts';
import { stanceTrends } from '../../src/db/trends.ts';

let dir: string;
let db: DB;

// [published_at, org slug | null, person slug | null, stance, source]
const QUOTES: [string | null, string | null, string | null, string, string][] = [
  ['2016-01-10', 'adcs', 'pat', 'opposes', 'cypnow'],
  ['2016-01-20T09:00:00Z', 'adcs', 'pat', 'opposes', 'cypnow'],
  ['2016-02-03', 'adcs', 'pat', 'supports', 'guardian'],
  ['2016-03-31', 'adcs', 'kim', 'mixed', 'cypnow'],
  ['2016-04-01', 'adcs', 'kim', 'neutral', 'cypnow'],
  ['2016-07-21', 'ofsted', 'mike', 'supports', 'cypnow'],
  ['2016-07-22', 'ofsted', 'mike', 'supports', 'guardian'],
  ['2016-08-01', 'ofsted', 'mike-old', 'unrelated', 'cypnow'],
  ['2016-09-30', null, null, 'opposes', 'cypnow'],
  [null, 'adcs', 'pat', 'opposes', 'cypnow'],
];

function buildDb(file: string): DB {
  const db = openDatabase(join(dir, file));
  db.exec(`
    INSERT INTO organisations (slug, name, acronym) VALUES ('adcs', 'Association of Directors of Children''s Services', 'ADCS'), ('ofsted', 'Ofsted', NULL);
    INSERT INTO people (slug, name) VALUES ('pat', 'Pat Director'), ('kim', 'Kim Chair'), ('mike', 'Sir Mike Inspector');
    INSERT INTO people (slug, name, merged_into) VALUES ('mike-old', 'Mike Inspector', 3);
    INSERT INTO person_aliases (person_id, alias) VALUES (3, 'the chief inspector');
    INSERT INTO sources (id, name, kind) VALUES ('cypnow', 'CYP Now', 'html'), ('guardian', 'The Guardian', 'api');
    INSERT INTO articles (url, title, body, content_hash, fetched_at) VALUES ('https://example.test/a', 'A', 'body', 'h', '2016-01-01');
  `);
  const ins = db.prepare(`INSERT INTO quotes (article_id, start, "end", text, kind, stance, published_at, source_id, organisation_id, person_id)
    VALUES (1, 0, 1, 'q', 'direct', ?, ?, ?, (SELECT id FROM organisations WHERE slug = ?), (SELECT id FROM people WHERE slug = ?))`);
  for (const [at, org, person, stance, source] of QUOTES) ins.run(stance, at, source, org, person);
  return db;
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'sw-trends-'));
  db = buildDb('trends.db');
});

afterAll(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('stanceTrends', () => {
  it('counts labels per month for one organisation given by its short name, with a net stance', () => {
    const rows = stanceTrends(db, { by: 'month', org: 'ADCS' });
    expect(rows.map((r) => r.period)).toEqual(['2016-01', '2016-02', '2016-03', '2016-04']);
    expect(rows[0]).toMatchObject({ group: null, opposes: 2, supports: 0, total: 2, positioned: 2, net: -1 });
    expect(rows[2]).toMatchObject({ mixed: 1, positioned: 1, net: 0 });
    expect(rows[3]).toMatchObject({ neutral: 1, positioned: 0, net: null });
  });

  it('buckets quarters and accepts the slug as well', () => {
    const rows = stanceTrends(db, { by: 'quarter', org: 'adcs' });
    expect(rows.map((r) => [r.period, r.total])).toEqual([['2016-Q1', 4], ['2016-Q2', 1]]);
    expect(rows[0]).toMatchObject({ supports: 1, opposes: 2, mixed: 1, positioned: 4, net: -0.25 });
  });

  it('groups by organisation when neither organisation nor speaker is fixed, leaving unlinked quotes in a null group', () => {
    const rows = stanceTrends(db, { by: 'quarter' });
    const q3 = rows.filter((r) => r.period === '2016-Q3');
    expect(q3.map((r) => [r.group, r.total])).toEqual([['ofsted', 3], [null, 1]]);
    expect(q3[0]).toMatchObject({ groupName: 'Ofsted', supports: 2, unrelated: 1, net: 1 });
  });

  it('groups by speaker on request', () => {
    const rows = stanceTrends(db, { by: 'quarter', org: 'adcs', groupBy: 'speaker' });
    expect(rows.filter((r) => r.period === '2016-Q1').map((r) => [r.group, r.total])).toEqual([['pat', 3], ['kim', 1]]);
  });

  it('finds a speaker by slug, name or alias and includes people merged into them', () => {
    for (const who of ['mike', 'Sir Mike Inspector', 'the chief inspector']) {
      const rows = stanceTrends(db, { by: 'quarter', speaker: who });
      expect(rows).toEqual([expect.objectContaining({ period: '2016-Q3', supports: 2, unrelated: 1, total: 3 })]);
    }
  });

  it('filters by inclusive dates and by source, and leaves undated quotes out', () => {
    const rows = stanceTrends(db, { by: 'month', org: 'ADCS', from: '2016-01-15', to: '2016-02' });
    expect(rows.map((r) => [r.period, r.total])).toEqual([['2016-01', 1], ['2016-02', 1]]);
    expect(stanceTrends(db, { by: 'month', source: 'guardian', groupBy: 'none' }).map((r) => r.period)).toEqual(['2016-02', '2016-07']);
    const all = stanceTrends(db, { by: 'quarter', groupBy: 'none' });
    expect(all.reduce((n, r) => n + r.total, 0)).toBe(QUOTES.length - 1);
  });

  it('returns no rows for an unknown organisation or speaker, and rejects a malformed date', () => {
    expect(stanceTrends(db, { org: 'NOPE' })).toEqual([]);
    expect(stanceTrends(db, { speaker: 'nobody' })).toEqual([]);
    expect(() => stanceTrends(db, { from: 'last week' })).toThrow(/date/);
  });
});

describe('stanceTrends: the monthly summary', () => {
  // Whole-month questions about organisations read stance_monthly; day-precise ones read the quotes. Both must agree.
  const pairs: [string, object, object][] = [
    ['all, by month', { by: 'month' }, { by: 'month', from: '2000-01-01' }],
    ['one organisation, by quarter', { by: 'quarter', org: 'ADCS' }, { by: 'quarter', org: 'ADCS', to: '2099-12-31' }],
    ['bounded, no grouping', { by: 'month', from: '2016-02', to: '2016-07', groupBy: 'none' }, { by: 'month', from: '2016-02-01', to: '2016-07-31', groupBy: 'none' }],
  ];

  it.each(pairs)('%s: the same rows from the summary and from the quotes', (_name, whole, exact) => {
    expect(stanceTrends(db, whole)).toEqual(stanceTrends(db, exact));
  });

  it('follows inserts, stance corrections, re-dating and deletions of quotes', () => {
    const d = buildDb('mutations.db');
    try {
      const q1 = () => stanceTrends(d, { by: 'quarter', org: 'adcs' }).find((r) => r.period === '2016-Q1');
      expect(q1()).toMatchObject({ supports: 1, opposes: 2, total: 4 });
      d.prepare("UPDATE quotes SET stance = 'supports' WHERE published_at = '2016-01-10'").run();
      expect(q1()).toMatchObject({ supports: 2, opposes: 1, total: 4 });
      d.prepare("UPDATE quotes SET published_at = '2016-05-01' WHERE published_at = '2016-03-31'").run();
      expect(q1()).toMatchObject({ mixed: 0, total: 3 });
      expect(stanceTrends(d, { by: 'quarter', org: 'adcs' }).find((r) => r.period === '2016-Q2')).toMatchObject({ mixed: 1, neutral: 1, total: 2 });
      d.prepare("DELETE FROM quotes WHERE published_at = '2016-02-03'").run();
      expect(q1()).toMatchObject({ supports: 1, opposes: 1, total: 2 });
      d.prepare("UPDATE quotes SET published_at = '2016-01-11' WHERE published_at IS NULL").run();
      expect(q1()).toMatchObject({ opposes: 2, total: 3 });
      for (const [whole, exact] of pairs.map(([, w, e]) => [w, e])) expect(stanceTrends(d, whole!)).toEqual(stanceTrends(d, exact!));
    } finally {
      d.close();
    }
  });
});
