// SQL for the articles.simhash fingerprints used by near-duplicate grouping.
import type { DB } from './connection.ts';

export interface SimhashCandidate {
  id: number;
  simhash: string;
  duplicateOf: number | null;
}

/** Fills the fingerprint of every article that has none yet ('' marks a text too short to fingerprint). */
export function backfillSimhashes(db: DB, fingerprint: (text: string) => string | null): number {
  const rows = db.prepare('SELECT id, body FROM articles WHERE simhash IS NULL').all() as { id: number; body: string }[];
  if (!rows.length) return 0;
  const update = db.prepare('UPDATE articles SET simhash = ? WHERE id = ?');
  db.transaction(() => {
    for (const r of rows) update.run(fingerprint(r.body) ?? '', r.id);
  })();
  return rows.length;
}

export function simhashCandidates(db: DB): SimhashCandidate[] {
  return db
    .prepare(`SELECT id, simhash, duplicate_of AS duplicateOf FROM articles WHERE simhash IS NOT NULL AND simhash != '' ORDER BY id`)
    .all() as SimhashCandidate[];
}
