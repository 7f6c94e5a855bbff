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

const json = async (path: string) => {
  const res = await app.request(path);
  return { status: res.status, body: (await res.json()) as Record<string, any> };
};

describe('timeline HTML', () => {
  it('shows quotes newest first, grouped by day, with links', async () => {
    const res = await app.request('/');
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('<h2 id="day-2016-07-21" class="day-heading">21 July 2016</h2>');
    expect(html.indexOf('21 July 2016')).toBeLessThan(html.indexOf('1 June 2016'));
    expect(html).toContain('href="/speakers/dave-hill"');
    expect(html).toContain('href="/organisations/adcs"');
    expect(html).toContain(`href="/articles/${f.ids.mainArticle}"`);
    expect(html).toContain('href="https://cypn.example/news/framework"');
    expect(html).toContain('class="badge stance-opposes">Opposes</span>');
    expect(html).toMatch(/rel="next" href="\/\?_next=[\w-]+"/);
  });

  it('searches with a phrase and a field and shows the facet counts', async () => {
    const html = await (await app.request('/?q=' + encodeURIComponent('"framework is flawed" org:ADCS'))).text();
    expect(html).toContain('The framework is flawed and does not help children.');
    expect(html).not.toContain('the new framework would raise standards');
    expect(html).toMatch(/<h2 id="facet-stance">Stance<\/h2>[\s\S]*Opposes<span class="count">1<\/span>/);
  });

  it('shows a friendly message and 400 for a malformed search', async () => {
    const res = await app.request('/?q=' + encodeURIComponent('stance:angry'));
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(html).toContain('role="alert"');
    expect(html).toContain('stance: must be one of');
    expect(html).toContain('<form class="search-form"');
  });

  it('hides headline and caption quotes on request', async () => {
    const all = await json('/quotes.json?_size=200&q=inspection');
    const body = await json('/quotes.json?_size=200&q=inspection&placement=body');
    const ids = (b: Record<string, any>) => b.rows.map((r: { id: number }) => r.id);
    expect(ids(all.body)).toContain(f.ids.headlineQuote);
    expect(ids(body.body)).not.toContain(f.ids.headlineQuote);
  });

  it('lists articles with the same filters, folding duplicates', async () => {
    const html = await (await app.request('/articles?q=framework')).text();
    expect(html).toContain('ADCS criticises new inspection framework</a>');
    expect(html).not.toContain('(syndicated)');
    const { body } = await json('/articles.json?stance=opposes&source=cypn&_size=200');
    expect(body.rows.map((r: { id: number }) => r.id)).toContain(f.ids.mainArticle);
    expect(body.rows.every((r: { source: { id: string } }) => r.source.id === 'cypn')).toBe(true);
  });
});

describe('JSON API', () => {
  it('walks every page with the opaque cursor without repeats, undated quotes last', async () => {
    const seen: number[] = [];
    let url: string | null = '/quotes.json?_size=40';
    let last: any = null;
    while (url) {
      const { status, body } = await json(url.replace(/^https?:\/\/[^/]+/, ''));
      expect(status).toBe(200);
      seen.push(...body.rows.map((r: { id: number }) => r.id));
      last = body.rows[body.rows.length - 1];
      url = body.next_url;
    }
    const total = (f.db.prepare('SELECT count(*) AS n FROM quotes').get() as { n: number }).n;
    expect(seen).toHaveLength(total);
    expect(new Set(seen).size).toBe(total);
    expect(last.id).toBe(f.ids.undatedQuote);
  });

  it('filters with bare parameters', async () => {
    const { body } = await json('/quotes.json?speaker=dave-hill&stance=opposes&_size=200');
    expect(body.rows.length).toBeGreaterThan(1);
    for (const r of body.rows) {
      expect(r.speaker.slug).toBe('dave-hill');
      expect(r.stance).toBe('opposes');
    }
    const dated = await json('/quotes.json?from=2016-07-21&to=2016-07-21&_size=200');
    expect(dated.body.rows).toHaveLength(3);
  });

  it('adds facets on request', async () => {
    const { body } = await json('/quotes.json?q=framework&_facets=1');
    expect(body.facets.org.find((o: { value: string }) => o.value === 'adcs').count).toBeGreaterThan(0);
  });

  it.each([
    ['/quotes.json?q=%22open', /quotation mark/],
    ['/quotes.json?stance=cross', /stance must be one of/],
    ['/quotes.json?_next=garbage', /not valid any more/],
    ['/quotes.json?_size=100000', /_size/],
    ['/quotes.json?from=2016-02-31', /date like/],
    ['/quotes.csv?q=-', null],
    ['/quotes.atom?q=org:%22%22', /needs a value/],
    ['/quotes.json?q=ofsted+org:', /org: needs a value/],
    ['/quotes.csv?q=speaker:', /speaker: needs a value/],
  ])('answers %s with one error shape', async (path, message) => {
    const res = await app.request(path);
    if (message === null) {
      expect(res.status).toBe(200);
      return;
    }
    expect(res.status).toBe(400);
    const body = (await res.json()) as Record<string, unknown>;
    expect(body).toEqual({ ok: false, error: expect.stringMatching(message), status: 400 });
  });
});

describe('CSV and Atom', () => {
  it('streams the whole result set as CSV with the same filters', async () => {
    const res = await app.request('/quotes.csv?org=adcs');
    expect(res.headers.get('content-type')).toContain('text/csv');
    expect(res.headers.get('content-disposition')).toContain('attachment');
    const lines = (await res.text()).trim().split('\r\n');
    const expected = (f.db.prepare("SELECT count(*) AS n FROM quotes q JOIN organisations o ON o.id = q.organisation_id WHERE o.slug = 'adcs'").get() as { n: number }).n;
    expect(lines[0]).toBe('id,published_at,speaker,role,organisation,stance,kind,placement,text,article_title,article_url,source,permalink');
    expect(lines).toHaveLength(expected + 1);
  });

  it('gives an Atom feed for a search', async () => {
    const res = await app.request('/quotes.atom?q=' + encodeURIComponent('org:ADCS stance:opposes'));
    expect(res.headers.get('content-type')).toContain('application/atom+xml');
    const xml = await res.text();
    expect(xml).toContain('<feed xmlns="http://www.w3.org/2005/Atom">');
    expect(xml).toContain(`<id>http://localhost/quotes/${f.ids.adcsQuote}</id>`);
    expect(xml.match(/<entry>/g)!.length).toBeGreaterThan(1);
    expect(xml).not.toMatch(/<entry>[\s\S]*stance: supports/);
  });
});
