// SQL for crawl_runs (one row per run of one source) and crawl_errors (one row per failed item or page).
import type { DB } from './connection.ts';

export type CrawlRunStatus = 'running' | 'ok' | 'failed' | 'partial' | 'skipped' | 'interrupted';

export interface CrawlCounts {
  itemsNew: number;
  itemsUpdated: number;
  itemsUnchanged: number;
  itemsFailed: number;
  pages: number;
}

export function startCrawlRun(db: DB, sourceId: string, at: string): number {
  return Number(db.prepare('INSERT INTO crawl_runs (source_id, started_at) VALUES (?, ?)').run(sourceId, at).lastInsertRowid);
}

export function finishCrawlRun(db: DB, id: number, status: CrawlRunStatus, counts: CrawlCounts, error: string | null, at: string): void {
  db.prepare(
    `UPDATE crawl_runs SET finished_at = @at, status = @status, items_new = @itemsNew, items_updated = @itemsUpdated,
       items_unchanged = @itemsUnchanged, items_failed = @itemsFailed, pages = @pages, error = @error WHERE id = @id`,
  ).run({ id, status, error, at, ...counts });
}

export function recordCrawlError(db: DB, runId: number, sourceId: string, url: string | null, reason: string, at: string): void {
  db.prepare('INSERT INTO crawl_errors (run_id, source_id, url, reason, at) VALUES (?, ?, ?, ?, ?)').run(runId, sourceId, url, reason, at);
}

export function countCrawlRuns(db: DB): number {
  return db.prepare('SELECT count(*) FROM crawl_runs').pluck().get() as number;
}

/** Runs still marked running belong to a process that died: mark them interrupted (at start-up). */
export function markAbandonedRuns(db: DB, at: string): number {
  return db.prepare(`UPDATE crawl_runs SET status = 'interrupted', finished_at = ?, error = 'process stopped during the run' WHERE status = 'running'`).run(at).changes;
}
