// Every admin action: no session → 401, a wrong token or forged session cookie → 401, a missing or forged CSRF
// token → 403. A control case with a real session and the right token shows the guard is what refuses them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildWebFixtureDb, type FixtureDb } from '../helpers/web-fixture-db.ts';
import { ADMIN_TOKEN, cookieJar, form, hiddenValue, testApp } from '../helpers/web-app.ts';

let fx: FixtureDb;
let app: ReturnType<typeof testApp>;
beforeAll(() => {
  fx = buildWebFixtureDb();
  app = testApp(fx.db, { crawlNow: async () => ({ ok: true }) });
});
afterAll(() => fx.close());

async function login(token = ADMIN_TOKEN) {
  const jar = cookieJar();
  const page = await app.request('/admin/login');
  jar.absorb(page);
  const csrf = hiddenValue(await page.text(), '_csrf');
  const res = await app.request('/admin/login', { method: 'POST', body: form({ _csrf: csrf, name: 'Tester', token }), headers: { Cookie: jar.header(), 'Content-Type': 'application/x-www-form-urlencoded' } });
  jar.absorb(res);
  return { res, jar };
}

async function sessionCsrf(jar: ReturnType<typeof cookieJar>, path: string): Promise<string> {
  return hiddenValue(await (await app.request(path, { headers: { Cookie: jar.header() } })).text(), '_csrf');
}

const post = (path: string, body: Record<string, string>, cookie = '') =>
  app.request(path, { method: 'POST', body: form(body), headers: { Cookie: cookie, 'Content-Type': 'application/x-www-form-urlencoded' } });

const ACTIONS = (): [string, Record<string, string>, string][] => [
  [`/quotes/${fx.ids.adcsQuote}/corrections`, { field: 'stance', value: 'supports', reason: 'test' }, `/quotes/${fx.ids.adcsQuote}`],
  ['/speakers/dave-hill/split', { name: 'Someone Else', quotes: String(fx.ids.adcsQuote), reason: 'test' }, '/speakers/dave-hill'],
  ['/speakers/evil-person/merge', { into: 'michael-wilshaw', reason: 'test' }, '/speakers/evil-person'],
  ['/sources/cypn/crawl', {}, '/sources'],
  ['/admin/logout', {}, `/quotes/${fx.ids.adcsQuote}`],
];

describe('admin routes refuse anyone without a session and the session\'s CSRF token', () => {
  it('GET /admin without a session is 401', async () => {
    expect((await app.request('/admin')).status).toBe(401);
  });

  it('logging in with a wrong token is 401 and sets no session; the right token gets one', async () => {
    const bad = await login('not-the-token');
    expect(bad.res.status).toBe(401);
    expect(bad.jar.header()).not.toContain('sw_admin');
    const good = await login();
    expect(good.res.status).toBe(303);
    expect(good.jar.header()).toContain('sw_admin');
  });

  it('logging in without the login form\'s CSRF token is 403', async () => {
    const res = await post('/admin/login', { name: 'Tester', token: ADMIN_TOKEN });
    expect(res.status).toBe(403);
  });

  it.each([0, 1, 2, 3, 4])('admin action %i: no session → 401, forged cookie → 401, no or forged CSRF → 403', async (i) => {
    const [path, body, formPage] = ACTIONS()[i]!;
    expect((await post(path, body)).status).toBe(401);
    expect((await post(path, body, 'sw_admin=%7B%22actor%22%3A%22x%22%2C%22nonce%22%3A%22n%22%2C%22issuedAt%22%3A0%7D.forgedsig')).status).toBe(401);
    const { jar } = await login();
    expect((await post(path, body, jar.header())).status).toBe(403);
    expect((await post(path, { ...body, _csrf: 'forged-token' }, jar.header())).status).toBe(403);
    const other = await login(); // a CSRF token from another session is not valid for this one
    const otherCsrf = await sessionCsrf(other.jar, formPage);
    expect((await post(path, { ...body, _csrf: otherCsrf }, jar.header())).status).toBe(403);
    const csrf = await sessionCsrf(jar, formPage);
    expect([401, 403]).not.toContain((await post(path, { ...body, _csrf: csrf }, jar.header())).status);
  });

  it('with no admin token configured, nobody can log in', async () => {
    const closed = testApp(fx.db, { adminToken: '' });
    const res = await closed.request('/admin/login', { method: 'POST', body: form({ name: 'x', token: '' }), headers: { 'Content-Type': 'application/x-www-form-urlencoded' } });
    expect(res.status).toBe(401);
  });
});
