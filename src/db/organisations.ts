// SQL for the organisations table: the registry's bodies, plus any unlisted body a quote names.
import { cachedStatement, type DB } from './connection.ts';
import { registries } from '../nlp/registries.ts';

const slugify = (s: string) => s.toLowerCase().replace(/[’']/g, '').replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'org';
const key = (s: string) => s.toLowerCase().replace(/’/g, "'").replace(/^the\s+/, '').replace(/\s+/g, ' ').trim();

/** Upserts every registry organisation by slug; safe to run at every start-up. */
export function syncOrganisations(db: DB): void {
  const upsert = cachedStatement(db,
    `INSERT INTO organisations (slug, name, acronym, kind, website) VALUES (@slug, @name, @acronym, @kind, @website)
     ON CONFLICT(slug) DO UPDATE SET name = excluded.name, acronym = excluded.acronym, kind = excluded.kind, website = excluded.website`,
  );
  db.transaction(() => {
    for (const o of registries().organisations) {
      upsert.run({ slug: o.slug, name: o.name, acronym: o.short, kind: o.kind, website: o.website });
    }
  })();
}

/** The registry slug for a short name, full name or alias ("ADCS", "Association of Directors of Children’s Services"). */
function registrySlug(name: string): string | null {
  if (!slugByKey) {
    slugByKey = new Map();
    for (const o of registries().organisations) for (const a of [o.short, o.name, ...o.aliases]) if (!slugByKey.has(key(a))) slugByKey.set(key(a), o.slug);
  }
  return slugByKey.get(key(name)) ?? null;
}
let slugByKey: Map<string, string> | null = null;

/** The id of the organisation a quote names; an unlisted body gets a row of its own. Null for a blank name. */
export function resolveOrganisationId(db: DB, shortOrName: string): number | null {
  const name = shortOrName.trim();
  if (!name) return null;
  const slug = registrySlug(name);
  const bySlug = cachedStatement(db, 'SELECT id FROM organisations WHERE slug = ?');
  if (slug) {
    const row = bySlug.get(slug) as { id: number } | undefined;
    if (row) return row.id;
  }
  const known = cachedStatement(db, 'SELECT id FROM organisations WHERE lower(acronym) = lower(?) OR lower(name) = lower(?) ORDER BY id LIMIT 1')
    .get(name, name) as { id: number } | undefined;
  if (known) return known.id;
  const own = slug ?? slugify(name);
  const existing = bySlug.get(own) as { id: number } | undefined;
  if (existing) return existing.id;
  const reg = slug ? registries().organisations.find((o) => o.slug === slug)! : null;
  const info = cachedStatement(db, 'INSERT INTO organisations (slug, name, acronym, kind, website) VALUES (?, ?, ?, ?, ?)')
    .run(own, reg?.name ?? name, reg?.short ?? null, reg?.kind ?? null, reg?.website ?? null);
  return Number(info.lastInsertRowid);
}
