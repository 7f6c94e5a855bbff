// Stored XSS: hostile titles, quotes, bylines, names and links from the fixture database must come out escaped on
// every page, in Atom, in JSON and in CSV (where a formula-looking cell is neutralised instead).
import { afterAll, describe, expect, it } from 'vitest';
import { DOMParser } from 'linkedom';
import { buildWebFixtureDb, HOSTILE, type FixtureDb } from '../helpers/web-fixture-db.ts';
import { testApp } from '../helpers/web-app.ts';

const fx: FixtureDb = buildWebFixtureDb();
const app = testApp(fx.db);
afterAll(() => fx.close());

const HTML_PAGES = () => [
  '/', '/?q=said', '/?source=evil', '/quotes', '/articles', `/quotes/${fx.ids.hostileQuote}`, `/quotes/${fx.ids.formulaQuote}`,
  `/articles/${fx.ids.hostileArticle}`, '/speakers/evil-person', '/organisations/evil-org', '/sources', '/trends', '/help',
  `/?q=${encodeURIComponent(HOSTILE.script)}`, `/?q=${encodeURIComponent(HOSTILE.img)}`, `/speakers/${encodeURIComponent(HOSTILE.script)}`,
];

/** Elements or attributes that would run script, found by parsing the page as a browser would. */
function activeMarkup(html: string): string[] {
  const doc = new DOMParser().parseFromString(html, 'text/html');
  const found: string[] = [];
  for (const el of doc.querySelectorAll('*')) {
    const tag = el.tagName.toLowerCase();
    if (tag === 'script' && !el.getAttribute('src')?.startsWith('/')) found.push('inline or foreign <script>');
    if (['iframe', 'object', 'embed'].includes(tag)) found.push(`<${tag}>`);
    for (const attr of el.attributes) {
      if (/^on/i.test(attr.name)) found.push(`${tag}[${attr.name}]`);
      if (['href', 'src', 'action', 'formaction', 'xlink:href'].includes(attr.name) && /^\s*(javascript|vbscript|data):/i.test(attr.value)) found.push(`${tag}[${attr.name}=${attr.value}]`);
    }
  }
  return found;
}

describe('stored XSS is escaped everywhere', () => {
  it('the detector finds each hostile string when it is NOT escaped', () => {
    for (const bad of [HOSTILE.script, `<p${HOSTILE.img}`, `<a href="${HOSTILE.jsUrl}">x</a>`]) expect(activeMarkup(`<main>${bad}</main>`)).not.toEqual([]);
  });

  it.each(HTML_PAGES().map((p) => [p]))('%s renders the hostile rows as text', async (path) => {
    const res = await app.request(path);
    expect(res.status).toBeLessThan(500);
    const html = await res.text();
    expect(activeMarkup(html)).toEqual([]);
    // The hostile strings are really on these pages (escaped), so the check above is not vacuous.
    if (/evil|hostile|quotes\/|articles\/\d/.test(path) && res.status === 200) expect(html).toMatch(/&lt;script&gt;|&quot;&gt;&lt;img/);
  });

  it('every response carries a Content-Security-Policy that forbids inline script', async () => {
    const csp = (await app.request('/')).headers.get('content-security-policy') ?? '';
    expect(csp).toMatch(/script-src 'self'/);
    expect(csp).not.toMatch(/unsafe-inline/);
  });

  it('Atom is well-formed XML and carries the hostile text only as text', async () => {
    const res = await app.request('/quotes.atom?source=evil');
    expect(res.status).toBe(200);
    const xml = await res.text();
    const doc = new DOMParser().parseFromString(xml, 'text/xml');
    const entries = doc.querySelectorAll('entry');
    expect(entries.length).toBeGreaterThan(0);
    expect(xml).not.toContain(HOSTILE.script);
    expect(xml).not.toContain('<img');
    expect([...entries].map((e) => e.textContent).join(' ')).toContain(HOSTILE.img.trim());
    for (const link of doc.querySelectorAll('link')) expect(link.getAttribute('href') ?? '').not.toMatch(/^\s*javascript:/i);
  });

  it('JSON is served as application/json (never HTML) with the text intact', async () => {
    const res = await app.request('/quotes.json?source=evil');
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(JSON.stringify(await res.json())).toContain('onerror');
  });

  it.each(['/quotes.csv?source=evil', '/articles.csv?source=evil'])('%s neutralises formula cells and is served as an attachment', async (path) => {
    const res = await app.request(path);
    expect(res.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(res.headers.get('content-disposition')).toMatch(/^attachment/);
    const csv = await res.text();
    const cells = csv.split(/\r\n/).flatMap((line) => line.split(',')).map((c) => c.replace(/^"/, ''));
    expect(cells.filter((c) => /^[=+@]/.test(c))).toEqual([]);
    if (path.startsWith('/quotes')) expect(csv).toContain(`'${HOSTILE.formula.replace(/"/g, '""')}`);
  });
});
