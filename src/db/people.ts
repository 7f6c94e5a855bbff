// SQL for people: one record per person across articles, with every name form as an alias and dated roles.
import { cachedStatement, type DB } from './connection.ts';
import { registries } from '../nlp/registries.ts';
import { resolveOrganisationId, syncOrganisations } from './organisations.ts';

export interface PersonQuery {
  name: string;
  org: string | null;
  role: string | null;
  /** The article's date (ISO), when known: dates the role. */
  date: string | null;
  /** The id `org` resolves to, when the caller has resolved it already (saves resolving it twice per quote). */
  orgId?: number | null;
}

const TITLES = /^(?:sir|dame|lord|lady|baroness|baron|cllr|councillor|professor|prof|dr|mr|mrs|ms|miss|rev|revd|the rt hon|rt hon)\.?\s+/i;
const POST_NOMINALS = /\s+(?:mp|msp|am|mep|obe|cbe|mbe|dbe|kbe|qc|kc|phd|jp)$/i;

/** The comparable form of a name: lower-case, no titles, no post-nominals, one kind of apostrophe. */
export function nameKey(name: string): string {
  let k = name.toLowerCase().replace(/’/g, "'").replace(/\s+/g, ' ').trim();
  while (TITLES.test(k)) k = k.replace(TITLES, '');
  while (POST_NOMINALS.test(k)) k = k.replace(POST_NOMINALS, '');
  return k;
}

/** URL slug of a name: accents dropped ("María" → "maria"), at most 80 characters. */
const slugify = (s: string) =>
  nameKey(s).normalize('NFKD').replace(/[\u0300-\u036f]/g, '').replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 80) || 'person';

/** Loads the organisation and people registries into the store; idempotent, run at every start-up. */
export function syncRegistries(db: DB): void {
  syncOrganisations(db);
  const role = cachedStatement(db,
    `INSERT INTO person_roles (person_id, organisation_id, role, from_date, to_date, source_url) VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT(person_id, organisation_id, role, from_date) DO UPDATE SET to_date = excluded.to_date, source_url = excluded.source_url`,
  );
  db.transaction(() => {
    for (const p of registries().people) {
      const id = findByAlias(db, nameKey(p.name)) ?? createPerson(db, p.name);
      for (const alias of [p.name, ...p.aliases]) addAlias(db, id, alias);
      for (const r of p.roles) role.run(id, resolveOrganisationId(db, r.org), r.role, r.from, r.to, r.source);
    }
  })();
}

/**
 * The person a quote's speaker is: found by full name (two people with one surname stay apart), by surname plus
 * organisation when only a surname is known, else created. Records the role seen on that date.
 */
export function resolvePersonId(db: DB, q: PersonQuery): number | null {
  const key = nameKey(q.name);
  if (!key) return null;
  const orgId = q.orgId !== undefined ? q.orgId : q.org ? resolveOrganisationId(db, q.org) : null;
  const found = key.includes(' ') ? findFullName(db, key, orgId) : findSurname(db, key, orgId);
  const personId = found?.id ?? createPerson(db, q.name);
  // Ingest resolves a known speaker far more often than a new name form: no INSERT when the alias is there already.
  if (!found?.hasAlias) addAlias(db, personId, q.name);
  if (q.role && orgId !== null) recordRole(db, personId, orgId, q.role, q.date?.slice(0, 10) ?? null);
  return personId;
}

/** The person a record was merged into (following chains of merges), or the record itself. */
export function resolveMerges(db: DB, id: number): number {
  const seen = new Set<number>();
  let cur = id;
  for (;;) {
    const row = cachedStatement(db, 'SELECT merged_into FROM people WHERE id = ?').get(cur) as { merged_into: number | null } | undefined;
    if (!row?.merged_into || seen.has(cur)) return cur;
    seen.add(cur);
    cur = row.merged_into;
  }
}

function findByAlias(db: DB, key: string): number | null {
  const row = cachedStatement(db, 'SELECT person_id FROM person_aliases WHERE alias = ? ORDER BY person_id LIMIT 1').get(key) as { person_id: number } | undefined;
  return row ? resolveMerges(db, row.person_id) : null;
}

/** A person found for a name, and whether that person has the name's key as an alias already. */
interface Found {
  id: number;
  hasAlias: boolean;
}

interface AliasRow {
  person_id: number;
  merged_into: number | null;
  alias: string;
}

/** People with an alias matching `where`, each with its merge target, read in one statement (most are not merged). */
function aliasRows(db: DB, where: string, ...params: string[]): AliasRow[] {
  return cachedStatement(db, `SELECT a.person_id, p.merged_into, a.alias FROM person_aliases a LEFT JOIN people p ON p.id = a.person_id WHERE ${where}`)
    .all(...params) as AliasRow[];
}

const mergedId = (db: DB, r: AliasRow) => (r.merged_into === null ? r.person_id : resolveMerges(db, r.person_id));

/** The person among `ids` whose alias row is `key` itself: no alias to add then. */
const found = (rows: AliasRow[], key: string, id: number | null | undefined): Found | null =>
  id == null ? null : { id, hasAlias: rows.some((r) => r.person_id === id && r.alias === key) };

function findFullName(db: DB, key: string, orgId: number | null): Found | null {
  const rows = aliasRows(db, 'a.alias = ?', key);
  const ids = [...new Set(rows.map((r) => mergedId(db, r)))];
  if (ids.length <= 1) return found(rows, key, ids[0]);
  return found(rows, key, (orgId !== null && ids.find((id) => hasOrg(db, id, orgId))) || Math.max(...ids));
}

/** A bare surname matches only one known person with that surname (at the same organisation when one is given). */
function findSurname(db: DB, surname: string, orgId: number | null): Found | null {
  const rows = aliasRows(db, "a.alias = ? OR a.alias LIKE '% ' || ?", surname, surname);
  const ids = [...new Set(rows.map((r) => mergedId(db, r)))];
  const fits = orgId === null ? ids : ids.filter((id) => hasOrg(db, id, orgId));
  return fits.length === 1 ? found(rows, surname, fits[0]) : null;
}

function hasOrg(db: DB, personId: number, orgId: number): boolean {
  return cachedStatement(db, 'SELECT 1 FROM person_roles WHERE person_id = ? AND organisation_id = ? LIMIT 1').get(personId, orgId) !== undefined;
}

/** A new person record with a unique slug; its name is also its first alias. */
export function createPerson(db: DB, name: string): number {
  const display = name.replace(POST_NOMINALS, '').trim();
  const base = slugify(display);
  let slug = base;
  for (let n = 2; cachedStatement(db, 'SELECT 1 FROM people WHERE slug = ?').get(slug); n++) slug = `${base}-${n}`;
  const id = Number(cachedStatement(db, 'INSERT INTO people (slug, name) VALUES (?, ?)').run(slug, display).lastInsertRowid);
  addAlias(db, id, display);
  return id;
}

function addAlias(db: DB, personId: number, name: string): void {
  const key = nameKey(name);
  if (key) cachedStatement(db, 'INSERT OR IGNORE INTO person_aliases (person_id, alias) VALUES (?, ?)').run(personId, key);
}

/** Widens the observed date range of a role seen in articles; registry facts (with a source) are left as published. */
function recordRole(db: DB, personId: number, orgId: number, role: string, day: string | null): void {
  const r = role.toLowerCase();
  const rows = cachedStatement(db, 'SELECT id, from_date, to_date, source_url FROM person_roles WHERE person_id = ? AND organisation_id = ? AND role = ?')
    .all(personId, orgId, r) as Array<{ id: number; from_date: string | null; to_date: string | null; source_url: string | null }>;
  if (rows.some((row) => row.source_url !== null)) return;
  const seen = rows[0];
  if (!seen) {
    cachedStatement(db, 'INSERT OR IGNORE INTO person_roles (person_id, organisation_id, role, from_date, to_date) VALUES (?, ?, ?, ?, ?)').run(personId, orgId, r, day, day);
    return;
  }
  if (!day) return;
  const from = !seen.from_date || day < seen.from_date ? day : seen.from_date;
  const to = !seen.to_date || day > seen.to_date ? day : seen.to_date;
  // Most quotes fall inside the range already seen: no write then.
  if (from !== seen.from_date || to !== seen.to_date) cachedStatement(db, 'UPDATE person_roles SET from_date = ?, to_date = ? WHERE id = ?').run(from, to, seen.id);
}
