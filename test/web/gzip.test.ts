import { describe, expect, it } from 'vitest';
import { gunzipSync } from 'node:zlib';
import { Hono } from 'hono';
import { acceptsGzip, gzipWhole } from '../../web/lib/gzip.ts';

const BIG = `<p>${'quote text, '.repeat(400)}</p>`;

function app() {
  const a = new Hono();
  a.use(gzipWhole());
  a.get('/page', (c) => c.html(BIG, 200, { 'X-Extra': 'kept' }));
  a.get('/missing', (c) => c.html(BIG, 404));
  a.get('/small', (c) => c.json({ ok: true }));
  a.get('/image', (c) => c.body(new Uint8Array(4096), 200, { 'Content-Type': 'image/png' }));
  a.get('/raw', (c) => c.html(BIG, 200, { 'Cache-Control': 'no-transform' }));
  return a;
}
const get = (path: string, encoding?: string, method = 'GET') => app().request(path, { method, headers: encoding === undefined ? {} : { 'accept-encoding': encoding } });

describe('gzipWhole', () => {
  it('gzips a page when the client accepts it, keeping status and headers', async () => {
    for (const path of ['/page', '/missing']) {
      const res = await get(path, 'gzip, deflate, br');
      expect(res.headers.get('content-encoding')).toBe('gzip');
      expect(res.headers.get('vary')).toMatch(/accept-encoding/i);
      expect(res.status).toBe(path === '/page' ? 200 : 404);
      const bytes = new Uint8Array(await res.arrayBuffer());
      expect(bytes.byteLength).toBeLessThan(BIG.length / 10);
      expect(gunzipSync(bytes).toString('utf8')).toBe(BIG);
    }
    expect((await get('/page', 'gzip')).headers.get('x-extra')).toBe('kept');
  });

  it('sends the page as it is when gzip is not accepted, refused, or would not help', async () => {
    for (const [path, encoding] of [['/page', undefined], ['/page', 'br'], ['/page', 'gzip;q=0, br'], ['/small', 'gzip'], ['/image', 'gzip'], ['/raw', 'gzip']] as const) {
      const res = await get(path, encoding);
      expect(res.headers.get('content-encoding'), `${path} ${encoding}`).toBeNull();
    }
    expect(await (await get('/page', 'br')).text()).toBe(BIG);
    expect((await get('/page')).headers.get('vary')).toMatch(/accept-encoding/i);
  });

  it('reads Accept-Encoding with q-values and *', () => {
    expect(acceptsGzip('gzip')).toBe(true);
    expect(acceptsGzip('deflate, GZIP;q=0.5')).toBe(true);
    expect(acceptsGzip('*')).toBe(true);
    expect(acceptsGzip('*;q=0, gzip')).toBe(true);
    expect(acceptsGzip('br, *;q=0')).toBe(false);
    expect(acceptsGzip('gzip;q=0')).toBe(false);
    expect(acceptsGzip('identity')).toBe(false);
    expect(acceptsGzip(undefined)).toBe(false);
  });
});
