// What a new user runs into when walking through the README: exports, feeds and filters used the way people do.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildWebFixtureDb, type FixtureDb } from '../helpers/web-fixture-db.ts';
import { ADMIN_TOKEN, cookieJar, form, hiddenValue, testApp } from '../helpers/web-app.ts';
import { csvCell } from '../../web/lib/csv.ts';

let f: FixtureDb;
let app: ReturnType<typeof testApp>;
beforeAll(() => {
  f = buildWebFixtureDb();
  app = testApp(f.db);
});
afterAll(() => f.close());

const csvRows = (text: string) => text.trim().split('\r\n').map((line) => line.split(','));

describe('CSV exports keep numbers numeric', () => {
  it('writes a negative net stance as a number a spreadsheet can sum', async () => {
    const rows = csvRows(await (await app.request('/trends.csv?org=adcs')).text());
    const header = rows[0]!;
    // July 2016: the ADCS president opposes once and is mixed once, so net stance is (0 − 1) / 2.
    const july = rows.find((r) => r[0] === '2016-07')!;
    expect(july[header.indexOf('net')]).toBe('-0.5');
  });

  it('names the organisation on every row of one organisation\'s trends', async () => {
    const text = await (await app.request('/trends.csv?org=adcs')).text();
    const lines = text.trim().split('\r\n').slice(1);
    expect(lines.length).toBeGreaterThan(1);
    for (const line of lines) expect(line).toMatch(/^\d{4}-\d{2},adcs,Association of Directors of Children's Services,/);
  });

  it('still neutralises text that starts like a formula', () => {
    expect(csvCell('-1 is what they said')).toBe("'-1 is what they said");
    expect(csvCell('=1+1')).toBe("'=1+1");
    expect(csvCell(-2)).toBe('-2');
  });
});

describe('reported speech is never shown as a direct quote', () => {
  const INDIRECT = 'the new framework would raise standards';

  it('keeps quotation marks off indirect quotes in the Atom feed, and links each entry to its article', async () => {
    const xml = await (await app.request('/quotes.atom?org=ofsted&from=2016-07-21&to=2016-07-21')).text();
    expect(xml).toContain(`Reported: ${INDIRECT} (Sir Michael Wilshaw`);
    expect(xml).not.toContain(`“${INDIRECT}”`);
    expect(xml).toContain('<link rel="related" type="text/html" href="https://cypn.example/news/framework"/>');
    const direct = await (await app.request('/quotes.atom?org=adcs&kind=direct&from=2016-07-21')).text();
    expect(direct).toContain('“The framework is flawed and does not help children.”');
  });

  it('keeps quotation marks off an indirect quote\'s BibTeX title', async () => {
    type Cited = { rows: { id: number }[] };
    const [indirect] = ((await (await app.request('/quotes.json?org=ofsted&kind=indirect&from=2016-07-21&to=2016-07-21')).json()) as Cited).rows;
    const [direct] = ((await (await app.request('/quotes.json?org=adcs&kind=direct&from=2016-07-21&to=2016-07-21')).json()) as Cited).rows;
    const bib = async (id: number) => ((await (await app.request(`/quotes/${id}.json`)).json()) as { citation: { bibtex: string } }).citation.bibtex;
    expect(await bib(indirect!.id)).toContain(`title = {{${INDIRECT}}}`);
    expect(await bib(direct!.id)).toContain('title = {{“The framework is flawed and does not help children.”}}');
  });

  it('keeps quotation marks off indirect quotes in an article page\'s list of quotes', async () => {
    const html = await (await app.request(`/articles/${f.ids.mainArticle}`)).text();
    const list = html.slice(html.indexOf('class="quote-index"'));
    expect(list).toContain(`>${INDIRECT}</a>`);
    expect(list).toContain('>“The framework is flawed and does not help children.”</a>');
  });
});

describe('organisation and speaker filters ignore letter case', () => {
  it('filters quotes by org=ADCS as by org=adcs', async () => {
    const json = async (path: string) => (await (await app.request(path)).json()) as { rows: { id: number }[] };
    const lower = await json('/quotes.json?org=adcs&_size=200');
    expect(lower.rows.length).toBeGreaterThan(0);
    expect((await json('/quotes.json?org=ADCS&_size=200')).rows).toEqual(lower.rows);
    expect((await json('/quotes.json?speaker=Dave-Hill&_size=200')).rows).toEqual((await json('/quotes.json?speaker=dave-hill&_size=200')).rows);
  });

  it('draws trends for org=ADCS', async () => {
    const res = await app.request('/trends.json?org=ADCS');
    expect(res.status).toBe(200);
    expect(((await res.json()) as { filters: { org: string } }).filters.org).toBe('adcs');
  });

  it('sends /organisations/ADCS and /speakers/Dave-Hill to their profiles', async () => {
    const org = await app.request('/organisations/ADCS');
    expect(org.status).toBe(301);
    expect(org.headers.get('location')).toBe('/organisations/adcs');
    const json = await app.request('/speakers/Dave-Hill.json');
    expect(json.headers.get('location')).toBe('/speakers/dave-hill.json');
    expect((await app.request('/organisations/NOBODY')).status).toBe(301);
    expect((await app.request('/organisations/nobody')).status).toBe(404);
  });
});

describe('profiles read like a person wrote them', () => {
  it('shows a role seen on one day as that day, not as a range from the day to itself', async () => {
    f.db.prepare(`INSERT INTO person_roles (person_id, organisation_id, role, from_date, to_date)
      SELECT p.id, o.id, 'vice-president', '2015-02-11', '2015-02-11' FROM people p, organisations o WHERE p.slug = 'dave-hill' AND o.slug = 'adcs'`).run();
    const html = await (await app.request('/organisations/adcs')).text();
    expect(html).toContain('vice-president <span class="subtle">(11 February 2015)</span>');
    expect(html).toContain('President <span class="subtle">(1 April 2016 – 31 March 2017)</span>');
  });

  it('does not list the parts of a speaker\'s own name as other names', async () => {
    f.db.prepare(`INSERT INTO person_aliases (person_id, alias) SELECT id, a FROM people, (SELECT 'wilshaw' AS a UNION SELECT 'mike wilshaw') WHERE slug = 'michael-wilshaw'`).run();
    const html = await (await app.request('/speakers/michael-wilshaw')).text();
    const line = /Also quoted as: ([^<]*)</.exec(html)?.[1];
    expect(line).toBe('mike wilshaw');
  });
});

describe('an imported article names the site it came from', () => {
  it('shows the site on the article page, the quote page and the timeline card', async () => {
    const body = 'Ann Importer said: "Inspection is fair."';
    const articleId = Number(f.db.prepare(`INSERT INTO articles (source_id, url, original_url, title, published_at, body, content_hash, fetched_at)
      VALUES (NULL, 'https://www.imported.example/story', 'https://www.imported.example/story', 'Imported story', '2014-03-03', ?, 'hash-imported', '2014-03-04T00:00:00Z')`).run(body).lastInsertRowid);
    const quoteId = Number(f.db.prepare(`INSERT INTO quotes (article_id, start, "end", text, kind, stance, speaker_name, published_at, source_id)
      VALUES (?, 19, 38, 'Inspection is fair.', 'direct', 'supports', 'Ann Importer', '2014-03-03', NULL)`).run(articleId).lastInsertRowid);
    const article = await (await app.request(`/articles/${articleId}`)).text();
    expect(article).toMatch(/class="source-line">\s*imported\.example · /);
    expect(await (await app.request(`/quotes/${quoteId}`)).text()).toContain('<dt>Source</dt><dd>imported.example</dd>');
    const timeline = await (await app.request('/?to=2014-03-03')).text();
    const card = timeline.slice(timeline.indexOf(`aria-labelledby="q${quoteId}-by"`));
    expect(card.slice(0, card.indexOf('</article>'))).toContain('<span> · imported.example</span>');
    const list = await (await app.request('/articles?to=2014-03-03')).text();
    expect(list).toMatch(/Imported story<\/a><\/h2><p class="source-line">imported\.example · /);
  });
});

describe('a search with nothing to look for says so', () => {
  it.each(['😀', '*', '^$%'])('explains that %s matches everything', async (q) => {
    const html = await (await app.request(`/?q=${encodeURIComponent(q)}`)).text();
    expect(html).toContain('has no words to search for, so every quote is shown.');
  });

  it('stays quiet for a real search, a field search and an exclusion', async () => {
    for (const q of ['framework', 'stance:opposes', '-framework']) {
      expect(await (await app.request(`/?q=${encodeURIComponent(q)}`)).text(), q).not.toContain('has no words to search for');
    }
    const articles = await (await app.request('/articles?q=*')).text();
    expect(articles).toContain('so every article is shown.');
  });
});

describe('the search help uses names that exist', () => {
  it('gives a source: example whose id is in the shipped registry', async () => {
    const { readFileSync } = await import('node:fs');
    const registry = JSON.parse(readFileSync(new URL('../../data/sources.json', import.meta.url), 'utf8')) as { sources: { id: string }[] };
    const html = await (await app.request('/help')).text();
    const id = /<code>source:([\w-]+)<\/code>/.exec(html)?.[1];
    expect(registry.sources.map((s) => s.id)).toContain(id);
  });
});

describe('a source made by `import --source` is not shown as broken', () => {
  it('labels it as imported files and offers no crawl for it', async () => {
    f.db.prepare(`INSERT INTO sources (id, name, kind, enabled) VALUES ('my-archive', 'my-archive', 'import', 0)`).run();
    const crawler = testApp(f.db, { crawlNow: async () => undefined });
    const jar = cookieJar();
    const login = await crawler.request('/admin/login');
    jar.absorb(login);
    jar.absorb(await crawler.request('/admin/login', {
      method: 'POST', headers: { cookie: jar.header(), 'content-type': 'application/x-www-form-urlencoded' },
      body: form({ _csrf: hiddenValue(await login.text(), '_csrf'), name: 'QA', token: ADMIN_TOKEN }),
    }));
    const html = await (await crawler.request('/sources', { headers: { cookie: jar.header() } })).text();
    const row = html.slice(html.indexOf('href="/?source=my-archive"'));
    expect(row.slice(0, row.indexOf('</tr>'))).toContain('<span class="badge health-off">imported files</span>');
    expect(html).not.toContain('action="/sources/my-archive/crawl"');
    expect(html).toContain('action="/sources/cypn/crawl"');
  });
});

describe('an organisation that speaks is named once', () => {
  it('shows "ADCS" once, linked, instead of "ADCS · ADCS"', async () => {
    const body = 'The ADCS said inspection must change.';
    const articleId = Number(f.db.prepare(`INSERT INTO articles (source_id, url, title, published_at, body, content_hash, fetched_at)
      VALUES ('cypn', 'https://cypn.example/org-statement', 'Org statement', '2013-05-05', ?, 'hash-org-statement', '2013-05-06T00:00:00Z')`).run(body).lastInsertRowid);
    const quoteId = Number(f.db.prepare(`INSERT INTO quotes (article_id, start, "end", text, kind, stance, speaker_name, organisation_id, published_at, source_id)
      SELECT ?, 19, 36, 'inspection must change', 'indirect', 'opposes', 'ADCS', id, '2013-05-05', 'cypn' FROM organisations WHERE slug = 'adcs'`).run(articleId).lastInsertRowid);
    const html = await (await app.request('/?to=2013-05-05')).text();
    const card = html.slice(html.indexOf(`id="q${quoteId}-by"`));
    const attribution = card.slice(0, card.indexOf('</p>'));
    expect(attribution).toContain('<span class="speaker"><a href="/organisations/adcs">ADCS</a></span>');
    expect(attribution.match(/>ADCS</g)).toHaveLength(1);
    const person = await (await app.request(`/quotes/${f.ids.adcsQuote}`)).text();
    expect(person).toContain('href="/speakers/dave-hill"');
  });
});

describe('trends by speaker', () => {
  it('points to the speaker\'s page instead of answering with everyone\'s trend', async () => {
    const res = await app.request('/trends.json?speaker=dave-hill');
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: string }).error).toContain('/speakers/dave-hill.json');
    const page = await app.request('/speakers/dave-hill.json');
    expect(((await page.json()) as { trends: unknown[] }).trends.length).toBeGreaterThan(0);
  });
});
