// Serves web/static from memory: a handful of small files, read once, with a content hash as ETag.
import { readFileSync, readdirSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { Hono } from 'hono';

const TYPES: Record<string, string> = {
  css: 'text/css; charset=utf-8',
  js: 'text/javascript; charset=utf-8',
  svg: 'image/svg+xml',
  ico: 'image/x-icon',
  txt: 'text/plain; charset=utf-8',
};

export function staticRoutes(dir = fileURLToPath(new URL('../static/', import.meta.url))): Hono {
  const files = new Map<string, { body: Buffer; type: string; etag: string }>();
  for (const name of readdirSync(dir)) {
    const ext = name.split('.').pop() ?? '';
    if (!TYPES[ext]) continue;
    const body = readFileSync(`${dir}/${name}`);
    files.set(name, { body, type: TYPES[ext]!, etag: `"${createHash('sha1').update(body).digest('hex').slice(0, 16)}"` });
  }
  const app = new Hono();
  app.get('/favicon.ico', (c) => c.redirect('/static/favicon.svg', 301));
  app.get('/static/:name', (c) => {
    const file = files.get(c.req.param('name'));
    if (!file) return c.notFound();
    if (c.req.header('If-None-Match') === file.etag) return c.body(null, 304, { ETag: file.etag });
    return c.body(new Uint8Array(file.body), 200, { 'Content-Type': file.type, ETag: file.etag, 'Cache-Control': 'public, max-age=3600' });
  });
  return app;
}
