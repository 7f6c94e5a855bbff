import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseSearch, quoteSearchConditions } from '../../src/db/search.ts';
import { BadRequest } from '../../src/errors.ts';
import { listQuotes } from '../../src/db/timeline.ts';
import { listArticles } from '../../src/db/article-list.ts';
import { planConditions } from '../../src/db/fts-plan.ts';
import { joinConditions, quoteConditions } from '../../src/db/timeline.ts';
import { buildWebFixtureDb, type FixtureDb } from '../helpers/web-fixture-db.ts';

describe('parseSearch', () => {
  it.each([
    ['framework', '"framework"'],
    ['new framework', '"new" AND "framework"'],
    ['"new framework"', '"new framework"'],
    ['a OR b c', '("a" OR "b") AND "c"'],
    ['inspect*', '"inspect" *'],
    ['"social care"*', '"social care" *'],
    ['ofsted -wilshaw', '("ofsted") NOT "wilshaw"'],
    ['NEAR(a b) AND c', '"NEAR a" AND "b" AND "c"'],
    ['a AND b', '"a" AND "b"'],
    ['it\'s "quote""s', null],
  ])('%s → %s', (input, expected) => {
    if (expected === null) {
      expect(() => parseSearch(input)).toThrow(BadRequest);
      return;
    }
    expect(parseSearch(input).match).toBe(expected);
  });

  it('reads fields and their values', () => {
    const p = parseSearch('org:ADCS speaker:"Dave Hill" stance:Opposes -kind:indirect after:2016-01 before:2017');
    expect(p.match).toBeNull();
    expect(p.fields).toEqual([
      { field: 'org', value: 'ADCS', negated: false },
      { field: 'speaker', value: 'Dave Hill', negated: false },
      { field: 'stance', value: 'opposes', negated: false },
      { field: 'kind', value: 'indirect', negated: true },
      { field: 'after', value: '2016-01', negated: false },
      { field: 'before', value: '2017', negated: false },
    ]);
  });

  it('keeps a lone exclusion for a NOT IN condition', () => {
    expect(parseSearch('-wilshaw')).toEqual({ match: null, exclude: ['"wilshaw"'], fields: [] });
  });

  it.each([
    ['"unclosed', /quotation mark/],
    ['OR framework', /OR needs/],
    ['framework OR', /OR needs/],
    ['a OR OR b', /OR needs/],
    ['org:x OR y', /OR works between/],
    ['stance:angry', /stance: must be one of/],
    ['kind:quoted', /kind: must be one of/],
    ['after:2016-13-01', /date like/],
    ['before:yesterday', /date like/],
    ['colour:red', /Unknown field "colour:"/],
    ['x'.repeat(501), /too long/],
    [Array.from({ length: 40 }, (_, i) => `w${i}`).join(' '), /too many terms/],
  ])('rejects %s with a friendly message', (input, message) => {
    expect(() => parseSearch(input)).toThrow(message);
  });

  it('treats punctuation-only terms as nothing to search', () => {
    expect(parseSearch('*** ( ) ^').match).toBeNull();
  });
});

describe('search against the fixture database', () => {
  let f: FixtureDb;
  beforeAll(() => { f = buildWebFixtureDb(); });
  afterAll(() => f.close());

  const ids = (q: string) => listQuotes(f.db, { q }, null, 200).rows.map((r) => r.id);

  it('finds a phrase together with a field filter', () => {
    expect(ids('"framework is flawed" org:ADCS')).toEqual([f.ids.adcsQuote]);
    expect(ids('"framework is flawed" org:ofsted')).toEqual([]);
  });

  it('matches speaker names, aliases and stance', () => {
    expect(ids('speaker:"dave hill" stance:opposes framework')).toEqual([f.ids.adcsQuote]);
    expect(ids('speaker:"Sir Michael" standards').length).toBe(1);
  });

  it('excludes, ORs and prefixes', () => {
    expect(ids('framework -flawed')).not.toContain(f.ids.adcsQuote);
    expect(ids('flawed OR nonexistentword')).toEqual([f.ids.adcsQuote]);
    expect(ids('flaw*')).toEqual([f.ids.adcsQuote]);
    expect(ids('-inspection').length).toBeGreaterThan(0);
  });

  it('filters by dates and kind', () => {
    const inRange = listQuotes(f.db, { q: 'after:2016-07 before:2016-08' }, null, 200).rows;
    expect(inRange.length).toBe(3);
    expect(inRange.every((r) => r.published_at!.startsWith('2016-07'))).toBe(true);
    expect(ids('kind:mixed')).toHaveLength(1);
  });

  it('never fails with a server error, whatever the input', () => {
    const alphabet = ['"', '*', '-', ':', 'OR', 'AND', 'NOT', 'NEAR(', ')', '(', '^', 'org:', 'speaker:', 'stance:opposes', 'x', 'framework', ' ', '\'', '\\', '%', '_', '{', '}', '\u0000', 'é'];
    let seed = 7;
    const rand = () => { seed = (seed * 1103515245 + 12345) % 2 ** 31; return seed / 2 ** 31; };
    for (let i = 0; i < 400; i++) {
      const q = Array.from({ length: 1 + Math.floor(rand() * 8) }, () => alphabet[Math.floor(rand() * alphabet.length)]).join(rand() < 0.5 ? ' ' : '');
      try {
        listQuotes(f.db, { q }, null, 5);
        listArticles(f.db, { q }, null, 5);
      } catch (err) {
        expect(err, `query ${JSON.stringify(q)}`).toBeInstanceOf(BadRequest);
      }
    }
  });

  it('binds every value as a parameter', () => {
    const conds = quoteSearchConditions(parseSearch(`org:"x' OR 1=1 --" speaker:"%_"`));
    for (const c of conds) expect(c.sql).not.toContain('1=1');
  });

  it.each([
    'org:ADCS', 'org:adcs framework', '-org:ofsted', 'org:"Spokesperson Org That Is Not Registered"', 'speaker:"Sir Michael"', 'speaker:hill',
    '-speaker:wilshaw inspection', 'speaker:"Anon Person"', 'inspection stance:opposes', 'org:%',
  ])('plans %s to the same rows as the unplanned query', (q) => {
    const run = (conds: ReturnType<typeof quoteConditions>) => {
      const { where, params } = joinConditions(conds);
      return f.db.prepare(`SELECT q.id FROM quotes q ${where} ORDER BY q.id`).pluck().all(...params);
    };
    const conds = quoteConditions({ q });
    expect(run(planConditions(f.db, conds))).toEqual(run(conds));
  });

  it('narrows a known organisation to its ids, and keeps a full-text match for unknown names', () => {
    const [known] = planConditions(f.db, quoteConditions({ q: 'org:ADCS' }));
    expect(known!.sql).toBe('q.organisation_id IN (?)');
    const [unknown] = planConditions(f.db, quoteConditions({ q: 'speaker:"Anon Person"' }));
    expect(unknown!.sql).toContain('quotes_fts MATCH ?');
    expect(unknown!.params).toEqual(['speaker_name : "Anon Person"']);
  });
});
