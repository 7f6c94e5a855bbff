// The spine end to end: a feed on a loopback server → crawl → SQLite file → the web timeline and its search.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startFixtureServer, type FixtureServer } from '../helpers/fixture-server.ts';
import { openDatabase, type DB } from '../../src/db/connection.ts';
import { loadConfig } from '../../src/config.ts';
import { silentLogger } from '../../src/log.ts';
import { loadSourceRegistry } from '../../src/source-registry.ts';
import { syncRegistries } from '../../src/db/people.ts';
import { crawlSource } from '../../src/pipeline/crawl.ts';
import { createApp } from '../../web/app.tsx';

const feed = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Sector News</title><link>{{BASE}}/</link><description>News</description>
<item><title>Directors attack &amp; reject inspection grades</title><link>{{BASE}}/news/directors-reject-grades</link>
<pubDate>Tue, 04 Mar 2025 09:00:00 GMT</pubDate><description>Summary only.</description></item>
<item><title>Watchdog defends new framework</title><link>{{BASE}}/news/watchdog-defends-framework?utm_source=rss</link>
<pubDate>Mon, 03 Mar 2025 09:00:00 GMT</pubDate><description><![CDATA[Short <b>summary</b>.]]></description></item>
</channel></rss>`;

const page = (title: string, date: string, paragraphs: string[]) => `<!doctype html><html><head><title>${title} | Sector News</title>
<meta property="og:title" content="${title}"><meta property="article:published_time" content="${date}"></head>
<body><nav><a href="/">Home</a> <a href="/jobs">Jobs</a></nav><article><h1>${title}</h1>
${paragraphs.map((p) => `<p>${p}</p>`).join('\n')}</article><footer>© Sector News</footer></body></html>`;

const articleOne = page('Directors attack &amp; reject inspection grades', '2025-03-04T09:00:00Z', [
  'Council leaders have criticised the way single-word judgements are reached in children’s services inspections.',
  '“The grades are flawed and they do not reflect the work our social workers do every day,” said Priya Raman, president of the Association of Directors of Children’s Services.',
  'She added: “We want an inspection system that helps councils improve, not one that names and shames them.”',
  'The association published its response on Tuesday after a consultation with members across England and the regions.',
]);
const articleTwo = page('Watchdog defends new framework', '2025-03-03T09:00:00Z', [
  'Ofsted has defended its new inspection framework after criticism from the sector about the pace of change.',
  '“The framework is fair and it gives parents the clear information they need,” said Tom Ellery, Ofsted’s national director for social care.',
  'The inspectorate said it would publish an evaluation of the first year of inspections later in the spring.',
]);

let server: FixtureServer;
let dir: string;
let db: DB;

beforeAll(async () => {
  server = await startFixtureServer({
    '/robots.txt': { body: 'User-agent: *\nAllow: /\n', headers: { 'content-type': 'text/plain' } },
    '/feed.xml': { body: feed, headers: { 'content-type': 'application/rss+xml; charset=utf-8' } },
    '/news/directors-reject-grades': { body: articleOne },
    '/news/watchdog-defends-framework': { body: articleTwo },
  });
  dir = mkdtempSync(join(tmpdir(), 'sw-e2e-'));
  writeFileSync(
    join(dir, 'sources.json'),
    JSON.stringify({ sources: [{ id: 'sector-news', name: 'Sector News', organisation: 'Community Care', kind: 'feed', urls: [`${server.origin}/feed.xml`], schedule: '0 * * * *', enabled: true }] }),
  );
  db = openDatabase(join(dir, 'e2e.db'));
  syncRegistries(db);
});

afterAll(async () => {
  db?.close();
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

const config = () => loadConfig({ STANCEWATCH_DB: join(dir, 'e2e.db'), STANCEWATCH_SOURCES: join(dir, 'sources.json'), STANCEWATCH_FETCH_DELAY_MS: '0' });

describe('crawl → store → timeline', () => {
  it('crawls the feed, fetches each page and stores the articles with their quotes', async () => {
    const sources = loadSourceRegistry(join(dir, 'sources.json'));
    const summary = await crawlSource({ db, config: config(), log: silentLogger }, sources[0]!, {});
    expect(summary).toMatchObject({ itemsNew: 2, itemsFailed: 0, status: 'ok' });

    const articles = db.prepare('SELECT url, title, published_at, body FROM articles ORDER BY published_at').all() as { url: string; title: string; published_at: string; body: string }[];
    expect(articles.map((a) => a.url)).toEqual([`${server.origin}/news/watchdog-defends-framework`, `${server.origin}/news/directors-reject-grades`]);
    expect(articles[1]!.title).toBe('Directors attack & reject inspection grades');
    expect(articles[1]!.body).not.toContain('Jobs');

    const quotes = db.prepare('SELECT text, speaker_name, speaker_org, stance FROM quotes ORDER BY id').all() as Record<string, string>[];
    const raman = quotes.filter((q) => q.speaker_name === 'Priya Raman');
    expect(raman.map((q) => q.text)).toEqual([
      'The grades are flawed and they do not reflect the work our social workers do every day,',
      'We want an inspection system that helps councils improve, not one that names and shames them.',
    ]);
    expect(raman[0]!.speaker_org).toBe('ADCS');
    expect(raman[0]!.stance).toBe('opposes');
    expect(quotes.find((q) => q.speaker_name === 'Tom Ellery')).toMatchObject({ speaker_org: 'Ofsted' });
  });

  it('shows the quotes on / with links to our article page and the original, and finds them with ?q=', async () => {
    const app = createApp({ db, config: config(), log: silentLogger });
    const home = await (await app.request('/')).text();
    expect(home).toContain('The grades are flawed');
    expect(home).toContain('Priya Raman');
    expect(home).toMatch(/href="\/articles\/\d+"/);
    expect(home).toContain(`href="${server.origin}/news/directors-reject-grades"`);
    expect(home).toContain('Directors attack &amp; reject inspection grades');

    const search = await app.request('/?q=' + encodeURIComponent('"parents the clear information"'));
    expect(search.status).toBe(200);
    const html = await search.text();
    expect(html).toContain('Tom Ellery');
    expect(html).not.toContain('The grades are flawed');

    const bad = await app.request('/?q=' + encodeURIComponent('"unbalanced'));
    expect(bad.status).toBe(400);
    expect(await bad.text()).toMatch(/quote|phrase/i);
  });

  it('a second crawl adds nothing', async () => {
    const before = db.prepare('SELECT (SELECT COUNT(*) FROM articles) a, (SELECT COUNT(*) FROM quotes) q').get();
    const sources = loadSourceRegistry(join(dir, 'sources.json'));
    const summary = await crawlSource({ db, config: config(), log: silentLogger }, sources[0]!, {});
    expect(summary).toMatchObject({ itemsNew: 0, itemsUpdated: 0, itemsFailed: 0 });
    expect(db.prepare('SELECT (SELECT COUNT(*) FROM articles) a, (SELECT COUNT(*) FROM quotes) q').get()).toEqual(before);
  });
});
