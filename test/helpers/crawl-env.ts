// A temporary database, a fast polite fetcher and a fixture server: what every crawl test needs.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig, type Config } from '../../src/config.ts';
import { openDatabase, type DB } from '../../src/db/connection.ts';
import { createFetcher, fetcherOptionsFromConfig, type Fetcher } from '../../src/fetch/fetcher.ts';
import { silentLogger, type Logger } from '../../src/log.ts';
import { startFixtureServer, type FixtureServer } from './fixture-server.ts';
import { GUARDIAN_TEST_KEY, mountFixtureSites } from './fixture-sites.ts';

export interface CrawlEnv {
  dir: string;
  db: DB;
  config: Config;
  server: FixtureServer;
  fetcher: Fetcher;
  log: Logger;
  deps: { db: DB; config: Config; log: Logger; fetcher: Fetcher };
  close(): Promise<void>;
}

export async function createCrawlEnv(opts: { timeoutMs?: number; retries?: number; guardianKey?: string } = {}): Promise<CrawlEnv> {
  const dir = mkdtempSync(join(tmpdir(), 'sw-crawl-'));
  const db = openDatabase(join(dir, 'test.db'));
  const config = loadConfig({}, {
    fetchDelayMs: '0',
    fetchTimeoutMs: String(opts.timeoutMs ?? 2000),
    fetchRetries: String(opts.retries ?? 1),
    guardianApiKey: opts.guardianKey ?? GUARDIAN_TEST_KEY,
    dbPath: join(dir, 'test.db'),
  });
  const server = await startFixtureServer();
  mountFixtureSites(server);
  const fetcher = createFetcher({ ...fetcherOptionsFromConfig(config), retryBaseMs: 5 });
  const log = silentLogger;
  return {
    dir, db, config, server, fetcher, log,
    deps: { db, config, log, fetcher },
    async close() {
      await fetcher.close();
      await server.close();
      db.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
