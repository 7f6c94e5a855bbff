// What a new user runs into when walking through the README: exports, feeds and filters used the way people do.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildWebFixtureDb, type FixtureDb } from '../helpers/web-fixture-db.ts';
import { testApp } from '../helpers/web-app.ts';
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

  it('keeps quotation marks off indirect quotes in an article page\'s list of quotes', async () => {
    const html = await (await app.request(`/articles/${f.ids.mainArticle}`)).text();
    const list = html.slice(html.indexOf('class="quote-index"'));
    expect(list).toContain(`>${INDIRECT}</a>`);
    expect(list).toContain('>“The framework is flawed and does not help children.”</a>');
  });
});
