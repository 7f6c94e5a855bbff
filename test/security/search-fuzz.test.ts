// A quick slice of the search fuzzing through app.request (the 10,000-request run against a live server is in
// test/faults): hostile queries get a 200 or a friendly 4xx, never a 5xx, and never an SQL or FTS5 error text.
import { afterAll, describe, expect, it } from 'vitest';
import { buildWebFixtureDb } from '../helpers/web-fixture-db.ts';
import { testApp } from '../helpers/web-app.ts';
import { fuzzRequests } from './fuzz-queries.ts';

const fx = buildWebFixtureDb();
const app = testApp(fx.db);
afterAll(() => fx.close());

describe('search fuzzing through the app', () => {
  it('1,000 hostile queries: no 5xx, no database error leaks', async () => {
    const bad: string[] = [];
    for (const path of fuzzRequests(1_000, 7)) {
      const res = await app.request(path);
      const body = await res.text();
      if (res.status >= 500 || /SqliteError|SQLITE_|fts5: syntax error|no such column/i.test(body)) bad.push(`${res.status} ${path.slice(0, 120)}`);
    }
    expect(bad).toEqual([]);
  });
});
