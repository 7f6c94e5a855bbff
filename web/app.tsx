// The web app: one router per resource, one layout, one error handler, security headers on everything.
import { Hono, type Context } from 'hono';
import { secureHeaders } from 'hono/secure-headers';
import { compress } from 'hono/compress';
import { bodyLimit } from 'hono/body-limit';
import { jsxRenderer } from 'hono/jsx-renderer';
import { timing } from 'hono/timing';
import type { DB } from '../src/db/connection.ts';
import type { Config } from '../src/config.ts';
import type { Logger } from '../src/log.ts';
import { AdminAuth, adminSession, type AppEnv } from './lib/auth.ts';
import { errorResponse, notFound, onError } from './lib/errors.tsx';
import { staticRoutes } from './lib/static.ts';
import { weakEtag } from './lib/etag.ts';
import { gzipWhole } from './lib/gzip.ts';
import { oneRequestPerTurn } from './lib/turns.ts';
import { Layout, frameState } from './views/layout.tsx';
import { timelineRoutes } from './routes/timeline.tsx';
import { quoteRoutes } from './routes/quotes.tsx';
import { articleRoutes } from './routes/articles.tsx';
import { profileRoutes } from './routes/profiles.tsx';
import { trendRoutes } from './routes/trends.tsx';
import { sourceRoutes } from './routes/sources.tsx';
import { adminRoutes } from './routes/admin.tsx';
import { helpRoutes } from './routes/help.tsx';
import { directoryRoutes } from './routes/directory.tsx';

export interface AppDeps {
  db: DB;
  config: Config;
  log: Logger;
  /** Given when the scheduler runs: starts a crawl of one source now. */
  crawlNow?: (sourceId: string) => Promise<unknown>;
}

const CSP = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'"],
  imgSrc: ["'self'", 'data:'],
  connectSrc: ["'self'"],
  objectSrc: ["'none'"],
  baseUri: ["'none'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
};

export function createApp(deps: AppDeps): Hono<AppEnv> {
  const { db, log } = deps;
  const app = new Hono<AppEnv>();
  // First, so that a saturated server still accepts new connections and serves requests in arrival order.
  app.use(oneRequestPerTurn());
  // Server-Timing: what the server spent on a response, apart from time queued behind others (seen in the browser's tools).
  app.use(timing({ totalDescription: 'server' }));
  app.use(secureHeaders({ contentSecurityPolicy: CSP, xFrameOptions: 'DENY', referrerPolicy: 'strict-origin-when-cross-origin' }));
  // CSV exports stream: compressed as they go and never hashed (an ETag would read the whole export first).
  // Everything else is built whole, so it is gzipped and hashed whole, synchronously (lib/gzip.ts, lib/etag.ts).
  const isExport = (c: Context) => c.req.path.endsWith('.csv');
  const streamed = compress();
  const gzip = gzipWhole();
  const hashed = weakEtag(); // weak: the same page may be sent gzipped or not
  app.use(async (c, next) => (isExport(c) ? streamed(c, next) : gzip(c, next)));
  app.use(async (c, next) => (isExport(c) ? next() : hashed(c, next)));
  app.use(bodyLimit({ maxSize: 32 * 1024, onError: (c) => errorResponse(c, 413, 'That form sent more data than this site accepts.') }));
  app.use(adminSession(new AdminAuth(deps.config.adminToken)));
  app.use(
    jsxRenderer(({ children, title, feed, description }, c) => (
      <Layout title={title} feed={feed} description={description} frame={frameState(c)}>{children}</Layout>
    ), { docType: true }),
  );
  app.use(async (c, next) => {
    await next();
    // Admin pages carry CSRF tokens and must not be stored; others may be, but are revalidated each time.
    if (c.get('admin')) c.res.headers.set('Cache-Control', 'private, no-store');
    else if (!c.res.headers.has('Cache-Control')) c.res.headers.set('Cache-Control', 'no-cache');
  });

  app.route('/', staticRoutes());
  app.route('/', timelineRoutes(db));
  app.route('/', quoteRoutes(db));
  app.route('/', articleRoutes(db));
  app.route('/', directoryRoutes(db));
  app.route('/', profileRoutes(db));
  app.route('/', trendRoutes(db));
  app.route('/', sourceRoutes(db, deps.crawlNow, log));
  app.route('/', adminRoutes(db, log));
  app.route('/', helpRoutes());

  app.notFound(notFound);
  app.onError(onError(log));
  return app;
}
