// Admin sessions: the admin token (config adminToken) is exchanged at a login form for a signed, HttpOnly,
// SameSite=Strict cookie naming the person, so corrections record who made them. Every admin form carries a
// CSRF token derived from the session; the login form uses a double-submit cookie.
import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Context, MiddlewareHandler } from 'hono';
import { deleteCookie, getCookie, getSignedCookie, setCookie, setSignedCookie } from 'hono/cookie';
import { HTTPException } from 'hono/http-exception';

export interface AdminSession {
  actor: string;
  nonce: string;
  issuedAt: number;
}

export type AppEnv = { Variables: { admin: AdminSession | null; csrf: string | null; auth: AdminAuth } };

const SESSION_COOKIE = 'sw_admin';
const LOGIN_COOKIE = 'sw_login';
const SESSION_MS = 12 * 60 * 60 * 1000;

export function safeEqual(a: string, b: string): boolean {
  const ha = createHash('sha256').update(a).digest();
  const hb = createHash('sha256').update(b).digest();
  return timingSafeEqual(ha, hb);
}

export class AdminAuth {
  private readonly secret: string;

  constructor(private readonly token: string) {
    this.secret = createHash('sha256').update(`stancewatch-session:${token}`).digest('hex');
  }

  get enabled(): boolean {
    return this.token.length > 0;
  }

  checkToken(candidate: string): boolean {
    return this.enabled && safeEqual(candidate, this.token);
  }

  csrfFor(nonce: string): string {
    return createHmac('sha256', this.secret).update(`csrf:${nonce}`).digest('base64url');
  }

  async session(c: Context): Promise<AdminSession | null> {
    if (!this.enabled) return null;
    const raw = await getSignedCookie(c, this.secret, SESSION_COOKIE);
    if (!raw) return null;
    try {
      const s = JSON.parse(raw) as AdminSession;
      if (typeof s.actor !== 'string' || typeof s.nonce !== 'string' || Date.now() - s.issuedAt > SESSION_MS) return null;
      return s;
    } catch {
      return null;
    }
  }

  async startSession(c: Context, actor: string): Promise<void> {
    const session: AdminSession = { actor, nonce: randomBytes(16).toString('base64url'), issuedAt: Date.now() };
    await setSignedCookie(c, SESSION_COOKIE, JSON.stringify(session), this.secret, {
      httpOnly: true, sameSite: 'Strict', path: '/', maxAge: SESSION_MS / 1000, secure: new URL(c.req.url).protocol === 'https:',
    });
    deleteCookie(c, LOGIN_COOKIE, { path: '/admin' });
  }

  endSession(c: Context): void {
    deleteCookie(c, SESSION_COOKIE, { path: '/' });
  }

  /** The CSRF token for the login form, set up as a double-submit cookie. */
  loginCsrf(c: Context): string {
    let nonce = getCookie(c, LOGIN_COOKIE);
    if (!nonce || !/^[\w-]{16,64}$/.test(nonce)) {
      nonce = randomBytes(16).toString('base64url');
      setCookie(c, LOGIN_COOKIE, nonce, { httpOnly: true, sameSite: 'Strict', path: '/admin', maxAge: 3600 });
    }
    return this.csrfFor(`login:${nonce}`);
  }

  checkLoginCsrf(c: Context, submitted: string): boolean {
    const nonce = getCookie(c, LOGIN_COOKIE);
    return !!nonce && safeEqual(submitted, this.csrfFor(`login:${nonce}`));
  }
}

/** Loads the admin session (if any) and its CSRF token into the context for every request. */
export function adminSession(auth: AdminAuth): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const session = await auth.session(c);
    c.set('auth', auth);
    c.set('admin', session);
    c.set('csrf', session ? auth.csrfFor(session.nonce) : null);
    await next();
  };
}

/** Guards an admin POST: 401 without a session, 403 when the form's CSRF token is missing or wrong. */
export function requireAdmin(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const session = c.get('admin');
    if (!session) throw new HTTPException(401, { message: 'You need to log in as an admin to do that.' });
    const form = await c.req.parseBody();
    const token = typeof form._csrf === 'string' ? form._csrf : '';
    if (!safeEqual(token, c.get('csrf') ?? '')) throw new HTTPException(403, { message: 'This form has expired or did not come from this site. Reload the page and try again.' });
    await next();
  };
}

/** Reads one text field of an already-parsed form. */
export async function formText(c: Context, name: string): Promise<string> {
  const form = await c.req.parseBody();
  const v = form[name];
  return typeof v === 'string' ? v : '';
}
