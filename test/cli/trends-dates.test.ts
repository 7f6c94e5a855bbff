// `stancewatch trends` with what a user mistypes: a bad --from/--to is a usage error (exit 2), never a silently
// shifted range; a wrong --db path says there is no database there.
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
  dir = mkdtempSync(join(tmpdir(), 'sw-trends-dates-'));
  dbPath = join(dir, 'cli.db');
  openDatabase(dbPath).close();
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('stancewatch trends date options', () => {
  it.each([
    ['--from', '2020-13-01'],
    ['--from', '2024-02-30'],
    ['--to', 'yesterday'],
  ])('refuses %s %s with the usage and exit code 2', (flag, value) => {
    const r = run([flag, value]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(`${flag}: needs a date like 2016-07-21, 2016-07 or 2016 (got "${value}")`);
    expect(r.stderr).toContain('usage: stancewatch trends');
  });

  it('accepts a year, a month and a day', () => {
    const r = run(['--from', '2016', '--to', '2016-02-29']);
    expect(r.status).toBe(0);
    expect(run(['--from', '2016-07']).status).toBe(0);
  });

  it('says there is no database at a mistyped --db path', () => {
    const r = spawnSync(process.execPath, [BIN, 'trends', '--db', join(dir, 'typo.db')], { encoding: 'utf8', timeout: 60_000 });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(`there is no database at ${join(dir, 'typo.db')}`);
  });
});
