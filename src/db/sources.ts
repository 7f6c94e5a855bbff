// SQL for the sources table: registry entries mirrored for joins, plus each source's health and backfill state.
import type { DB } from './connection.ts';

export interface SourceRow {
  id: string;
  name: string;
  kind: string;
  organisation: string;
  enabled: boolean;
}

export interface SourceState {
  lastRunAt: string | null;
  lastSuccessAt: string | null;
  consecutiveFailures: number;
  lastError: string | null;
  nextAttemptAt: string | null;
  backfillState: string | null;
}

/** Mirrors a registry entry; health columns are kept. The organisation is matched by short name, slug or name. */
export function upsertSource(db: DB, s: SourceRow): void {
  db.prepare(
    `INSERT INTO sources (id, name, kind, enabled, organisation_id)
     VALUES (@id, @name, @kind, @enabled,
       (SELECT id FROM organisations WHERE acronym = @organisation OR slug = lower(@organisation) OR name = @organisation ORDER BY id LIMIT 1))
     ON CONFLICT(id) DO UPDATE SET name = excluded.name, kind = excluded.kind, enabled = excluded.enabled,
       organisation_id = COALESCE(excluded.organisation_id, sources.organisation_id)`,
  ).run({ ...s, enabled: s.enabled ? 1 : 0 });
}

export function getSourceState(db: DB, id: string): SourceState | null {
  const row = db
    .prepare(
      `SELECT last_run_at AS lastRunAt, last_success_at AS lastSuccessAt, consecutive_failures AS consecutiveFailures,
              last_error AS lastError, next_attempt_at AS nextAttemptAt, backfill_state AS backfillState
         FROM sources WHERE id = ?`,
    )
    .get(id) as SourceState | undefined;
  return row ?? null;
}

export function recordSourceSuccess(db: DB, id: string, at: string, newItems: number): void {
  db.prepare(
    `UPDATE sources SET last_run_at = @at, last_success_at = @at, consecutive_failures = 0, last_error = NULL,
       next_attempt_at = NULL, items_total = items_total + @newItems WHERE id = @id`,
  ).run({ id, at, newItems });
}

export function recordSourceFailure(db: DB, id: string, at: string, error: string, nextAttemptAt: string): void {
  db.prepare(
    `UPDATE sources SET last_run_at = @at, consecutive_failures = consecutive_failures + 1, last_error = @error,
       next_attempt_at = @nextAttemptAt WHERE id = @id`,
  ).run({ id, at, error, nextAttemptAt });
}

/** A skipped run (e.g. no API key) is recorded so it shows, without counting as a failure. */
export function recordSourceSkipped(db: DB, id: string, at: string, reason: string): void {
  db.prepare('UPDATE sources SET last_run_at = @at, last_error = @reason WHERE id = @id').run({ id, at, reason });
}

export function setBackfillState(db: DB, id: string, state: string | null): void {
  db.prepare('UPDATE sources SET backfill_state = ? WHERE id = ?').run(state, id);
}

export interface SourceHealthRow {
  id: string;
  name: string;
  kind: string;
  enabled: number;
  lastRunAt: string | null;
  lastSuccessAt: string | null;
  consecutiveFailures: number;
  lastError: string | null;
  nextAttemptAt: string | null;
  itemsTotal: number;
  articles: number;
  lastStatus: string | null;
  lastItemsNew: number | null;
  lastItemsFailed: number | null;
  backfilling: number;
}

export function listSourceHealth(db: DB): SourceHealthRow[] {
  return db
    .prepare(
      `SELECT s.id, s.name, s.kind, s.enabled, s.last_run_at AS lastRunAt, s.last_success_at AS lastSuccessAt,
              s.consecutive_failures AS consecutiveFailures, s.last_error AS lastError, s.next_attempt_at AS nextAttemptAt,
              s.items_total AS itemsTotal, (SELECT count(*) FROM articles a WHERE a.source_id = s.id) AS articles,
              r.status AS lastStatus, r.items_new AS lastItemsNew, r.items_failed AS lastItemsFailed,
              s.backfill_state IS NOT NULL AS backfilling
         FROM sources s
         LEFT JOIN crawl_runs r ON r.id = (SELECT id FROM crawl_runs WHERE source_id = s.id ORDER BY id DESC LIMIT 1)
        ORDER BY s.id`,
    )
    .all() as SourceHealthRow[];
}
