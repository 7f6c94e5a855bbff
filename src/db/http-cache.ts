// SQL for http_cache: the ETag / Last-Modified validators of each fetched URL, for conditional GETs.
import type { DB } from './connection.ts';

export interface StoredValidators {
  etag: string | null;
  lastModified: string | null;
}

export function getValidators(db: DB, url: string): StoredValidators | null {
  const row = db.prepare('SELECT etag, last_modified AS lastModified FROM http_cache WHERE url = ?').get(url) as StoredValidators | undefined;
  return row && (row.etag || row.lastModified) ? row : null;
}

export function saveValidators(db: DB, url: string, v: StoredValidators, status: number, at: string): void {
  if (!v.etag && !v.lastModified) return;
  db.prepare(
    `INSERT INTO http_cache (url, etag, last_modified, status, checked_at) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT(url) DO UPDATE SET etag = excluded.etag, last_modified = excluded.last_modified, status = excluded.status, checked_at = excluded.checked_at`,
  ).run(url, v.etag, v.lastModified, status, at);
}
