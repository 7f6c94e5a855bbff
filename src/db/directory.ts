// Who is quoted: organisations and speakers with their number of quotes, most quoted first.
import type { DB } from './connection.ts';

export interface DirectoryRow {
  slug: string;
  name: string;
  acronym: string | null;
  quotes: number;
}

/** Every organisation, with its quote count (one pass over quotes_by_org). */
export function organisationDirectory(db: DB): DirectoryRow[] {
  return db
    .prepare(
      `SELECT o.slug, o.name, o.acronym, coalesce(c.n, 0) AS quotes FROM organisations o
         LEFT JOIN (SELECT organisation_id, count(*) AS n FROM quotes WHERE organisation_id IS NOT NULL GROUP BY organisation_id) c
           ON c.organisation_id = o.id
        ORDER BY quotes DESC, o.name COLLATE NOCASE`,
    )
    .all() as DirectoryRow[];
}

/** The most quoted people (merged people folded into their target), up to `limit`. */
export function speakerDirectory(db: DB, limit = 500): DirectoryRow[] {
  return db
    .prepare(
      `SELECT p.slug, p.name, NULL AS acronym, c.n AS quotes FROM people p
         JOIN (SELECT person_id, count(*) AS n FROM quotes WHERE person_id IS NOT NULL GROUP BY person_id) c ON c.person_id = p.id
        WHERE p.merged_into IS NULL ORDER BY c.n DESC, p.name COLLATE NOCASE LIMIT ?`,
    )
    .all(limit) as DirectoryRow[];
}
