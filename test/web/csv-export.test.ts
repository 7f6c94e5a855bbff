// The CSV export streams the whole result set: 100k quotes arrive in many chunks, all of them, in order.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase, type DB } from '../../src/db/connection.ts';
import { testApp } from '../helpers/web-app.ts';

const N = 100_000;
let dir: string;
let db: DB;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'stancewatch-csv-'));
  db = openDatabase(join(dir, 'big.db'));
  db.exec(`
    INSERT INTO sources (id, name, kind) VALUES ('s', 'Source', 'rss');
    INSERT INTO articles (id, source_id, url, title, body, content_hash, fetched_at, published_at) VALUES (1, 's', 'https://x.example/1', 'T', 'b', 'h', '2020-01-01', '2020-01-01');
    WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ${N})
    INSERT INTO quotes (article_id, start, "end", text, kind, stance, speaker_name, published_at, source_id)
      SELECT 1, i, i + 1, CASE WHEN i % 4 = 0 THEN 'inspection quote ' || i ELSE '=cmd|' || i END, 'direct',
             CASE i % 3 WHEN 0 THEN 'supports' WHEN 1 THEN 'opposes' ELSE 'neutral' END, 'Speaker ' || (i % 50),
             printf('2015-%02d-%02d', (i % 12) + 1, (i % 28) + 1), 's' FROM n;`);
});
afterAll(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

async function readCsv(res: Response): Promise<{ lines: string[]; chunks: number }> {
  const reader = res.body!.getReader();
  const decoder = new TextDecoder();
  let text = '';
  let chunks = 0;
  for (let r = await reader.read(); !r.done; r = await reader.read()) {
    chunks++;
    text += decoder.decode(r.value, { stream: true });
  }
  return { lines: text.trim().split('\r\n'), chunks };
}

describe('CSV export of a large result set', () => {
  it('streams every one of 100k rows, newest first, neutralising formulas', async () => {
    const app = testApp(db);
    const res = await app.request('/quotes.csv');
    expect(res.status).toBe(200);
    const { lines, chunks } = await readCsv(res);
    expect(lines).toHaveLength(N + 1);
    expect(chunks).toBeGreaterThan(100);
    const dates = lines.slice(1, 2000).map((l) => l.split(',')[1]!);
    expect([...dates].sort().reverse()).toEqual(dates);
    expect(lines.filter((l) => l.includes(",'=cmd|")).length).toBe(N - N / 4);
    // The app's own connection stays usable while an export is open.
    const pending = await app.request('/quotes.csv');
    const other = await app.request('/quotes.json?_size=1');
    expect(other.status).toBe(200);
    await pending.body!.cancel();
  });

  it('applies the search to the export', async () => {
    const app = testApp(db);
    const { lines } = await readCsv(await app.request('/quotes.csv?q=inspection&stance=supports'));
    const expected = (db.prepare("SELECT count(*) AS n FROM quotes WHERE text LIKE 'inspection%' AND stance = 'supports'").get() as { n: number }).n;
    expect(lines).toHaveLength(expected + 1);
  });

  it('pages a common word (25k matches, none in the newest months) in date order', async () => {
    const app = testApp(db);
    const body = (await (await app.request('/quotes.json?q=inspection&_size=50')).json()) as { rows: { id: number }[]; next: string };
    const expected = db.prepare("SELECT id FROM quotes WHERE text LIKE 'inspection%' ORDER BY published_at DESC, id DESC LIMIT 50").pluck().all();
    expect(body.rows.map((r) => r.id)).toEqual(expected);
    const page2 = (await (await app.request(`/quotes.json?q=inspection&_size=50&_next=${body.next}`)).json()) as { rows: { id: number }[] };
    const expected2 = db.prepare("SELECT id FROM quotes WHERE text LIKE 'inspection%' ORDER BY published_at DESC, id DESC LIMIT 50 OFFSET 50").pluck().all();
    expect(page2.rows.map((r) => r.id)).toEqual(expected2);
  });
});
