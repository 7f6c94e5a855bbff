// The scheduler inside a live `serve`: a source whose server never answers is ticked every second but never run
// twice at once, it fails on its timeout and backs off, the other source is crawled meanwhile, and the web answers.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { FixtureServer } from '../helpers/fixture-server.ts';
import { startServer } from '../reliability/server-process.ts';
import { CHILD_ENV, startNewsSite, writeRegistry } from './crawl-fixture.ts';

const ITEMS = 20;
let site: FixtureServer;
let dir: string;

beforeAll(async () => {
  site = await startNewsSite(ITEMS);
  site.route('/hang/feed', () => { /* never answers */ });
  dir = mkdtempSync(join(tmpdir(), 'sw-sched-'));
});
afterAll(async () => {
  await site.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('scheduler with a hanging source', () => {
  it('never overlaps runs of one source, survives the hang, and keeps crawling and serving', async () => {
    const hanging = { id: 'hanging', name: 'Hanging', organisation: 'Ofsted', kind: 'feed', urls: [`${site.origin}/hang/feed`], schedule: '* * * * * *', enabled: true };
    const registry = writeRegistry(dir, site.origin, [hanging]);
    const db = join(dir, 'sched.db');
    const env = { ...CHILD_ENV, STANCEWATCH_SCHEDULER: 'true', STANCEWATCH_LOG_LEVEL: 'info', STANCEWATCH_FETCH_TIMEOUT_MS: '4000', STANCEWATCH_FETCH_RETRIES: '0' };
    const server = await startServer({ db, sources: registry, env });
    const started = Date.now();
    let served = 0;
    while (Date.now() - started < 7_000) {
      const res = await fetch(server.url + '/sources.json');
      expect(res.status).toBe(200);
      await res.arrayBuffer();
      served++;
      await new Promise((r) => setTimeout(r, 200));
    }
    expect(await server.kill('SIGTERM')).toBe(0);
    expect(served).toBeGreaterThan(10);
    expect(site.hits('/hang/feed')).toBe(1);
    expect(server.log()).toMatch(/tick skipped source=hanging/);

    const check = new Database(db, { readonly: true });
    expect(check.prepare("SELECT count(*) FROM articles WHERE source_id = 'fault-news'").pluck().get()).toBe(ITEMS);
    const runs = check.prepare("SELECT status, error FROM crawl_runs WHERE source_id = 'hanging'").all() as { status: string; error: string | null }[];
    expect(runs).toHaveLength(1);
    expect(runs[0]!.status).toBe('failed');
    const state = check.prepare("SELECT consecutive_failures, last_error, next_attempt_at FROM sources WHERE id = 'hanging'").get() as { consecutive_failures: number; last_error: string; next_attempt_at: string };
    expect(state.consecutive_failures).toBe(1);
    expect(state.last_error).toMatch(/time/i);
    expect(Date.parse(state.next_attempt_at)).toBeGreaterThan(Date.now());
    check.close();
  });
});
