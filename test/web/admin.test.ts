// Admin log in, CSRF, and the audited correction flow through the public URLs.
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { buildWebFixtureDb, type FixtureDb } from '../helpers/web-fixture-db.ts';
import { cookieJar, form, hiddenValue, testApp, ADMIN_TOKEN } from '../helpers/web-app.ts';

let f: FixtureDb;
let app: ReturnType<typeof testApp>;
const crawls: string[] = [];
beforeEach(() => {
  f?.close();
  f = buildWebFixtureDb();
  crawls.length = 0;
  app = testApp(f.db, { crawlNow: async (id) => { crawls.push(id); } });
});
afterAll(() => f.close());

const FORM = { 'content-type': 'application/x-www-form-urlencoded' };

async function login(name = 'Ada Admin') {
  const jar = cookieJar();
  const page = await app.request('/admin/login');
  jar.absorb(page);
  const res = await app.request('/admin/login', {
    method: 'POST', headers: { ...FORM, cookie: jar.header() },
    body: form({ _csrf: hiddenValue(await page.text(), '_csrf'), name, token: ADMIN_TOKEN }),
  });
  jar.absorb(res);
  return { res, jar };
}

async function csrfFrom(jar: ReturnType<typeof cookieJar>, path: string) {
  return hiddenValue(await (await app.request(path, { headers: { cookie: jar.header() } })).text(), '_csrf');
}

describe('admin session', () => {
  it('sets a signed, HttpOnly, SameSite=Strict cookie on a good token', async () => {
    const { res } = await login();
    expect(res.status).toBe(303);
    const cookie = res.headers.getSetCookie().find((c) => c.startsWith('sw_admin='))!;
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    expect(decodeURIComponent(cookie.split(';')[0]!)).toMatch(/\.[A-Za-z0-9+/=_-]+$/); // value.signature
  });

  it('refuses a wrong token and a forged login form', async () => {
    const jar = cookieJar();
    const page = await app.request('/admin/login');
    jar.absorb(page);
    const csrf = hiddenValue(await page.text(), '_csrf');
    const wrong = await app.request('/admin/login', { method: 'POST', headers: { ...FORM, cookie: jar.header() }, body: form({ _csrf: csrf, name: 'X', token: 'nope' }) });
    expect(wrong.status).toBe(401);
    expect(wrong.headers.getSetCookie().some((c) => c.startsWith('sw_admin='))).toBe(false);
    const forged = await app.request('/admin/login', { method: 'POST', headers: FORM, body: form({ _csrf: csrf, name: 'X', token: ADMIN_TOKEN }) });
    expect(forged.status).toBe(403);
  });

  it('rejects a tampered session cookie', async () => {
    const { jar } = await login();
    const tampered = jar.header().replace(/sw_admin=([^;]*)/, (_m, v: string) => `sw_admin=${encodeURIComponent(decodeURIComponent(v).replace('Ada', 'Eve'))}`);
    expect((await app.request('/admin', { headers: { cookie: tampered } })).status).toBe(401);
    expect((await app.request('/admin', { headers: { cookie: jar.header() } })).status).toBe(200);
  });

  it('answers 401 without a session and shows no admin controls', async () => {
    const id = f.ids.adcsQuote;
    const html = await (await app.request(`/quotes/${id}`)).text();
    expect(html).not.toContain('Correct this quote');
    expect(html).not.toContain('name="_csrf"');
    expect((await app.request('/sources')).status).toBe(200);
    expect(await (await app.request('/sources')).text()).not.toContain('Crawl now');
    for (const [path, body] of [[`/quotes/${id}/corrections`, { field: 'stance', value: 'supports', reason: 'x' }], ['/sources/cypn/crawl', {}], ['/speakers/dave-hill/merge', { into: 'michael-wilshaw', reason: 'x' }], ['/admin/logout', {}]] as const) {
      const res = await app.request(path, { method: 'POST', headers: FORM, body: form(body as Record<string, string>) });
      expect(res.status, path).toBe(401);
    }
    expect((await app.request('/admin')).status).toBe(401);
  });

  it('answers 401 to everyone when no admin token is configured', async () => {
    const closed = testApp(f.db, { adminToken: '' });
    const res = await closed.request('/admin/login', { method: 'POST', headers: FORM, body: form({ name: 'x', token: '' }) });
    expect(res.status).toBe(401);
    expect(await (await closed.request('/')).text()).not.toContain('Admin log in');
  });
});

describe('corrections', () => {
  it('corrects a stance with CSRF, records it, shows it and exports it', async () => {
    const { jar } = await login('Ada Admin');
    const id = f.ids.adcsQuote;
    const csrf = await csrfFrom(jar, `/quotes/${id}`);
    const res = await app.request(`/quotes/${id}/corrections`, {
      method: 'POST', headers: { ...FORM, cookie: jar.header() },
      body: form({ _csrf: csrf, field: 'stance', value: 'mixed', reason: 'Also says "not against inspection"' }),
    });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe(`/quotes/${id}#corrections`);
    const page = await (await app.request(`/quotes/${id}`)).text();
    expect(page).toContain('class="badge stance-mixed">Mixed</span>');
    expect(page).toMatch(/<td>Ada Admin<\/td><td>stance<\/td><td>opposes<\/td><td>mixed<\/td><td>Also says &quot;not against inspection&quot;<\/td>/);
    const csv = await (await app.request('/corrections.csv')).text();
    const lines = csv.trim().split('\r\n');
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain(',Ada Admin,stance,opposes,mixed,');
  });

  it('refuses a missing or forged CSRF token with 403 and changes nothing', async () => {
    const { jar } = await login();
    const id = f.ids.adcsQuote;
    for (const token of ['', 'forged-token']) {
      const res = await app.request(`/quotes/${id}/corrections`, {
        method: 'POST', headers: { ...FORM, cookie: jar.header() }, body: form({ _csrf: token, field: 'stance', value: 'supports', reason: 'x' }),
      });
      expect(res.status).toBe(403);
    }
    expect((f.db.prepare('SELECT stance FROM quotes WHERE id = ?').get(id) as { stance: string }).stance).toBe('opposes');
    expect((f.db.prepare('SELECT count(*) AS n FROM corrections').get() as { n: number }).n).toBe(0);
  });

  it('explains a bad correction with 400', async () => {
    const { jar } = await login();
    const id = f.ids.adcsQuote;
    const csrf = await csrfFrom(jar, `/quotes/${id}`);
    const res = await app.request(`/quotes/${id}/corrections`, {
      method: 'POST', headers: { ...FORM, cookie: jar.header() }, body: form({ _csrf: csrf, field: 'stance', value: 'furious', reason: 'x' }),
    });
    expect(res.status).toBe(400);
    expect(await res.text()).toContain('Stance must be one of');
  });

  it('merges people from the speaker page and redirects the old slug', async () => {
    const { jar } = await login();
    const csrf = await csrfFrom(jar, '/speakers/dave-hill');
    const res = await app.request('/speakers/dave-hill/merge', {
      method: 'POST', headers: { ...FORM, cookie: jar.header() }, body: form({ _csrf: csrf, into: 'michael-wilshaw', reason: 'test merge' }),
    });
    expect(res.status).toBe(303);
    const old = await app.request('/speakers/dave-hill');
    expect(old.status).toBe(301);
    expect(old.headers.get('location')).toBe('/speakers/michael-wilshaw');
    expect((f.db.prepare("SELECT count(*) AS n FROM quotes q JOIN people p ON p.id = q.person_id WHERE p.slug = 'dave-hill'").get() as { n: number }).n).toBe(0);
  });

  it('lets admins start a crawl when the scheduler runs', async () => {
    const { jar } = await login();
    const html = await (await app.request('/sources', { headers: { cookie: jar.header() } })).text();
    expect(html).toContain('Crawl now');
    const res = await app.request('/sources/cypn/crawl', { method: 'POST', headers: { ...FORM, cookie: jar.header() }, body: form({ _csrf: hiddenValue(html, '_csrf') }) });
    expect(res.status).toBe(303);
    expect(crawls).toEqual(['cypn']);
  });

  it('logs out', async () => {
    const { jar } = await login();
    const csrf = await csrfFrom(jar, '/');
    const res = await app.request('/admin/logout', { method: 'POST', headers: { ...FORM, cookie: jar.header() }, body: form({ _csrf: csrf }) });
    expect(res.status).toBe(303);
    jar.absorb(res);
    expect((await app.request('/admin', { headers: { cookie: jar.header() } })).status).toBe(401);
  });
});
