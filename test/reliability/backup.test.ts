// `stancewatch backup FILE` while another process keeps writing, and the documented restore (docs/operations.md).
import { describe, expect, it } from 'vitest';
import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { openDatabase, type DB } from '../../src/db/connection.ts';
import { MIGRATIONS } from '../../src/db/migrations/index.ts';
import { buildSeed } from '../../bench/lib/seed-db.ts';

const BIN = join(import.meta.dirname, '..', '..', 'bin', 'stancewatch.js');

function runCli(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], { env: { ...process.env, STANCEWATCH_LOG_LEVEL: 'error' } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** Stores one article with three quotes in one transaction, as ingest does. */
function writeArticle(db: DB, n: number): void {
  db.transaction(() => {
    const id = Number(db.prepare("INSERT INTO articles (url, title, body, content_hash, fetched_at) VALUES (?, ?, 'body text', ?, '2026-01-01')").run(`https://writer.test/${n}`, `Writer ${n}`, `w${n}`).lastInsertRowid);
    for (let q = 0; q < 3; q++) db.prepare("INSERT INTO quotes (article_id, start, \"end\", text, kind) VALUES (?, ?, ?, ?, 'direct')").run(id, q, q + 1, `quote ${q} of ${n}`);
  })();
}

function seeded(): { dir: string; path: string } {
  const dir = mkdtempSync(join(tmpdir(), 'sw-backup-'));
  const path = join(dir, 'live.db');
  buildSeed(path, { articles: 1_000, quotesPerArticle: 5, people: 200, organisations: 20, sources: 4, years: 3 });
  return { dir, path };
}

describe('stancewatch backup', { timeout: 90_000 }, () => {
  it('makes a consistent, verified copy while another connection keeps writing', async () => {
    const { dir, path } = seeded();
    const live = openDatabase(path);
    let written = 0;
    let writing = true;
    const writer = (async () => {
      while (writing) {
        writeArticle(live, written++);
        await new Promise((r) => setImmediate(r));
      }
    })();
    const dest = join(dir, 'copy.db');
    const r = await runCli(['backup', '--db', path, dest]);
    writing = false;
    await writer;
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/integrity ok/);
    expect(written).toBeGreaterThan(0);

    const copy = new Database(dest);
    expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(() => copy.exec("INSERT INTO quotes_fts(quotes_fts) VALUES ('integrity-check')")).not.toThrow();
    // A snapshot: every writer article in the copy has all three of its quotes, and nothing is half-stored.
    const partial = copy.prepare("SELECT count(*) FROM articles a WHERE a.url LIKE 'https://writer.test/%' AND (SELECT count(*) FROM quotes q WHERE q.article_id = a.id) <> 3").pluck().get();
    expect(partial).toBe(0);
    expect(copy.prepare("SELECT count(*) FROM articles WHERE url LIKE 'https://bench.example/%'").pluck().get()).toBe(1_000);
    expect(copy.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length);
    copy.close();
    live.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('refuses to overwrite an existing file without --force, and leaves nothing but the copy behind', async () => {
    const { dir, path } = seeded();
    const dest = join(dir, 'copy.db');
    expect((await runCli(['backup', '--db', path, dest])).code).toBe(0);
    const again = await runCli(['backup', '--db', path, dest]);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/already exists/);
    expect((await runCli(['backup', '--force', '--db', path, dest])).code).toBe(0);
    // Nothing but the copy is left: no partial file, and no -wal/-shm from checking it.
    expect(readdirSync(dir).filter((f) => f.startsWith('copy.db')).sort()).toEqual(['copy.db']);
    rmSync(dir, { recursive: true, force: true });
  });

  it('restores as docs/operations.md says: copy over the stopped database and delete its -wal and -shm', async () => {
    const { dir, path } = seeded();
    const dest = join(dir, 'copy.db');
    expect((await runCli(['backup', '--db', path, dest])).code).toBe(0);
    // A server killed after the backup leaves newer changes in its -wal file: exactly what a restore must discard.
    const crash = spawnSync(process.execPath, ['-e', `
      const db = new (require('better-sqlite3'))(${JSON.stringify(path)});
      db.pragma('wal_autocheckpoint = 0');
      for (let i = 0; i < 50; i++) db.prepare("INSERT INTO articles (url, title, body, content_hash, fetched_at) VALUES (?, 't', 'b', ?, 'now')").run('https://writer.test/' + i, 'w' + i);
      process.kill(process.pid, 'SIGKILL');`], { cwd: join(import.meta.dirname, '..', '..') });
    expect(crash.signal).toBe('SIGKILL');
    expect(existsSync(`${path}-wal`)).toBe(true);

    copyFileSync(dest, path);
    rmSync(`${path}-wal`, { force: true });
    rmSync(`${path}-shm`, { force: true });

    const restored = openDatabase(path);
    expect(restored.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(restored.prepare('SELECT count(*) FROM articles').pluck().get()).toBe(1_000);
    expect(restored.prepare("SELECT count(*) FROM articles WHERE url LIKE 'https://writer.test/%'").pluck().get()).toBe(0);
    restored.close();
    rmSync(dir, { recursive: true, force: true });
  });
});
