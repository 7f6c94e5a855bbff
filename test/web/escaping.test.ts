// Scraped text is hostile: every page, feed and export must render it inert.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseFeed } from '@rowanmanning/feed-parser';
import { parseHTML } from 'linkedom';
import { buildWebFixtureDb, HOSTILE, type FixtureDb } from '../helpers/web-fixture-db.ts';
import { cookieJar, form, hiddenValue, testApp, ADMIN_TOKEN } from '../helpers/web-app.ts';

let f: FixtureDb;
let app: ReturnType<typeof testApp>;
let adminCookie = '';
beforeAll(async () => {
  f = buildWebFixtureDb();
  app = testApp(f.db);
  const jar = cookieJar();
  const login = await app.request('/admin/login');
  jar.absorb(login);
  const res = await app.request('/admin/login', {
    method: 'POST', headers: { cookie: jar.header(), 'content-type': 'application/x-www-form-urlencoded' },
    body: form({ _csrf: hiddenValue(await login.text(), '_csrf'), name: `${HOSTILE.script}Admin`, token: ADMIN_TOKEN }),
  });
  jar.absorb(res);
  adminCookie = jar.header();
});
afterAll(() => f.close());

/** Fails if the HTML contains live markup or a script URL that came from the data. */
function expectInert(html: string, page: string) {
  expect(html, page).not.toContain('<script>alert');
  const { document } = parseHTML(html);
  for (const el of document.querySelectorAll('*')) {
    for (const attr of el.attributes) {
      expect(attr.name, `${page}: <${el.tagName} ${attr.name}>`).not.toMatch(/^on/i);
      if (/^(href|src|action|formaction|xlink:href)$/i.test(attr.name)) expect(attr.value.trim(), page).not.toMatch(/^(javascript|data|vbscript):/i);
    }
  }
  expect(document.querySelectorAll('img').length, page).toBe(0);
  const scripts = [...document.querySelectorAll('script')];
  expect(scripts.map((s) => s.getAttribute('src')), page).toEqual(['/static/app.js']);
  expect(scripts[0]!.textContent, page).toBe('');
}

const pages = () => [
  '/', '/?q=' + encodeURIComponent('"is what they said"'), '/?q=' + encodeURIComponent(HOSTILE.script), '/?q=' + encodeURIComponent(HOSTILE.img),
  '/articles', '/articles?q=breaking', `/quotes/${f.ids.hostileQuote}`, `/quotes/${f.ids.formulaQuote}`, `/articles/${f.ids.hostileArticle}`,
  '/speakers', '/organisations', '/speakers/evil-person', '/speakers/michael-wilshaw', '/organisations/evil-org', '/organisations/ofsted', '/sources', '/trends', '/help',
  '/' + encodeURIComponent(HOSTILE.script), '/?source=' + encodeURIComponent(HOSTILE.img), '/?q=' + encodeURIComponent(`stance:${HOSTILE.img}`),
];

describe('hostile data in HTML', () => {
  it('renders every page inert, anonymous and as admin', async () => {
    for (const cookie of ['', adminCookie]) {
      for (const page of pages()) {
        const res = await app.request(page, { headers: cookie ? { cookie } : {} });
        expect(res.status, page).toBeLessThan(500);
        const html = await res.text();
        expectInert(html, page);
      }
    }
  });

  it('shows the hostile text escaped rather than dropping it', async () => {
    const html = await (await app.request(`/quotes/${f.ids.hostileQuote}`)).text();
    expect(html).toContain('&lt;script&gt;alert(&quot;xss&quot;)&lt;/script&gt;');
    expect(html).toContain('&quot;&gt;&lt;img src=x onerror=alert(1)&gt; is what they said,');
  });

  it('turns a javascript: original link into plain text', async () => {
    const html = await (await app.request(`/articles/${f.ids.hostileArticle}`)).text();
    expect(html).toContain('<span>Read the original</span>');
  });

  it('ignores malformed stance cues', async () => {
    const res = await app.request(`/quotes/${f.ids.hostileQuote}.json`);
    const body = (await res.json()) as { quote: { stance_cues: unknown[]; article: { url: string | null } } };
    expect(body.quote.stance_cues).toEqual([]);
    expect(body.quote.article.url).toBeNull();
  });
});

function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') { cell += '"'; i++; } else if (ch === '"') quoted = false; else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') { row.push(cell); cell = ''; }
    else if (ch === '\r' && text[i + 1] === '\n') { row.push(cell); rows.push(row); row = []; cell = ''; i++; }
    else cell += ch;
  }
  return rows;
}

describe('hostile data in exports', () => {
  it('neutralises formula cells in CSV and keeps the text', async () => {
    const rows = parseCsv(await (await app.request('/quotes.csv?source=evil')).text());
    const header = rows[0]!;
    const byId = new Map(rows.slice(1).map((r) => [Number(r[0]), r]));
    const formula = byId.get(f.ids.formulaQuote)!;
    expect(formula[header.indexOf('text')]).toBe(`'${HOSTILE.formula}`);
    expect(formula[header.indexOf('speaker')]).toBe("'@SUM(A1)");
    const hostile = byId.get(f.ids.hostileQuote)!;
    expect(hostile[header.indexOf('article_title')]).toBe(`${HOSTILE.script} Breaking ${HOSTILE.img}`);
    for (const r of rows.slice(1)) for (const cell of r) expect(cell).not.toMatch(/^[=+\-@]/);
  });

  it('produces a well-formed Atom feed whose text round-trips', async () => {
    const xml = await (await app.request('/quotes.atom?source=evil')).text();
    expect(xml).not.toContain('<script>');
    const feed = parseFeed(xml);
    const entry = feed.items.find((i) => i.url?.endsWith(`/quotes/${f.ids.hostileQuote}`));
    expect(entry?.content).toContain(`“${HOSTILE.img} is what they said,”`);
    expect(entry?.title).toContain(HOSTILE.script);
  });
});
