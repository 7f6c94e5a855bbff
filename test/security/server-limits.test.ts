// The live server's edges: it binds to 127.0.0.1 unless HOST says otherwise; request bodies, headers and slow
// clients are limited; and no URL that arrives in a request is ever fetched (only configured sources are).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect } from 'node:net';
import { networkInterfaces } from 'node:os';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { buildWebFixtureDb, type FixtureDb } from '../helpers/web-fixture-db.ts';
import { startFixtureServer, type FixtureServer } from '../helpers/fixture-server.ts';
import { emptySources, startServer, type ServerProcess } from '../reliability/server-process.ts';

let fx: FixtureDb;
let server: ServerProcess;
let canary: FixtureServer;
beforeAll(async () => {
  fx = buildWebFixtureDb();
  canary = await startFixtureServer();
  server = await startServer({ db: fx.path, sources: emptySources(fx.dir), env: { STANCEWATCH_ADMIN_TOKEN: 'limits-token' } });
}, 60_000);
afterAll(async () => {
  await server.kill('SIGTERM');
  await canary.close();
  fx.close();
});

const ROOT = join(import.meta.dirname, '..', '..');

describe('binding', () => {
  it('listens on 127.0.0.1 by default and is not reachable on other interfaces', async () => {
    expect(new URL(server.url).hostname).toBe('127.0.0.1');
    const port = new URL(server.url).port;
    const external = Object.values(networkInterfaces()).flat().find((i) => i && i.family === 'IPv4' && !i.internal);
    if (external) await expect(fetch(`http://${external.address}:${port}/`, { signal: AbortSignal.timeout(5_000) })).rejects.toThrow();
  });

  it('binds where HOST says when it is set', async () => {
    const open = await startServer({ db: fx.path, sources: emptySources(fx.dir), env: { HOST: '0.0.0.0' } });
    try {
      expect(new URL(open.url).hostname).toBe('0.0.0.0');
      expect((await fetch(`http://127.0.0.1:${new URL(open.url).port}/help`)).status).toBe(200);
    } finally {
      await open.kill('SIGTERM');
    }
  }, 60_000);
});

describe('request limits', () => {
  it('refuses a request body over 32 KB with 413', async () => {
    const res = await fetch(server.url + '/admin/login', { method: 'POST', body: 'name=x&token=' + 'a'.repeat(40_000), headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    expect(res.status).toBe(413);
  });

  it('refuses oversized headers (a 100 KB query string) with a 4xx, not a crash', async () => {
    const res = await fetch(`${server.url}/?q=${'a'.repeat(100_000)}`);
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.status).toBeLessThan(500);
    expect((await fetch(server.url + '/help')).status).toBe(200);
  });

  it('drops a client that never finishes sending its headers', async () => {
    const { port } = new URL(server.url);
    const started = Date.now();
    const closed = await new Promise<string>((resolve) => {
      const socket = connect(Number(port), '127.0.0.1', () => socket.write('GET / HTTP/1.1\r\nHost: x\r\nX-Slow: '));
      let reply = '';
      socket.on('data', (d) => (reply += d));
      socket.on('close', () => resolve(reply));
      setTimeout(() => { socket.destroy(); resolve('still open'); }, 25_000);
    });
    expect(closed).not.toBe('still open');
    expect(Date.now() - started).toBeLessThan(25_000);
  }, 30_000);
});

describe('no server-side request forgery', () => {
  it('never fetches a URL that arrives in a request', async () => {
    const target = `${canary.origin}/canary`;
    const enc = encodeURIComponent(target);
    const paths = [`/?q=${enc}`, `/?source=${enc}`, `/quotes.json?q=${enc}`, `/articles?q=${enc}`, `/quotes/${enc}`, `/articles/${enc}`, `/speakers/${enc}`,
      `/organisations/${enc}`, `/trends?org=${enc}`, `/?_next=${Buffer.from(JSON.stringify([target, 1])).toString('base64url')}`, `/${enc}`];
    for (const p of paths) await (await fetch(server.url + p, { headers: { Referer: target, 'X-Forwarded-Host': canary.origin.slice(7), Origin: canary.origin } })).arrayBuffer();
    for (const p of ['/sources/' + enc + '/crawl', '/admin/login']) {
      await (await fetch(server.url + p, { method: 'POST', body: `url=${enc}&_csrf=x&token=limits-token&name=x`, headers: { 'content-type': 'application/x-www-form-urlencoded' } })).arrayBuffer();
    }
    await new Promise((r) => setTimeout(r, 300));
    expect(canary.requests).toEqual([]);
  });

  it('only src/fetch reaches the network: no other module imports an HTTP client or calls fetch()', () => {
    const files: string[] = [];
    const walk = (d: string) => {
      for (const f of readdirSync(d)) {
        const p = join(d, f);
        if (statSync(p).isDirectory()) walk(p);
        else if (/\.tsx?$/.test(f)) files.push(p);
      }
    };
    for (const d of ['src', 'scrapers', 'web']) walk(join(ROOT, d));
    const offenders = files
      .filter((f) => !relative(ROOT, f).startsWith(join('src', 'fetch')))
      .filter((f) => /^import (?!type )[^;]*from ['"](undici|node:https?|https?|node:net|axios|got)['"]|(?<![.\w])fetch\(/m.test(readFileSync(f, 'utf8')))
      .map((f) => relative(ROOT, f));
    expect(offenders).toEqual([]);
  });
});
