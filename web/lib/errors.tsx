// One error handler: API requests (.json/.csv/.atom or Accept: application/json) get {ok:false, error, status};
// pages get a helpful HTML page. Unexpected errors are logged and never show internals.
import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { AppError } from '../../src/errors.ts';
import type { Logger } from '../../src/log.ts';
import { Layout, frameState } from '../views/layout.tsx';
import type { AppEnv } from './auth.ts';

const TITLES: Record<number, string> = {
  400: 'That request did not make sense',
  401: 'Admin log in needed',
  403: 'Not allowed',
  404: 'Page not found',
  413: 'Too much data',
  500: 'Something went wrong',
};

export function wantsJson(c: Context): boolean {
  return /\.(json|csv|atom)$/.test(c.req.path) || (c.req.header('Accept') ?? '').includes('application/json');
}

export function errorResponse(c: Context<AppEnv>, status: number, message: string): Response | Promise<Response> {
  const code = status as ContentfulStatusCode;
  if (wantsJson(c)) return c.json({ ok: false, error: message, status }, code);
  c.status(code);
  const page = (
    <Layout title={TITLES[status] ?? 'Error'} frame={frameState(c)}>
      <h1>{TITLES[status] ?? 'Error'}</h1>
      <div class="error-box" role="alert"><p>{message}</p></div>
      <p>Try the <a href="/">timeline</a> or the <a href="/help">search help</a>.</p>
      {status === 401 && <p><a href="/admin/login">Log in as an admin</a></p>}
    </Layout>
  );
  return c.html(`<!DOCTYPE html>${page}`, code);
}

export function onError(log: Logger) {
  return (err: Error, c: Context<AppEnv>) => {
    if (err instanceof AppError && err.status >= 400 && err.status < 500) return errorResponse(c, err.status, err.message);
    if (err instanceof HTTPException && err.status < 500) return errorResponse(c, err.status, err.message || TITLES[err.status] || 'Error');
    log.error('request failed', { url: c.req.path, error: err });
    return errorResponse(c, 500, 'The server hit a problem answering this. It has been logged.');
  };
}

export function notFound(c: Context<AppEnv>) {
  return errorResponse(c, 404, `There is nothing at ${c.req.path}. It may have been removed, or the link may be mistyped.`);
}
