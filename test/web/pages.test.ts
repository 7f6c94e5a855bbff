// What each page shows: permalink, article, profiles, trends, sources, help.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildWebFixtureDb, type FixtureDb } from '../helpers/web-fixture-db.ts';
import { testApp } from '../helpers/web-app.ts';

let f: FixtureDb;
let app: ReturnType<typeof testApp>;
beforeAll(() => {
  f = buildWebFixtureDb();
  app = testApp(f.db);
});
afterAll(() => f.close());

const html = async (path: string) => {
  const res = await app.request(path);
  expect(res.status, path).toBe(200);
  return res.text();
};

describe('quote permalink', () => {
  it('shows the quote with its stance cues, its paragraph, role at the date and source', async () => {
    const page = await html(`/quotes/${f.ids.adcsQuote}`);
    expect(page).toContain('<mark class="cue cue-opposes" title="opposes cue">flawed</mark>');
    expect(page).toContain('<mark class="cue cue-negation" title="negation cue">not</mark>');
    expect(page).toContain('Dave Hill, president of the ADCS, said: &quot;<mark class="quote-span stance-bg-opposes">The framework is flawed and does not help children.</mark>&quot;');
    expect(page).toMatch(/<span class="role">, President, <a href="\/organisations\/adcs">/);
    expect(page).toContain('Children &amp; Young People Now');
    expect(page).toContain('<time datetime="2016-07-21">21 July 2016</time>');
  });

  it('offers a citation with permalink and retrieval date, and BibTeX', async () => {
    const page = await html(`/quotes/${f.ids.adcsQuote}`);
    const today = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date());
    expect(page).toContain(`stancewatch quote ${f.ids.adcsQuote}: http://localhost/quotes/${f.ids.adcsQuote} (retrieved ${today})`);
    expect(page).toContain(`@misc{stancewatch-quote-${f.ids.adcsQuote},`);
    expect(page).toContain('howpublished = {\\url{http://localhost/quotes/');
    expect(page).toContain('year = {2016}');
    expect(page).toContain('No corrections have been made to this quote.');
  });

  it('answers as JSON with the same facts', async () => {
    const body = (await (await app.request(`/quotes/${f.ids.adcsQuote}.json`)).json()) as any;
    expect(body.ok).toBe(true);
    expect(body.quote).toMatchObject({ id: f.ids.adcsQuote, stance: 'opposes', speaker: { slug: 'dave-hill' }, organisation: { slug: 'adcs' } });
    expect(body.quote.stance_cues).toHaveLength(2);
    expect(body.roles[0]).toMatchObject({ role: 'President', org_slug: 'adcs' });
    expect(body.citation.bibtex).toMatch(/^@misc\{/);
  });
});

describe('article page', () => {
  it('marks each quote by stance and links it to its permalink', async () => {
    const page = await html(`/articles/${f.ids.mainArticle}`);
    expect(page).toMatch(new RegExp(`<mark class="quote-span stance-bg-opposes" title="Dave Hill · Opposes" id="q${f.ids.adcsQuote}"><a href="/quotes/${f.ids.adcsQuote}">The framework is flawed`));
    expect(page).toContain('stance-bg-supports');
    expect(page).toContain('stance-bg-mixed');
    expect(page).toContain('Also published at');
    expect(page).toContain('href="https://mirror.example/framework"');
    expect(page).toContain(`href="/articles/${f.ids.duplicateArticle}"`);
  });

  it('marks partial text and points a duplicate to its original', async () => {
    expect(await html(`/articles/${f.ids.partialArticle}`)).toContain('<strong>Partial text.</strong>');
    expect(await html(`/articles/${f.ids.duplicateArticle}`)).toContain(`This is a copy of <a href="/articles/${f.ids.mainArticle}">`);
  });
});

describe('profiles', () => {
  it('shows a speaker with roles, counts, a stance chart with a data table, topics and latest quotes', async () => {
    const page = await html('/speakers/dave-hill');
    expect(page).toContain('<h1>Dave Hill</h1>');
    expect(page).toContain('(1 April 2016 – 31 March 2017)');
    expect(page).toMatch(/<strong>67<\/strong> quotes/);
    expect(page).toMatch(/<svg viewBox="0 0 720 260" role="img" aria-labelledby="vol-t vol-d"[^>]*><title id="vol-t">/);
    expect(page).toContain('<summary>Data table</summary>');
    expect(page).toMatch(/<h2 id="topics-h">Most-covered topics<\/h2><ul class="topics"><li><a href="\/\?speaker=dave-hill&amp;q=/);
    expect(page).toContain('The framework is flawed and does not help children.');
  });

  it('shows an organisation with its people', async () => {
    const page = await html('/organisations/adcs');
    expect(page).toContain('<span class="subtle"> (ADCS)</span>');
    expect(page).toContain('<a href="/speakers/dave-hill">Dave Hill</a>, President');
    const body = (await (await app.request('/organisations/adcs.json')).json()) as any;
    expect(body.stance_counts.reduce((s: number, c: { n: number }) => s + c.n, 0)).toBe(67);
  });
});

describe('trends', () => {
  it('draws volume and net stance with titles, descriptions and a table', async () => {
    const page = await html('/trends?org=adcs&period=quarter');
    expect(page).toContain('<title id="volume-t">Quotes per quarter by stance: Association of Directors');
    expect(page).toMatch(/<desc id="net-d">Line: net stance per period/);
    expect(page).toContain('<th scope="row">2016-Q3</th>');
    expect(page).toMatch(/<path class="net-line" d="M[\d.,LMZ]+"/);
  });

  it('exports the same data as JSON and CSV', async () => {
    const body = (await (await app.request('/trends.json?org=adcs')).json()) as any;
    const total = body.rows.reduce((s: number, r: { total: number }) => s + r.total, 0);
    expect(total).toBe(67);
    const csv = (await (await app.request('/trends.csv?org=adcs')).text()).trim().split('\r\n');
    expect(csv[0]).toBe('period,organisation_slug,organisation,supports,opposes,mixed,neutral,unrelated,total,positioned,net');
    expect(csv).toHaveLength(body.rows.length + 1);
  });

  it('rejects an unknown organisation or period with 400', async () => {
    expect((await app.request('/trends?org=nobody')).status).toBe(400);
    expect((await app.request('/trends.json?period=decade')).status).toBe(400);
  });
});

describe('sources and help', () => {
  it('shows each source\'s health, failing first', async () => {
    const page = await html('/sources');
    expect(page.indexOf('failing ×3')).toBeGreaterThan(0);
    expect(page.indexOf('failing ×3')).toBeLessThan(page.indexOf('Children &amp; Young People Now'));
    const body = (await (await app.request('/sources.json')).json()) as any;
    expect(body.rows.find((s: { id: string }) => s.id === 'cypn')).toMatchObject({ consecutive_failures: 0, last_success_at: '2016-07-22T10:00:00Z' });
  });

  it('documents the search syntax and the API', async () => {
    const page = await html('/help');
    for (const s of ['speaker:wilshaw', 'org:ADCS', 'stance:opposes', 'before:', '/quotes.csv', '/quotes.atom', '_next']) expect(page).toContain(s);
  });
});

describe('other exports', () => {
  it('lists sources and corrections as CSV and JSON', async () => {
    const sources = (await (await app.request('/sources.csv')).text()).trim().split('\r\n');
    expect(sources[0]).toMatch(/^id,name,kind,enabled,last_run_at,last_success_at,consecutive_failures,last_error/);
    expect(sources).toHaveLength(3);
    const corrections = (await (await app.request('/corrections.json')).json()) as { ok: boolean; rows: unknown[] };
    expect(corrections).toEqual({ ok: true, rows: [] });
  });

  it('shows the filters in force, each removable', async () => {
    const page = await html('/?speaker=dave-hill&stance=opposes');
    expect(page).toContain('<a href="/?stance=opposes">Speaker: dave-hill');
    expect(page).toContain('<a href="/?speaker=dave-hill">Stance: opposes');
  });
});

describe('directories', () => {
  it('lists organisations and speakers, most quoted first, in three formats', async () => {
    const orgs = await html('/organisations');
    expect(orgs.indexOf('href="/organisations/adcs"')).toBeLessThan(orgs.indexOf('href="/organisations/ofsted"'));
    expect(orgs).toMatch(/Association of Directors of Children&#39;s Services<\/a><span class="subtle"> \(ADCS\)<\/span><\/th><td>67<\/td>/);
    const speakers = (await (await app.request('/speakers.json')).json()) as { rows: { slug: string; quotes: number }[] };
    expect(speakers.rows[0]).toEqual({ slug: 'dave-hill', name: 'Dave Hill', acronym: null, quotes: 67 });
    const csv = (await (await app.request('/organisations.csv')).text()).trim().split('\r\n');
    expect(csv[0]).toBe('slug,name,acronym,quotes');
    expect(csv).toHaveLength(4);
  });
});
