// gzip for pages, JSON and feeds, in one synchronous call (~1 ms for a 65 KB page).
// Not hono's compress() for these: it streams through CompressionStream, whose chunks wait for the thread pool, so
// under load a request stayed open, and its page in memory, until the pool came round: 44 of 50 requests were in
// flight at once and each took 20× its CPU time. Streamed exports (CSV) still use compress(), which never holds
// them whole.
import { gzipSync } from 'node:zlib';
import type { MiddlewareHandler } from 'hono';

const COMPRESSIBLE = /^\s*(text\/|application\/(json|xml|atom\+xml|javascript)\b|image\/svg\+xml)/i;
/** zlib's fastest level: on a 65 KB page it takes a third of the default level's CPU for ~15% more bytes, and a
 * page's CPU is what decides latency when every connection is busy (docs/benchmarks.md). */
const GZIP_LEVEL = 1;
/** Below this, gzip's header and checksum cost more than they save. */
const MIN_BYTES = 1024;

/** Whether Accept-Encoding allows gzip: listed, or else covered by `*`, without q=0. */
export function acceptsGzip(header: string | undefined): boolean {
  const q = new Map<string, number>();
  for (const part of (header ?? '').split(',')) {
    const [name, ...params] = part.split(';').map((s) => s.trim().toLowerCase());
    const weight = params.find((p) => p.startsWith('q='));
    if (name) q.set(name, weight ? Number(weight.slice(2)) : 1);
  }
  return (q.get('gzip') ?? q.get('*') ?? 0) > 0;
}

export function gzipWhole(): MiddlewareHandler {
  return async (c, next) => {
    await next();
    const res = c.res;
    if (c.req.method === 'HEAD' || res.status === 204 || res.status === 304 || res.headers.has('Content-Encoding')) return;
    if (!COMPRESSIBLE.test(res.headers.get('Content-Type') ?? '') || /no-transform/i.test(res.headers.get('Cache-Control') ?? '')) return;
    res.headers.append('Vary', 'Accept-Encoding');
    if (!acceptsGzip(c.req.header('Accept-Encoding'))) return;
    const headers = new Headers(res.headers);
    let body: Uint8Array<ArrayBuffer> = new Uint8Array(await res.arrayBuffer());
    if (body.byteLength >= MIN_BYTES) {
      body = new Uint8Array(gzipSync(body, { level: GZIP_LEVEL }));
      headers.set('Content-Encoding', 'gzip');
      headers.delete('Content-Length');
    }
    // Cleared first so that Hono replaces the response instead of re-wrapping it as a stream.
    c.res = undefined;
    c.res = new Response(body, { status: res.status, headers });
  };
}
