// Read queries for the sources page: each source's health and its recent crawl runs and errors.
import type { DB } from './connection.ts';

export interface SourceHealth {
  id: string;
  name: string;
  kind: string;
  enabled: number;
  last_run_at: string | null;
  last_success_at: string | null;
  consecutive_failures: number;
  last_error: string | null;
  next_attempt_at: string | null;
  items_total: number;
  article_count: number;
  last_status: string | null;
  last_items_new: number | null;
  last_items_failed: number | null;
}

export function sourceHealth(db: DB): SourceHealth[] {
  return db
    .prepare(
      `SELECT s.id, s.name, s.kind, s.enabled, s.last_run_at, s.last_success_at, s.consecutive_failures, s.last_error,
              s.next_attempt_at, s.items_total,
              (SELECT count(*) FROM articles a WHERE a.source_id = s.id) AS article_count,
              r.status AS last_status, r.items_new AS last_items_new, r.items_failed AS last_items_failed
         FROM sources s
         LEFT JOIN crawl_runs r ON r.id = (SELECT id FROM crawl_runs WHERE source_id = s.id ORDER BY started_at DESC, id DESC LIMIT 1)
        ORDER BY s.consecutive_failures > 0 DESC, s.name COLLATE NOCASE`,
    )
    .all() as SourceHealth[];
}

export interface CrawlRunRow {
  id: number;
  source_id: string;
  started_at: string;
  finished_at: string | null;
  status: string;
  items_new: number;
  items_updated: number;
  items_unchanged: number;
  items_failed: number;
  error: string | null;
}

export function recentCrawlRuns(db: DB, limit = 30): CrawlRunRow[] {
  return db
    .prepare(`SELECT id, source_id, started_at, finished_at, status, items_new, items_updated, items_unchanged, items_failed, error
                FROM crawl_runs ORDER BY started_at DESC, id DESC LIMIT ?`)
    .all(limit) as CrawlRunRow[];
}

export interface CrawlErrorRow {
  source_id: string;
  url: string | null;
  reason: string;
  at: string;
}

export function recentCrawlErrors(db: DB, limit = 30): CrawlErrorRow[] {
  return db.prepare('SELECT source_id, url, reason, at FROM crawl_errors ORDER BY at DESC, id DESC LIMIT ?').all(limit) as CrawlErrorRow[];
}

export function sourceOptions(db: DB): { id: string; name: string }[] {
  return db.prepare('SELECT id, name FROM sources ORDER BY name COLLATE NOCASE').all() as { id: string; name: string }[];
}
