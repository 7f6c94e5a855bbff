// `stancewatch crawl` and `stancewatch sources` through the CLI entry point, with a registry file pointing at
// the fixture server and a database file.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { main } from '../../src/cli.ts';
import { startFixtureServer, type FixtureServer } from '../helpers/fixture-server.ts';
import { EXPECTED_ARTICLES, fixtureRegistryJson, GUARDIAN_TEST_KEY, mountFixtureSites } from '../helpers/fixture-sites.ts';

let server: FixtureServer;
let dir: string;
let registry: string;
let dbPath: string;

beforeAll(async () => {
  server = await startFixtureServer();
  mountFixtureSites(server);
  dir = mkdtempSync(join(tmpdir(), 'sw-crawl-cli-'));
  registry = join(dir, 'sources.json');
  dbPath = join(dir, 'sw.db');
  const json = fixtureRegistryJson(server.origin);
  json.sources.push({ ...json.sources[4]!, id: 'test-disabled', enabled: false });
  writeFileSync(registry, JSON.stringify(json));
});
afterAll(async () => {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the CLI in this process with extra environment settings, capturing what it prints. */
async function cli(args: string[], extra: Record<string, string> = {}): Promise<CliResult> {
  const settings: Record<string, string> = { STANCEWATCH_FETCH_DELAY_MS: '0', GUARDIAN_API_KEY: GUARDIAN_TEST_KEY, STANCEWATCH_LOG_LEVEL: 'error', ...extra };
  const saved = Object.fromEntries(Object.keys(settings).map((k) => [k, process.env[k]]));
  Object.assign(process.env, settings);
  let stdout = '';
  let stderr = '';
  const out = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => ((stdout += String(chunk)), true));
  const err = vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => ((stderr += String(chunk)), true));
  try {
    return { code: await main(args), stdout, stderr };
  } finally {
    out.mockRestore();
    err.mockRestore();
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  }
}

describe('crawl command', () => {
  it('collects every fixture article once, then adds nothing', async () => {
    const first = await cli(['crawl', '--sources', registry, '--db', dbPath]);
    expect(first.code).toBe(0);
    for (const id of Object.keys(EXPECTED_ARTICLES)) expect(first.stdout).toMatch(new RegExp(`${id}\\s+ok\\s+new ${EXPECTED_ARTICLES[id]},`));
    expect(first.stdout).not.toContain('test-disabled');
    const second = await cli(['crawl', '--sources', registry, '--db', dbPath]);
    expect(second.stdout.match(/new 0,/g)).toHaveLength(Object.keys(EXPECTED_ARTICLES).length);
    const db = new Database(dbPath, { readonly: true });
    expect(db.prepare('SELECT count(*) FROM articles').pluck().get()).toBe(Object.values(EXPECTED_ARTICLES).reduce((a, b) => a + b, 0));
    db.close();
  });

  it('lists source health, and says why the Guardian is skipped without a key', async () => {
    const skipped = await cli(['crawl', '--sources', registry, '--db', dbPath, '--source', 'test-guardian'], { GUARDIAN_API_KEY: '' });
    expect(skipped.stdout).toMatch(/test-guardian\s+skipped .*GUARDIAN_API_KEY is not set/);
    const { stdout } = await cli(['sources', '--sources', registry, '--db', dbPath]);
    expect(stdout).toMatch(/test-govuk\s+govuk\s+ok/);
    expect(stdout).toMatch(/test-disabled\s+feed\s+disabled/);
    expect(stdout).toMatch(/test-guardian\s+guardian\s+skipped/);
  });

  it('rejects a bad date, an unknown source and a broken registry with a clear message', async () => {
    expect(await cli(['crawl', '--sources', registry, '--db', dbPath, '--since', 'yesterday'])).toMatchObject({ code: 2, stderr: expect.stringMatching(/--since must be a date/) });
    expect(await cli(['crawl', '--sources', registry, '--db', dbPath, '--source', 'nope'])).toMatchObject({ code: 2, stderr: expect.stringMatching(/unknown source "nope"/) });
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, JSON.stringify({ sources: [{ id: 'broken', name: 'B', organisation: 'X', kind: 'feed', urls: ['ftp://x'], schedule: 'daily' }] }));
    expect(await cli(['crawl', '--sources', bad, '--db', dbPath])).toMatchObject({
      code: 2,
      stderr: expect.stringMatching(/source "broken": field "urls.0"[\s\S]*source "broken": field "schedule"/),
    });
  });
});
