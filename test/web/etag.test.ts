import { describe, expect, it } from 'vitest';
import { Hono } from 'hono';
import { weakEtag } from '../../web/lib/etag.ts';

function app() {
  const a = new Hono();
  a.use(weakEtag());
  a.get('/page', (c) => c.html(`<p>${c.req.query('v') ?? 'same'} “page”</p>`, 200, { 'Cache-Control': 'no-cache', 'X-Extra': 'kept on 200' }));
  a.get('/data', (c) => c.json({ ok: true, n: 1 }));
  a.get('/missing', (c) => c.text('no', 404));
  a.get('/tagged', (c) => c.text('own', 200, { ETag: '"own"' }));
  a.post('/page', (c) => c.text('posted'));
  return a;
}

describe('weak ETags', () => {
  it('tags a page by its content and answers a matching If-None-Match with 304 and no body', async () => {
    const a = app();
    const first = await a.request('/page');
    const tag = first.headers.get('etag')!;
    expect(tag).toMatch(/^W\/"[\w-]+"$/);
    expect(await first.text()).toBe('<p>same “page”</p>');
    expect(first.headers.get('x-extra')).toBe('kept on 200');
    expect(first.headers.get('content-type')).toMatch(/text\/html/);

    const again = await a.request('/page', { headers: { 'if-none-match': tag } });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe('');
    expect(again.headers.get('etag')).toBe(tag);
    expect(again.headers.get('cache-control')).toBe('no-cache');
    expect(again.headers.get('x-extra')).toBeNull();
  });

  it('matches a strong form of the tag, a list of tags and *, and nothing else', async () => {
    const a = app();
    const tag = (await a.request('/page')).headers.get('etag')!;
    const strong = tag.replace(/^W\//, '');
    expect((await a.request('/page', { headers: { 'if-none-match': strong } })).status).toBe(304);
    expect((await a.request('/page', { headers: { 'if-none-match': `"other", ${tag}` } })).status).toBe(304);
    expect((await a.request('/page', { headers: { 'if-none-match': '*' } })).status).toBe(304);
    expect((await a.request('/page', { headers: { 'if-none-match': '"other"' } })).status).toBe(200);
    const changed = await a.request('/page?v=new', { headers: { 'if-none-match': tag } });
    expect(changed.status).toBe(200);
    expect(changed.headers.get('etag')).not.toBe(tag);
  });

  it('tags JSON the same way', async () => {
    const a = app();
    const first = await a.request('/data');
    expect(await first.json()).toEqual({ ok: true, n: 1 });
    expect((await a.request('/data', { headers: { 'if-none-match': first.headers.get('etag')! } })).status).toBe(304);
  });

  it('leaves errors, other methods and responses that carry their own ETag alone', async () => {
    const a = app();
    expect((await a.request('/missing')).headers.get('etag')).toBeNull();
    expect((await a.request('/page', { method: 'POST' })).headers.get('etag')).toBeNull();
    const own = await a.request('/tagged');
    expect(own.headers.get('etag')).toBe('"own"');
    expect(await own.text()).toBe('own');
  });
});
