import { gzipSync } from 'node:zlib';
import iconv from 'iconv-lite';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createFetcher, type Fetcher, type FetcherOptions } from '../../src/fetch/fetcher.ts';
import { FetchFailure } from '../../src/fetch/errors.ts';
import { startFixtureServer, type FixtureServer } from '../helpers/fixture-server.ts';

const UA = 'stancewatch-test/1.0 (+https://example.org/contact)';
const base: FetcherOptions = { userAgent: UA, delayMs: 0, timeoutMs: 2000, retries: 2, retryBaseMs: 10, maxBytes: 10 * 1024 * 1024 };

let server: FixtureServer;
let fetcher: Fetcher;
beforeEach(async () => {
  server = await startFixtureServer({ '/robots.txt': { body: 'User-agent: *\nDisallow: /private/\n', headers: { 'content-type': 'text/plain' } } });
  fetcher = createFetcher(base);
});
afterEach(async () => {
  await fetcher.close();
  await server.close();
});

async function failure(p: Promise<unknown>): Promise<FetchFailure> {
  try {
    await p;
  } catch (err) {
    expect(err).toBeInstanceOf(FetchFailure);
    return err as FetchFailure;
  }
  throw new Error('expected the fetch to fail');
}

describe('fetcher', () => {
  it('identifies itself, reads robots.txt once per host and answers 304 to validators', async () => {
    server.route('/a', { body: '<p>a</p>' });
    const first = await fetcher.fetch(`${server.origin}/a`);
    expect(first.body).toBe('<p>a</p>');
    expect(first.validators.etag).toMatch(/^"/);
    const second = await fetcher.fetch(`${server.origin}/a`, { validators: first.validators });
    expect(second.notModified).toBe(true);
    expect(second.body).toBe('');
    expect(server.hits('/robots.txt')).toBe(1);
    expect(server.requests.every((r) => r.headers['user-agent'] === UA)).toBe(true);
    expect(server.requests.at(-1)!.headers['if-none-match']).toBe(first.validators.etag);
  });

  it('refuses a URL robots.txt disallows, without requesting it', async () => {
    server.route('/private/x', { body: 'secret' });
    const err = await failure(fetcher.fetch(`${server.origin}/private/x`));
    expect(err.kind).toBe('robots');
    expect(err.message).toMatch(/robots\.txt/);
    expect(server.hits('/private/x')).toBe(0);
  });

  it.each([
    [404, 'gone'],
    [410, 'gone'],
    [403, 'http'],
  ])('reports HTTP %i as %s without retrying', async (status, kind) => {
    server.route('/x', { status, body: 'no' });
    const err = await failure(fetcher.fetch(`${server.origin}/x`));
    expect(err.kind).toBe(kind);
    expect(err.httpStatus).toBe(status);
    expect(err.message).toContain(String(status));
    expect(server.hits('/x')).toBe(1);
  });

  it('waits for Retry-After on 429, then succeeds', async () => {
    let calls = 0;
    server.route('/busy', (_req, res) => {
      if (calls++ === 0) {
        res.writeHead(429, { 'retry-after': '1' });
        res.end();
      } else res.end('ok now');
    });
    const r = await fetcher.fetch(`${server.origin}/busy`);
    expect(r.body).toBe('ok now');
    const [a, b] = server.requests.filter((q) => q.path === '/busy');
    expect(b!.at - a!.at).toBeGreaterThanOrEqual(950);
  });

  it('retries a 500 and succeeds; gives up after the configured retries', async () => {
    let calls = 0;
    server.route('/flaky', (_req, res) => {
      res.statusCode = calls++ === 0 ? 500 : 200;
      res.end(res.statusCode === 200 ? 'fine' : 'oops');
    });
    expect((await fetcher.fetch(`${server.origin}/flaky`)).body).toBe('fine');
    server.route('/down', { status: 503, body: 'down' });
    const err = await failure(fetcher.fetch(`${server.origin}/down`));
    expect(err.httpStatus).toBe(503);
    expect(server.hits('/down')).toBe(3);
  });

  it('times out a server that never answers', async () => {
    await fetcher.close();
    fetcher = createFetcher({ ...base, timeoutMs: 300, retries: 1 });
    server.route('/hang', () => undefined);
    const err = await failure(fetcher.fetch(`${server.origin}/hang`));
    expect(err.kind).toBe('timeout');
    expect(err.message).toMatch(/timed out after 300 ms/);
    expect(server.hits('/hang')).toBe(2);
  });

  it('a cancelled request stops at once, without retrying, as "cancelled"', async () => {
    await fetcher.close();
    fetcher = createFetcher({ ...base, timeoutMs: 30_000 });
    server.route('/hang', () => undefined);
    const stop = new AbortController();
    const pending = fetcher.fetch(`${server.origin}/hang`, { signal: stop.signal });
    setTimeout(() => stop.abort(), 100);
    const err = await failure(pending);
    expect(err.kind).toBe('cancelled');
    expect(server.hits('/hang')).toBe(1);
  });

  it('reports a reset connection', async () => {
    server.route('/reset', (req) => req.socket.destroy());
    const err = await failure(fetcher.fetch(`${server.origin}/reset`));
    expect(err.kind).toBe('network');
    expect(err.message).toMatch(/connection reset|other side closed|socket/i);
    expect(server.hits('/reset')).toBe(3);
  });

  it('follows redirects and stops a redirect loop', async () => {
    server.route('/old', { status: 301, headers: { location: '/new' } });
    server.route('/new', { body: 'moved here' });
    const r = await fetcher.fetch(`${server.origin}/old`);
    expect(r.url).toBe(`${server.origin}/new`);
    expect(r.body).toBe('moved here');
    server.route('/loop-a', { status: 302, headers: { location: '/loop-b' } });
    server.route('/loop-b', { status: 302, headers: { location: '/loop-a' } });
    const err = await failure(fetcher.fetch(`${server.origin}/loop-a`));
    expect(err.kind).toBe('redirect');
    expect(err.message).toMatch(/redirect loop/);
  });

  it('refuses a 20 MB response, declared or streamed', async () => {
    const big = Buffer.alloc(20 * 1024 * 1024, 'a');
    server.route('/big', { body: big });
    expect((await failure(fetcher.fetch(`${server.origin}/big`))).kind).toBe('too-large');
    server.route('/big-chunked', (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html' });
      const chunk = Buffer.alloc(1024 * 1024, 'b');
      let sent = 0;
      const push = () => {
        while (sent < 20 && res.write(chunk)) sent++;
        if (sent < 20) res.once('drain', () => (sent++, push()));
        else res.end();
      };
      push();
    });
    const err = await failure(fetcher.fetch(`${server.origin}/big-chunked`));
    expect(err.kind).toBe('too-large');
    expect(err.message).toMatch(/larger than 10485760 bytes/);
  });

  it('decompresses gzip and caps what it inflates', async () => {
    server.route('/gz', { body: gzipSync('<p>compressed café</p>'), headers: { 'content-encoding': 'gzip', 'content-type': 'text/html; charset=utf-8' } });
    expect((await fetcher.fetch(`${server.origin}/gz`)).body).toBe('<p>compressed café</p>');
    server.route('/bomb', { body: gzipSync(Buffer.alloc(30 * 1024 * 1024)), headers: { 'content-encoding': 'gzip' } });
    expect((await failure(fetcher.fetch(`${server.origin}/bomb`))).kind).toBe('too-large');
  });

  const QUOTE = '“Inspection isn’t working,” said the director – café';
  it.each([
    ['windows-1252 in the header', 'text/html; charset=windows-1252', '', 'windows-1252'],
    ['ISO-8859-1 in the header', 'text/html; charset=ISO-8859-1', '', 'windows-1252'],
    ['only <meta charset>', 'text/html', '<meta charset="windows-1252">', 'windows-1252'],
    ['a wrong utf-8 label', 'text/html; charset=utf-8', '', 'windows-1252'],
    ['no charset at all', 'text/html', '', 'windows-1252'],
  ])('decodes a windows-1252 page with %s', async (_label, contentType, metaTag, charset) => {
    const html = `<html><head>${metaTag}</head><body><p>${QUOTE}</p></body></html>`;
    server.route('/cp', { body: iconv.encode(html, 'windows-1252'), headers: { 'content-type': contentType } });
    const r = await fetcher.fetch(`${server.origin}/cp`);
    expect(r.body).toContain(QUOTE);
    expect(r.charset).toBe(charset);
  });

  it('one request at a time per host, with the delay; other hosts in parallel', async () => {
    await fetcher.close();
    fetcher = createFetcher({ ...base, delayMs: 150, jitterMs: 0 });
    const other = await startFixtureServer();
    try {
      let active = 0;
      let maxActive = 0;
      const slow = (_req: unknown, res: import('node:http').ServerResponse) => {
        maxActive = Math.max(maxActive, ++active);
        setTimeout(() => (active--, res.end('done')), 100);
      };
      server.route('/slow', slow);
      other.route('/slow', { body: 'other host' });
      await Promise.all([
        fetcher.fetch(`${server.origin}/slow?1`),
        fetcher.fetch(`${server.origin}/slow?2`),
        fetcher.fetch(`${other.origin}/slow`),
      ]);
      expect(maxActive).toBe(1);
      const [a, b] = server.requests.filter((q) => q.path.startsWith('/slow'));
      expect(b!.at - a!.at).toBeGreaterThanOrEqual(100 + 150 - 5);
      // The other host did not wait for the first host's queue.
      expect(other.requests.find((q) => q.path === '/slow')!.at).toBeLessThan(b!.at);
    } finally {
      await other.close();
    }
  });

  it('honours a robots.txt Crawl-delay longer than its own delay', async () => {
    server.route('/robots.txt', { body: 'User-agent: stancewatch-test\nCrawl-delay: 1\n', headers: { 'content-type': 'text/plain' } });
    await fetcher.fetch(`${server.origin}/a1`).catch(() => undefined);
    await fetcher.fetch(`${server.origin}/a2`).catch(() => undefined);
    const [a, b] = server.requests.filter((q) => q.path.startsWith('/a'));
    expect(b!.at - a!.at).toBeGreaterThanOrEqual(950);
  });

  it('treats an unreachable robots.txt (5xx) as disallowing the host', async () => {
    server.route('/robots.txt', { status: 503, body: 'down' });
    const err = await failure(fetcher.fetch(`${server.origin}/page`));
    expect(err.kind).toBe('robots');
    expect(err.message).toMatch(/robots\.txt unavailable \(HTTP 503\)/);
  });
});
