import { afterEach, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase, schemaVersion, type DB } from '../../src/db/connection.ts';
import { MIGRATIONS } from '../../src/db/migrations/index.ts';

let dir: string;
let db: DB | undefined;
afterEach(() => {
  db?.close();
  rmSync(dir, { recursive: true, force: true });
});

function freshDb(): DB {
  dir = mkdtempSync(join(tmpdir(), 'sw-db-'));
  db = openDatabase(join(dir, 'nested', 'test.db'));
  return db;
}

describe('openDatabase', () => {
  it('creates the file with WAL, foreign keys and every migration applied', () => {
    const d = freshDb();
    expect(d.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(d.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(schemaVersion(d)).toBe(MIGRATIONS.length);
    expect(d.pragma('integrity_check', { simple: true })).toBe('ok');
  });

  it('is idempotent: reopening applies nothing twice', () => {
    const d = freshDb();
    const path = d.name;
    d.close();
    db = openDatabase(path);
    expect(schemaVersion(db)).toBe(MIGRATIONS.length);
  });

  it('keeps the FTS indexes in sync with quotes and articles through triggers', () => {
    const d = freshDb();
    const a = d
      .prepare(`INSERT INTO articles (url, title, body, content_hash, fetched_at) VALUES ('https://x.test/a', 'Inspection row', 'The framework is flawed.', 'h', '2024-01-01')`)
      .run().lastInsertRowid;
    const q = d
      .prepare(`INSERT INTO quotes (article_id, start, "end", text, kind, speaker_name) VALUES (?, 0, 10, 'The framework is flawed', 'direct', 'Jane Doe')`)
      .run(a).lastInsertRowid;
    const match = (sql: string, term: string) => d.prepare(sql).pluck().all(term);
    expect(match('SELECT rowid FROM quotes_fts WHERE quotes_fts MATCH ?', 'flawed')).toEqual([Number(q)]);
    expect(match('SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?', 'inspection')).toEqual([Number(a)]);
    d.prepare(`UPDATE quotes SET text = 'Entirely fair' WHERE id = ?`).run(q);
    expect(match('SELECT rowid FROM quotes_fts WHERE quotes_fts MATCH ?', 'flawed')).toEqual([]);
    expect(match('SELECT rowid FROM quotes_fts WHERE quotes_fts MATCH ?', 'fair')).toEqual([Number(q)]);
    d.prepare('DELETE FROM articles WHERE id = ?').run(a);
    expect(match('SELECT rowid FROM quotes_fts WHERE quotes_fts MATCH ?', 'fair')).toEqual([]);
    expect(match('SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?', 'inspection')).toEqual([]);
  });

  it('refuses a database from a newer version of the program', () => {
    const d = freshDb();
    d.pragma(`user_version = ${MIGRATIONS.length + 5}`);
    const path = d.name;
    d.close();
    db = undefined;
    expect(() => openDatabase(path)).toThrow(/newer than this program/);
  });
});
