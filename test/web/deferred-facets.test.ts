import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildWebFixtureDb, type FixtureDb } from '../helpers/web-fixture-db.ts';
import { testApp } from '../helpers/web-app.ts';

// A word common enough that counting its matches is slow at scale (the planner calls it common above 2,000; with a
// filter the index holds, what is left must be too: src/db/fts-plan.ts).
const COMMON_WORD = 'caseloads';
const N = 3000;
const STANCES = ['opposes', 'supports', 'neutral'];

let f: FixtureDb;
beforeAll(() => {
  f = buildWebFixtureDb();
  const body = 'Social workers said caseloads were rising.';
  const insert = f.db.prepare(
    `INSERT INTO quotes (article_id, start, "end", text, kind, stance, stance_cues, published_at, source_id)
     VALUES (?, 0, 10, ?, 'indirect', ?, '[]', ?, 'cypn')`,
  );
  f.db.transaction(() => {
    for (let i = 0; i < N; i++) insert.run(f.ids.mainArticle, `${body} (${i})`, STANCES[i % 3], `2014-${String((i % 12) + 1).padStart(2, '0')}-10`);
  })();
});
afterAll(() => f.close());

const page = async (app: ReturnType<typeof testApp>, path: string) => {
  const res = await app.request(path);
  expect(res.status).toBe(200);
  return res.text();
};
const stanceCount = (html: string, label: string) => Number(new RegExp(`${label}<span class="count">([\\d,]+)</span>`).exec(html)?.[1]?.replace(/,/g, '') ?? NaN);

describe('facet counts for a common word', () => {
  it('come after the results: the page holds a placeholder with a link, and the results', async () => {
    const app = testApp(f.db);
    const html = await page(app, `/?q=${COMMON_WORD}&source=cypn`);
    expect(html).toContain(`data-facets="/facets?q=${COMMON_WORD}&amp;source=cypn"`);
    expect(html).toContain(`href="/?q=${COMMON_WORD}&amp;source=cypn&amp;_facets=1"`);
    expect(html).not.toContain('id="facet-stance"');
    expect(html.match(/class="quote-card/g)?.length).toBe(50);
  });

  it('are served alone by /facets, counted over every match', async () => {
    const app = testApp(f.db);
    const html = await page(app, `/facets?q=${COMMON_WORD}`);
    expect(html.startsWith('<aside class="facets"')).toBe(true);
    expect(html).not.toContain('<html');
    expect(stanceCount(html, 'Opposes')).toBe(N / 3);
    expect(stanceCount(html, 'Supports')).toBe(N / 3);
    expect(html).toContain(`href="/?q=${COMMON_WORD}&amp;stance=opposes"`);
  });

  it('are shown in the page once counted, and at once when the link asks for them', async () => {
    const app = testApp(f.db);
    await page(app, `/facets?q=${COMMON_WORD}`);
    const cached = await page(app, `/?q=${COMMON_WORD}`);
    expect(cached).not.toContain('data-facets=');
    expect(stanceCount(cached, 'Neutral')).toBe(N / 3);

    const asked = await page(testApp(f.db), `/?q=${COMMON_WORD}&stance=supports&_facets=1`);
    expect(asked).not.toContain('data-facets=');
    expect(stanceCount(asked, 'Supports')).toBe(N / 3);
  });

  it('stay in the page for a rare word and for filters alone', async () => {
    const app = testApp(f.db);
    for (const path of ['/?q=' + encodeURIComponent('"framework is flawed"'), '/?stance=opposes', '/']) {
      const html = await page(app, path);
      expect(html).not.toContain('data-facets=');
      expect(html).toContain('id="facet-stance"');
    }
  });

  it('answer a malformed filter on /facets with 400', async () => {
    const res = await testApp(f.db).request('/facets?stance=angry');
    expect(res.status).toBe(400);
  });
});
