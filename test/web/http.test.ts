// Security headers, caching validators, compression, limits and error pages.
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

describe('headers', () => {
  it('sends a strict Content-Security-Policy and the usual security headers on every kind of response', async () => {
    for (const path of ['/', '/quotes.json', '/quotes.csv', '/nope', '/static/style.css']) {
      const res = await app.request(path);
      const csp = res.headers.get('content-security-policy') ?? '';
      expect(csp, path).toContain("default-src 'self'");
      expect(csp, path).toContain("script-src 'self'");
      expect(csp, path).not.toContain('unsafe-inline');
      expect(csp, path).toContain("frame-ancestors 'none'");
      expect(res.headers.get('x-content-type-options'), path).toBe('nosniff');
      expect(res.headers.get('x-frame-options'), path).toBe('DENY');
      expect(res.headers.get('referrer-policy'), path).toBe('strict-origin-when-cross-origin');
    }
  });

  it('answers a repeated page request with 304 from its ETag', async () => {
    const first = await app.request(`/quotes/${f.ids.adcsQuote}`);
    const tag = first.headers.get('etag');
    expect(tag).toBeTruthy();
    expect(first.headers.get('last-modified')).toBe(new Date('2016-07-22T10:05:00Z').toUTCString());
    const again = await app.request(`/quotes/${f.ids.adcsQuote}`, { headers: { 'if-none-match': tag! } });
    expect(again.status).toBe(304);
  });

  it('compresses when asked', async () => {
    const res = await app.request('/', { headers: { 'accept-encoding': 'gzip' } });
    expect(res.headers.get('content-encoding')).toBe('gzip');
  });

  it('serves static files with a validator', async () => {
    const css = await app.request('/static/style.css');
    expect(css.headers.get('content-type')).toContain('text/css');
    const again = await app.request('/static/style.css', { headers: { 'if-none-match': css.headers.get('etag')! } });
    expect(again.status).toBe(304);
    expect((await app.request('/static/../app.tsx')).status).toBe(404);
  });
});

describe('errors and limits', () => {
  it('shows a helpful 404 page, and JSON for API paths', async () => {
    const page = await app.request('/no/such/page');
    expect(page.status).toBe(404);
    expect(await page.text()).toContain('Page not found');
    for (const path of ['/quotes/999999.json', '/speakers/nobody.json', '/nope.json']) {
      const res = await app.request(path);
      expect(res.status, path).toBe(404);
      expect(await res.json()).toEqual({ ok: false, error: expect.any(String), status: 404 });
    }
    expect((await app.request('/quotes/999999')).status).toBe(404);
  });

  it('answers a malformed id with 400', async () => {
    const res = await app.request('/quotes/abc');
    expect(res.status).toBe(400);
    expect(await res.text()).toContain('is not a quote number');
  });

  it('refuses oversized form posts with 413', async () => {
    const res = await app.request('/admin/login', {
      method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'x='.padEnd(64 * 1024, 'a'),
    });
    expect(res.status).toBe(413);
  });
});
