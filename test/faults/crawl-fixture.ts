// A loopback news site for the fault tests: one RSS feed with N items carrying full text (content:encoded), each
// with attributed quotes, generated deterministically; and a registry file with one feed source pointing at it.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { startFixtureServer, type FixtureServer } from '../helpers/fixture-server.ts';
import { article, between, organisations, people, rng } from '../../bench/lib/generate.ts';

const escapeXml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export function feedXml(n: number, origin = '{{BASE}}'): string {
  const r = rng(42);
  const orgs = organisations(20);
  const ppl = people(100, orgs.length, r);
  const items = Array.from({ length: n }, (_, i) => {
    const a = article(r, ppl, orgs, { quotes: between(r, 3, 8), words: between(r, 250, 600) });
    const html = a.body.split('\n\n').map((p) => `<p>${escapeXml(p)}</p>`).join('\n');
    const date = new Date(Date.UTC(2025, 0, 1) + i * 3_600_000).toUTCString();
    return `<item><title>${escapeXml(`${a.title} ${i}`)}</title><link>${origin}/news/${i}</link><guid>${origin}/news/${i}</guid>
<pubDate>${date}</pubDate><description>${escapeXml(a.body.slice(0, 120))}</description>
<content:encoded><![CDATA[${html}]]></content:encoded></item>`;
  });
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>Fault news</title><link>${origin}</link>
<description>Generated</description>${items.reverse().join('\n')}</channel></rss>`;
}

export async function startNewsSite(n: number): Promise<FixtureServer> {
  const server = await startFixtureServer();
  server.route('/feed/', { body: feedXml(n), headers: { 'content-type': 'application/rss+xml; charset=utf-8' } });
  return server;
}

export function writeRegistry(dir: string, origin: string, extra: object[] = []): string {
  const path = join(dir, 'sources.json');
  const source = { id: 'fault-news', name: 'Fault news', organisation: 'Ofsted', kind: 'feed', urls: [`${origin}/feed/`], schedule: '0 */6 * * *', enabled: true, options: { fetchPages: 'never' } };
  writeFileSync(path, JSON.stringify({ sources: [source, ...extra] }));
  return path;
}

/** Environment for child processes: no delay between requests to the loopback host, quiet logs. */
export const CHILD_ENV = { STANCEWATCH_FETCH_DELAY_MS: '0', STANCEWATCH_LOG_LEVEL: 'warn', STANCEWATCH_SCHEDULER: 'false' };

export interface NewsSite {
  site: FixtureServer;
  /** A temporary directory for the test's databases, removed afterwards. */
  dir: string;
  registry: string;
}

/** Registers hooks that start a news site of `n` items and write a registry for it; the fields fill in beforeAll. */
export function useNewsSite(n: number, dirPrefix: string): NewsSite {
  const news = {} as NewsSite;
  beforeAll(async () => {
    news.site = await startNewsSite(n);
    news.dir = mkdtempSync(join(tmpdir(), dirPrefix));
    news.registry = writeRegistry(news.dir, news.site.origin);
  });
  afterAll(async () => {
    await news.site?.close();
    if (news.dir) rmSync(news.dir, { recursive: true, force: true });
  });
  return news;
}
