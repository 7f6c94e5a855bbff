// Opens the SQLite database with the settings every caller needs, and brings its schema up to date.
import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { MIGRATIONS } from './migrations/index.ts';
import { createLogger } from '../log.ts';

export type DB = Database.Database;

const statementCache = new WeakMap<DB, Map<string, Database.Statement>>();

/** better-sqlite3 compiles SQL on every prepare(); hot paths (ingest runs them per quote) reuse one per connection. */
export function cachedStatement(db: DB, sql: string): Database.Statement {
  let cache = statementCache.get(db);
  if (!cache) statementCache.set(db, (cache = new Map()));
  let stmt = cache.get(sql);
  if (!stmt) cache.set(sql, (stmt = db.prepare(sql)));
  return stmt;
}

export interface OpenOptions {
  readonly?: boolean;
  /** How long a writer waits for another writer's lock before failing. */
  busyTimeoutMs?: number;
}

export function openDatabase(path: string, opts: OpenOptions = {}): DB {
  if (path !== ':memory:' && !opts.readonly) mkdirSync(dirname(path), { recursive: true });
  const db = new Database(path, { readonly: opts.readonly ?? false, fileMustExist: opts.readonly ?? false });
  try {
    db.pragma(`busy_timeout = ${opts.busyTimeoutMs ?? 5000}`);
    db.pragma('foreign_keys = ON');
    // Memory per connection: a 16 MB page cache (better-sqlite3's default, stated so the server's RSS does not
    // hang on it) and no mmap (the default): mapped pages of a 2 GB file would count in RSS, and the OS page cache
    // serves the reads anyway.
    db.pragma('cache_size = -16000');
    if (!opts.readonly) {
      db.pragma('journal_mode = WAL');
      db.pragma('synchronous = NORMAL');
      // Checkpoint every ~40 MB of log instead of ~4 MB: each checkpoint syncs the database file, and at the default
      // it was half of an article's commit time during ingest (docs/benchmarks.md).
      db.pragma('wal_autocheckpoint = 10000');
      migrate(db);
    }
    return db;
  } catch (err) {
    db.close();
    throw err;
  }
}

/** Applies every pending migration, each in its own transaction. */
export function migrate(db: DB): number {
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current > MIGRATIONS.length) {
    throw new Error(`database schema version ${current} is newer than this program (${MIGRATIONS.length}); upgrade stancewatch`);
  }
  // An existing database being upgraded says so: rebuilding an index over a million quotes takes tens of seconds.
  if (current > 0 && current < MIGRATIONS.length) {
    createLogger().info('upgrading database schema', { from: current, to: MIGRATIONS.length, file: db.name });
  }
  for (let v = current; v < MIGRATIONS.length; v++) {
    db.transaction(() => {
      db.exec(MIGRATIONS[v]!);
      db.pragma(`user_version = ${v + 1}`);
    })();
  }
  return MIGRATIONS.length - current;
}

export function schemaVersion(db: DB): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/**
 * Changes whenever the database does: `data_version` counts commits by other connections (a crawl in another
 * process), `total_changes()` rows changed through this one (the scheduler inside `serve`).
 */
export function dataVersion(db: DB): string {
  return cachedStatement(db, "SELECT (SELECT data_version FROM pragma_data_version) || ':' || total_changes()").pluck().get() as string;
}
