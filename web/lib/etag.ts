// Weak ETags for pages, JSON and feeds, and 304 when the client already has the page.
// Not hono's etag(): it clones the response to hash it, and undici keeps every cloned body stream reachable
// through a WeakRef until a full garbage collection, so under load each page (~100 KB a request) was promoted to
// the old generation and the server's RSS grew by a hundred megabytes before V8 collected it.
import { createHash } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';

/** Headers a 304 keeps (RFC 9110 §15.4.5); the rest describe a body that is not sent. */
const KEPT_ON_304 = ['cache-control', 'content-location', 'date', 'etag', 'expires', 'vary'];

function matches(ifNoneMatch: string | undefined, tag: string): boolean {
  if (!ifNoneMatch) return false;
  if (ifNoneMatch.trim() === '*') return true;
  const opaque = tag.replace(/^W\//, '');
  return ifNoneMatch.match(/"[^"]*"/g)?.includes(opaque) ?? false;
}

export function weakEtag(): MiddlewareHandler {
  return async (c, next) => {
    await next();
    const res = c.res;
    if ((c.req.method !== 'GET' && c.req.method !== 'HEAD') || res.status !== 200 || res.headers.has('ETag')) return;
    const body = new Uint8Array(await res.arrayBuffer());
    const tag = `W/"${createHash('sha1').update(body).digest('base64url')}"`;
    const headers = new Headers(res.headers);
    headers.set('ETag', tag);
    const notModified = matches(c.req.header('If-None-Match'), tag);
    if (notModified) for (const name of [...headers.keys()]) if (!KEPT_ON_304.includes(name)) headers.delete(name);
    // Cleared first so that Hono replaces the response instead of re-wrapping it as a stream.
    c.res = undefined;
    c.res = notModified ? new Response(null, { status: 304, headers }) : new Response(body, { status: 200, headers });
  };
}
