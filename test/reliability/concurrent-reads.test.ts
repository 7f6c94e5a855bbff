// Reads while another connection writes (WAL, busy timeout): every page answers 200, and a CSV export that is
// streaming from its own read snapshot neither blocks the writer nor sees a half-written article.
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/connection.ts';
import { ingestArticle } from '../../src/pipeline/ingest.ts';
import { buildWebFixtureDb } from '../helpers/web-fixture-db.ts';
import { testApp } from '../helpers/web-app.ts';
import { article, between, organisations, people, rng } from '../../bench/lib/generate.ts';

const fx = buildWebFixtureDb();
const app = testApp(fx.db);
afterAll(() => fx.close());

describe('reads during writes', () => {
  it('pages and exports keep answering while another connection stores articles', async () => {
    const writer = openDatabase(fx.path);
    const r = rng(5);
    const orgs = organisations(10);
    const ppl = people(40, orgs.length, r);
    let stored = 0;
    let writing = true;
    const writes = (async () => {
      while (writing) {
        const a = article(r, ppl, orgs, { quotes: between(r, 2, 5), words: 200 });
        ingestArticle(writer, 'cypn', { url: `https://concurrent.example/${stored}`, title: `${a.title} ${stored}`, text: a.body, published: '2024-01-01' });
        stored++;
        await new Promise((res) => setImmediate(res));
      }
    })();
    const statuses: number[] = [];
    // Start an export and read it slowly, interleaved with page views, while the writer commits.
    const csv = await app.request('/quotes.csv');
    const reader = csv.body!.getReader();
    const paths = ['/', '/quotes.json', '/articles', '/?q=inspection', '/articles.json', '/trends'];
    // At least 30 reads, and on until the writer has committed 10 articles in between (bounded).
    for (let i = 0; (i < 30 || stored < 10) && i < 2000; i++) {
      const res = await app.request(paths[i % paths.length]!);
      await res.arrayBuffer();
      statuses.push(res.status);
      await reader.read();
      // Requests here resolve in microtasks; yield a turn of the event loop so the writer commits in between.
      await new Promise((res) => setImmediate(res));
    }
    while (!(await reader.read()).done);
    writing = false;
    await writes;
    writer.close();
    expect(stored).toBeGreaterThanOrEqual(10);
    expect(new Set(statuses)).toEqual(new Set([200]));
    const orphans = fx.db.prepare("SELECT count(*) FROM articles a WHERE a.url LIKE 'https://concurrent.example/%' AND a.processed_at IS NULL").pluck().get();
    expect(orphans).toBe(0);
  });
});
