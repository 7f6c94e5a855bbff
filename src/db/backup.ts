// Online backup: copies a live database (WAL mode, the server still writing) into a new file with SQLite's backup
// API, then checks the copy. The copy is written under a temporary name and renamed, so FILE is never half-written.
import Database from 'better-sqlite3';
import { existsSync, renameSync, rmSync } from 'node:fs';
import type { DB } from './connection.ts';

export interface BackupResult {
  pages: number;
  articles: number;
  quotes: number;
  schemaVersion: number;
}

/**
 * Copies `source` to `dest`. All pages are copied in one step: under WAL that step reads one consistent snapshot
 * without blocking the writer, whereas small steps restart from scratch each time another connection writes.
 */
export async function backupDatabase(source: DB, dest: string, opts: { overwrite?: boolean } = {}): Promise<BackupResult> {
  if (existsSync(dest) && !opts.overwrite) throw new Error(`${dest} already exists; choose another name or pass --force`);
  const tmp = `${dest}.partial`;
  rmSync(tmp, { force: true });
  try {
    const { totalPages } = await source.backup(tmp, { progress: () => 0x7fffffff });
    const result = checkCopy(tmp);
    renameSync(tmp, dest);
    return { pages: totalPages, ...result };
  } finally {
    // The copy is in WAL mode, so checking it read-only leaves a -wal and -shm that only belong to the temporary name.
    for (const leftover of [tmp, `${tmp}-wal`, `${tmp}-shm`]) rmSync(leftover, { force: true });
  }
}

/** Opens a copy read-only and refuses it unless SQLite's integrity check passes. */
export function checkCopy(path: string): Omit<BackupResult, 'pages'> {
  const copy = new Database(path, { readonly: true, fileMustExist: true });
  try {
    const problems = copy.pragma('integrity_check', { simple: false }) as { integrity_check: string }[];
    if (problems.length !== 1 || problems[0]!.integrity_check !== 'ok') {
      throw new Error(`the copy failed its integrity check: ${problems.slice(0, 5).map((p) => p.integrity_check).join('; ')}`);
    }
    return {
      articles: copy.prepare('SELECT count(*) FROM articles').pluck().get() as number,
      quotes: copy.prepare('SELECT count(*) FROM quotes').pluck().get() as number,
      schemaVersion: copy.pragma('user_version', { simple: true }) as number,
    };
  } finally {
    copy.close();
  }
}
