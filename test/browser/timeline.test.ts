// What a person does in a browser: search, narrow, open a permalink, export, correct as an admin, use a phone.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, beforeEach, describe, expect, it, onTestFailed } from 'vitest';
import { screenshotOnFailure, startRig, type BrowserRig } from './browser-helpers.ts';
import { ADMIN_TOKEN } from '../helpers/web-app.ts';

let rig: BrowserRig;
beforeAll(async () => { rig = await startRig(); });
afterAll(async () => { await rig?.close(); });
beforeEach((ctx) => {
  onTestFailed(() => screenshotOnFailure(rig.page, ctx.task.name));
});

describe('timeline in a browser', () => {
  it('opens the timeline with quotes grouped by day', async () => {
    const { page } = rig;
    await page.goto(rig.base + '/');
    expect(await page.title()).toBe('Quotes · stancewatch');
    expect(await page.locator('h2.day-heading').first().textContent()).toBe('21 July 2016');
    expect(await page.locator('article.quote-card').count()).toBe(50);
  });

  it('searches with a phrase and a field filter', async () => {
    const { page } = rig;
    await page.goto(rig.base + '/');
    await page.getByLabel('Search quotes').fill('"framework is flawed" org:ADCS');
    await page.keyboard.press('Enter');
    await page.waitForURL(/q=/);
    const cards = page.locator('article.quote-card');
    expect(await cards.count()).toBe(1);
    expect(await cards.first().locator('blockquote').textContent()).toBe('“The framework is flawed and does not help children.”');
  });

  it('narrows the results by a facet', async () => {
    const { page } = rig;
    await page.goto(rig.base + '/?q=inspection');
    await page.locator('section.facet', { hasText: 'Stance' }).getByRole('link', { name: /^Opposes/ }).click();
    await page.waitForURL(/stance=opposes/);
    const badges = await page.locator('article.quote-card .badge[class*="stance-"]').allTextContents();
    expect(badges.length).toBeGreaterThan(0);
    expect(new Set(badges)).toEqual(new Set(['Opposes']));
    expect(await page.locator('select#f-stance').inputValue()).toBe('opposes');
  });

  it('opens a quote permalink with its citation', async () => {
    const { page } = rig;
    await page.goto(rig.base + '/?q=' + encodeURIComponent('"framework is flawed"'));
    await page.locator('article.quote-card').first().getByRole('link', { name: /Permalink/ }).click();
    await page.waitForURL(/\/quotes\/\d+$/);
    expect(await page.locator('h1').textContent()).toBe('Quote by Dave Hill');
    expect(await page.locator('#citation').textContent()).toContain(`${rig.base}/quotes/${rig.fixture.ids.adcsQuote}`);
    await page.getByText('BibTeX', { exact: true }).click();
    expect(await page.locator('#bibtex').isVisible()).toBe(true);
  });

  it('exports the search as CSV', async () => {
    const { page } = rig;
    await page.goto(rig.base + '/?org=adcs');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'CSV', exact: true }).click()]);
    expect(download.suggestedFilename()).toBe('stancewatch-quotes.csv');
    const lines = readFileSync((await download.path())!, 'utf8').trim().split('\r\n');
    expect(lines[0]).toMatch(/^id,published_at,speaker,/);
    expect(lines).toHaveLength(68);
  });

  it('lets an admin log in and correct a quote', async () => {
    const { page } = rig;
    await page.goto(rig.base + '/');
    await page.getByRole('link', { name: 'Admin log in' }).click();
    await page.getByLabel(/Your name/).fill('Browser Admin');
    await page.getByLabel('Admin token').fill(ADMIN_TOKEN);
    await page.getByRole('button', { name: 'Log in' }).click();
    await page.waitForURL(/\/admin$/);
    await page.goto(`${rig.base}/quotes/${rig.fixture.ids.adcsQuote}`);
    await page.getByLabel('What to correct').selectOption('stance');
    await page.getByLabel('New value').fill('mixed');
    await page.getByLabel('Why', { exact: true }).fill('He also says councils are not against inspection');
    await page.getByRole('button', { name: 'Save correction' }).click();
    await page.waitForURL(/#corrections$/);
    expect(await page.locator('dd .badge').first().textContent()).toBe('Mixed');
    const row = await page.locator('#corrections tbody tr').first().allTextContents();
    expect(row[0]).toContain('Browser Admin');
    expect(row[0]).toContain('opposes');
    await page.getByRole('button', { name: 'Log out' }).click();
    expect(await page.getByRole('link', { name: 'Admin log in' }).isVisible()).toBe(true);
  });

  it('fits a phone screen, results first, and works from the keyboard', async () => {
    const { page } = rig;
    await page.setViewportSize({ width: 375, height: 740 });
    for (const path of ['/', '/organisations', `/quotes/${rig.fixture.ids.adcsQuote}`, `/articles/${rig.fixture.ids.mainArticle}`, '/speakers/dave-hill', '/trends', '/sources']) {
      await page.goto(rig.base + path);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow, path).toBeLessThanOrEqual(0);
    }
    await page.goto(rig.base + '/');
    const firstQuote = await page.locator('article.quote-card').first().boundingBox();
    const facets = await page.locator('aside.facets').boundingBox();
    expect(firstQuote!.y).toBeLessThan(facets!.y);
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Skip to content');
    await page.keyboard.press('Enter');
    await page.keyboard.press('/');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('q');
    await page.setViewportSize({ width: 1280, height: 900 });
  });

  it('raised no console errors or Content-Security-Policy violations on any page', () => {
    expect(rig.errors).toEqual([]);
  });
});
