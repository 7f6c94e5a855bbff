// Facet counts for a common word arrive after the results (app.js fetches /facets) and work like inline ones.
import { afterAll, beforeAll, beforeEach, describe, expect, it, onTestFailed } from 'vitest';
import { screenshotOnFailure, startRig, type BrowserRig } from './browser-helpers.ts';

let rig: BrowserRig;
beforeAll(async () => {
  rig = await startRig();
  // More matches than the planner treats as rare, so the page defers its counts.
  const { db, ids } = rig.fixture;
  const insert = db.prepare(`INSERT INTO quotes (article_id, start, "end", text, kind, stance, stance_cues, published_at, source_id)
    VALUES (?, 0, 10, ?, 'indirect', ?, '[]', '2014-03-10', 'cypn')`);
  db.transaction(() => {
    for (let i = 0; i < 3000; i++) insert.run(ids.mainArticle, `Social workers said caseloads were rising (${i}).`, i % 2 ? 'opposes' : 'supports');
  })();
});
afterAll(async () => { await rig?.close(); });
beforeEach((ctx) => {
  onTestFailed(() => screenshotOnFailure(rig.page, ctx.task.name));
});

describe('deferred facet counts in a browser', () => {
  it('loads the counts after the results and narrows by one of them', async () => {
    const { page } = rig;
    await page.goto(rig.base + '/?q=caseloads');
    expect(await page.locator('article.quote-card').count()).toBe(50);
    const opposes = page.locator('section.facet', { hasText: 'Stance' }).getByRole('link', { name: /^Opposes/ });
    await opposes.waitFor();
    expect(await opposes.locator('.count').textContent()).toBe('1,500');
    expect(await page.locator('aside[data-facets]').count()).toBe(0);
    await opposes.click();
    await page.waitForURL(/stance=opposes/);
    const badges = await page.locator('article.quote-card .badge[class*="stance-"]').allTextContents();
    expect(new Set(badges)).toEqual(new Set(['Opposes']));
    expect(rig.errors).toEqual([]);
  });
});
