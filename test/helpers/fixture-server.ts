// A real HTTP server on 127.0.0.1 (random port) for tests: static routes with ETag/Last-Modified support,
// custom handlers for faults, and a log of every request. `{{BASE}}` in a string body becomes the server origin.
import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface StaticRoute {
  status?: number;
  headers?: Record<string, string>;
  body?: string | Buffer;
  /** Answer conditional requests with 304 (default true for 200 responses). */
  validators?: boolean;
}
export type Handler = (req: IncomingMessage, res: ServerResponse, server: FixtureServer) => void;
export type Route = StaticRoute | Handler;

export interface RecordedRequest {
  path: string;
  headers: IncomingMessage['headers'];
  at: number;
  status?: number;
}

export interface FixtureServer {
  origin: string;
  requests: RecordedRequest[];
  /** Adds or replaces a route; `path` includes the query string when the route needs one. */
  route(path: string, route: Route): void;
  remove(path: string): void;
  hits(path: string): number;
  close(): Promise<void>;
}

const LAST_MODIFIED = 'Mon, 06 Jan 2025 10:00:00 GMT';

/** Sends a static response (with validators and 304 support); handlers can use it too. */
export function serveStatic(route: StaticRoute, req: IncomingMessage, res: ServerResponse, origin: string): void {
  const status = route.status ?? 200;
  const body = typeof route.body === 'string' ? Buffer.from(route.body.replaceAll('{{BASE}}', origin)) : (route.body ?? Buffer.alloc(0));
  const headers: Record<string, string> = { 'content-type': 'text/html; charset=utf-8', ...route.headers };
  if (status === 200 && route.validators !== false) {
    const etag = `"${createHash('sha1').update(body).digest('hex').slice(0, 16)}"`;
    headers.etag = etag;
    headers['last-modified'] = LAST_MODIFIED;
    if (req.headers['if-none-match'] === etag || (!req.headers['if-none-match'] && req.headers['if-modified-since'] === LAST_MODIFIED)) {
      res.writeHead(304, { etag });
      res.end();
      return;
    }
  }
  res.writeHead(status, { ...headers, 'content-length': String(body.length) });
  res.end(body);
}

export async function startFixtureServer(initial: Record<string, Route> = {}): Promise<FixtureServer> {
  const routes = new Map<string, Route>(Object.entries(initial));
  const requests: RecordedRequest[] = [];
  const sockets = new Set<import('node:net').Socket>();
  let self!: FixtureServer;
  const server: Server = createServer((req, res) => {
    const path = req.url ?? '/';
    const record: RecordedRequest = { path, headers: req.headers, at: Date.now() };
    requests.push(record);
    res.on('finish', () => (record.status = res.statusCode));
    const route = routes.get(path) ?? routes.get(path.split('?')[0]!);
    if (!route) {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not found');
    } else if (typeof route === 'function') route(req, res, self);
    else serveStatic(route, req, res, self.origin);
  });
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  self = {
    origin: `http://127.0.0.1:${port}`,
    requests,
    route: (path, route) => void routes.set(path, route),
    remove: (path) => void routes.delete(path),
    hits: (path) => requests.filter((r) => r.path === path).length,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
  return self;
}
