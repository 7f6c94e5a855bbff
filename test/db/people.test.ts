// People and organisations in a real SQLite file: registry sync, one record per person across articles, namesakes kept apart.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type DB } from '../../src/db/connection.ts';
import { resolveOrganisationId } from '../../src/db/organisations.ts';
import { nameKey, resolvePersonId, syncRegistries } from '../../src/db/people.ts';

let dir: string;
let db: DB;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'stancewatch-people-'));
  db = openDatabase(join(dir, 'test.db'));
  syncRegistries(db);
});
afterEach(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

const count = (table: string) => (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
const person = (name: string, org: string | null = null, role: string | null = null, date: string | null = null) =>
  resolvePersonId(db, { name, org, role, date });

describe('syncRegistries', () => {
  it('is idempotent', () => {
    const before = ['organisations', 'people', 'person_aliases', 'person_roles'].map(count);
    syncRegistries(db);
    expect(['organisations', 'people', 'person_aliases', 'person_roles'].map(count)).toEqual(before);
    expect(before[1]).toBeGreaterThan(10);
  });

  it('stores dated, sourced roles', () => {
    const row = db.prepare(
      `SELECT r.role, r.from_date, r.to_date, r.source_url, o.acronym FROM person_roles r
       JOIN people p ON p.id = r.person_id JOIN organisations o ON o.id = r.organisation_id WHERE p.name = 'Sir Michael Wilshaw'`,
    ).get() as Record<string, string>;
    expect(row).toMatchObject({ role: 'chief inspector', acronym: 'Ofsted', from_date: '2012-01-01', to_date: '2016-12-31' });
    expect(row.source_url).toMatch(/^https:\/\//);
  });
});

describe('resolveOrganisationId', () => {
  it('maps short names, full names and aliases to one row', () => {
    const id = resolveOrganisationId(db, 'ADCS');
    expect(id).not.toBeNull();
    expect(resolveOrganisationId(db, 'Association of Directors of Children’s Services')).toBe(id);
    expect(resolveOrganisationId(db, "Association of Directors of Children's Services")).toBe(id);
  });

  it('creates an unlisted body once', () => {
    const before = count('organisations');
    const id = resolveOrganisationId(db, 'Stockport Council');
    expect(resolveOrganisationId(db, 'Stockport Council')).toBe(id);
    expect(count('organisations')).toBe(before + 1);
    expect(resolveOrganisationId(db, '  ')).toBeNull();
  });
});

describe('resolvePersonId', () => {
  it('links every form of a registry name to the registry person', () => {
    const id = person('Sir Michael Wilshaw', 'Ofsted', 'chief inspector', '2015-03-10');
    expect(person('Michael Wilshaw', 'Ofsted')).toBe(id);
    expect(person('Wilshaw', 'Ofsted')).toBe(id);
    expect(db.prepare('SELECT name FROM people WHERE id = ?').get(id)).toEqual({ name: 'Sir Michael Wilshaw' });
  });

  it('keeps one record for a new person quoted in many articles, widening the observed role dates', () => {
    const a = person('Peter Hollis', 'NAHT', 'general secretary', '2023-04-03');
    const b = person('Peter Hollis MP', 'NAHT', 'general secretary', '2023-09-01');
    const c = person('Peter Hollis', 'NAHT', 'general secretary', '2022-12-01');
    expect(new Set([a, b, c]).size).toBe(1);
    const roles = db.prepare('SELECT from_date, to_date FROM person_roles WHERE person_id = ?').all(a);
    expect(roles).toEqual([{ from_date: '2022-12-01', to_date: '2023-09-01' }]);
  });

  it('keeps two people who share a surname apart', () => {
    const debbie = person('Debbie Jones', 'Ofsted', 'director of social care', '2014-01-24');
    const ray = person('Professor Ray Jones', 'University', 'professor of social work', '2016-07-28');
    expect(ray).not.toBe(debbie);
    expect(person('Prof Ray Jones', 'University')).toBe(ray);
    expect(person('Jones', 'University')).toBe(ray);
  });

  it('does not guess between namesakes when only a surname is known', () => {
    const a = person('Andrew Webb', 'Stockport Council', 'director', '2016-05-05');
    const b = person('Sue Webb', 'University', 'professor', '2016-05-05');
    const bare = person('Webb', null);
    expect([a, b]).not.toContain(bare);
  });

  it('follows a merge', () => {
    const kept = person('Alan Wood', 'ADCS');
    const dup = person('A Wood-Smith', null);
    db.prepare('UPDATE people SET merged_into = ? WHERE id = ?').run(kept, dup);
    expect(person('A Wood-Smith', null)).toBe(kept);
  });
});

describe('nameKey', () => {
  it.each([
    ['Sir Michael Wilshaw', 'michael wilshaw'],
    ['Cllr Roy Perry', 'roy perry'],
    ['Ian Austin MP', 'ian austin'],
    ['Dame Rachel de Souza', 'rachel de souza'],
  ])('%s → %s', (name, key) => expect(nameKey(name)).toBe(key));
});
