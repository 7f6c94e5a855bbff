// Read queries for speaker and organisation profiles.
import type { DB } from './connection.ts';

export interface PersonRow {
  id: number;
  slug: string;
  name: string;
  merged_into: number | null;
  merged_slug: string | null;
}

export function personBySlug(db: DB, slug: string): PersonRow | null {
  return (db
    .prepare('SELECT p.id, p.slug, p.name, p.merged_into, m.slug AS merged_slug FROM people p LEFT JOIN people m ON m.id = p.merged_into WHERE p.slug = ?')
    .get(slug) as PersonRow | undefined) ?? null;
}

export function personAliases(db: DB, personId: number): string[] {
  return (db.prepare('SELECT alias FROM person_aliases WHERE person_id = ? ORDER BY alias').all(personId) as { alias: string }[]).map((r) => r.alias);
}

export interface OrganisationRow {
  id: number;
  slug: string;
  name: string;
  acronym: string | null;
  kind: string | null;
  website: string | null;
}

export function organisationBySlug(db: DB, slug: string): OrganisationRow | null {
  return (db.prepare('SELECT id, slug, name, acronym, kind, website FROM organisations WHERE slug = ?').get(slug) as OrganisationRow | undefined) ?? null;
}

export interface OrgPersonRow {
  slug: string;
  name: string;
  role: string;
  from_date: string | null;
  to_date: string | null;
}

/** People who held a role at the organisation, most recent first. */
export function organisationPeople(db: DB, orgId: number): OrgPersonRow[] {
  return db
    .prepare(
      `SELECT p.slug, p.name, r.role, r.from_date, r.to_date FROM person_roles r JOIN people p ON p.id = r.person_id
        WHERE r.organisation_id = ? AND p.merged_into IS NULL ORDER BY r.to_date IS NOT NULL, r.from_date DESC LIMIT 50`,
    )
    .all(orgId) as OrgPersonRow[];
}

export interface StanceCount {
  stance: string;
  n: number;
}

/** Quotes per stance for a person or an organisation (each uses its own index). */
export function stanceCounts(db: DB, by: { personId?: number; organisationId?: number }): StanceCount[] {
  const [col, id] = by.personId !== undefined ? ['person_id', by.personId] : ['organisation_id', by.organisationId];
  return db.prepare(`SELECT stance, count(*) AS n FROM quotes WHERE ${col} = ? GROUP BY stance ORDER BY n DESC`).all(id) as StanceCount[];
}

/** Text of the latest quotes, for working out what a speaker or organisation talks about most. */
export function recentQuoteTexts(db: DB, by: { personId?: number; organisationId?: number }, limit = 120): string[] {
  const [col, id] = by.personId !== undefined ? ['person_id', by.personId] : ['organisation_id', by.organisationId];
  return (db.prepare(`SELECT text FROM quotes WHERE ${col} = ? ORDER BY published_at DESC, id DESC LIMIT ?`).all(id, limit) as { text: string }[]).map((r) => r.text);
}

export function organisationOptions(db: DB): { slug: string; name: string }[] {
  return db.prepare('SELECT slug, name FROM organisations ORDER BY name COLLATE NOCASE').all() as { slug: string; name: string }[];
}
