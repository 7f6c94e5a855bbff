// SQL for the articles.simhash fingerprints used by near-duplicate grouping.
import { cachedStatement, type DB } from './connection.ts';

export interface SimhashCandidate {
  id: number;
  simhash: string;
  duplicateOf: number | null;
}

/** '' marks a text too short to fingerprint, so it is never a candidate. */
export function setSimhash(db: DB, articleId: number, fingerprint: string | null): void {
  cachedStatement(db, 'UPDATE articles SET simhash = ? WHERE id = ?').run(fingerprint ?? '', articleId);
}

/**
 * Fingerprints worth comparing with a new article: those published within `days` of it (a republished press
 * release appears within days), or, for an undated article, the most recently stored ones. Bounded either way,
 * so ingest cost does not grow with the size of the archive.
 */
export function simhashCandidates(db: DB, published: string | null, opts: { days?: number; limit?: number } = {}): SimhashCandidate[] {
  const limit = opts.limit ?? 2000;
  const cols = `SELECT id, simhash, duplicate_of FROM articles`;
  // INDEXED BY: without statistics for the covering indexes (migration 003) the planner prefers articles_by_date and
  // reads every nearby row whole, body included. Rows come back as arrays: better-sqlite3 builds objects slowly, and
  // at 200,000 articles a look-up returns ~1,300 of them.
  let rows: Array<[number, string, number | null]>;
  if (!published) {
    rows = cachedStatement(db, `${cols} INDEXED BY articles_simhash_by_id WHERE id > (SELECT COALESCE(MAX(id), 0) FROM articles) - ? AND simhash IS NOT NULL AND simhash != '' ORDER BY id`)
      .raw(true).all(limit) as typeof rows;
  } else {
    const day = Date.parse(published.slice(0, 10) + 'T00:00:00Z');
    const shift = (n: number) => new Date(day + n * 86_400_000).toISOString().slice(0, 10);
    const days = opts.days ?? 14;
    rows = cachedStatement(db, `${cols} INDEXED BY articles_simhash_by_date WHERE published_at >= ? AND published_at < ? AND simhash IS NOT NULL AND simhash != '' ORDER BY published_at LIMIT ?`)
      .raw(true).all(shift(-days), shift(days + 1), limit) as typeof rows;
  }
  return rows.map(([id, simhash, duplicateOf]) => ({ id, simhash, duplicateOf }));
}
