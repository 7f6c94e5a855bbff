// `stancewatch trends` as a user runs it: a real process over a real database file.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../../src/db/connection.ts';

const BIN = join(import.meta.dirname, '..', '..', 'bin', 'stancewatch.js');
let dir: string;
let dbPath: string;
const run = (args: string[]) => spawnSync(process.execPath, [BIN, 'trends', '--db', dbPath, ...args], { encoding: 'utf8', timeout: 60_000 });

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'sw-trends-cli-'));
  dbPath = join(dir, 'cli.db');
  const db = openDatabase(dbPath);
  db.exec(`
    INSERT INTO organisations (slug, name, acronym) VALUES ('adcs', 'Association of Directors of Children''s Services', 'ADCS');
    INSERT INTO articles (url, title, body, content_hash, fetched_at) VALUES ('https://example.test/a', 'A', 'body', 'h', '2016-01-01');
    INSERT INTO quotes (article_id, start, "end", text, kind, stance, published_at, organisation_id) VALUES
      (1, 0, 1, 'a', 'direct', 'opposes', '2015-03-10', 1), (1, 0, 1, 'b', 'direct', 'opposes', '2015-03-11', 1),
      (1, 0, 1, 'c', 'direct', 'supports', '2015-05-01', 1), (1, 0, 1, 'd', 'direct', 'neutral', '2015-05-02', 1);
  `);
  db.close();
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('stancewatch trends', () => {
  it('prints a table per quarter for one organisation', () => {
    const r = run(['--org', 'ADCS', '--by', 'quarter']);
    expect(r.status).toBe(0);
    const lines = r.stdout.trim().split('\n');
    expect(lines[0]).toMatch(/^period\s+group\s+supports\s+opposes\s+mixed\s+neutral\s+unrelated\s+total\s+net\s+n$/);
    expect(lines[1]).toMatch(/^2015-Q1\s+0\s+2\s+0\s+0\s+0\s+2\s+-1\.00\s+2$/);
    expect(lines[2]).toMatch(/^2015-Q2\s+1\s+0\s+0\s+1\s+0\s+2\s+\+1\.00\s+1$/);
  });

  it('prints JSON rows with --json', () => {
    const r = run(['--org', 'adcs', '--by', 'month', '--from', '2015-05', '--json']);
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout) as { rows: { period: string; total: number; net: number | null }[] };
    expect(out.rows).toEqual([expect.objectContaining({ period: '2015-05', total: 2, net: 1 })]);
  });

  it('rejects an unknown period as a usage error', () => {
    const r = run(['--by', 'week']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/--by must be one of month, quarter/);
  });
});
