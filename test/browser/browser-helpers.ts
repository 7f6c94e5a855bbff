// Starts the web app on a loopback port over the fixture database and opens Debian's Chromium on it.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve, type ServerType } from '@hono/node-server';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { buildWebFixtureDb, type FixtureDb } from '../helpers/web-fixture-db.ts';
import { testApp } from '../helpers/web-app.ts';

export const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

export interface BrowserRig {
  base: string;
  fixture: FixtureDb;
  context: BrowserContext;
  page: Page;
  downloads: string;
  /** Console errors and uncaught exceptions seen so far (a CSP violation shows up here). */
  errors: string[];
  close(): Promise<void>;
}

export async function startRig(): Promise<BrowserRig> {
  const fixture = buildWebFixtureDb();
  const app = testApp(fixture.db);
  const server: ServerType = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  const port = (server.address() as { port: number }).port;
  const profile = mkdtempSync(join(tmpdir(), 'stancewatch-chromium-'));
  const downloads = mkdtempSync(join(tmpdir(), 'stancewatch-downloads-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: '/usr/bin/chromium', headless: true, args: CHROMIUM_ARGS, acceptDownloads: true, downloadsPath: downloads,
    viewport: { width: 1280, height: 900 },
  });
  const page = context.pages()[0] ?? (await context.newPage());
  const errors: string[] = [];
  page.on('console', (m) => { if (m.type() === 'error') errors.push(`${page.url()}: ${m.text()}`); });
  page.on('pageerror', (e) => errors.push(`${page.url()}: ${e.message}`));
  return {
    base: `http://127.0.0.1:${port}`, fixture, context, page, downloads, errors,
    async close() {
      await context.close();
      await new Promise((r) => server.close(r));
      fixture.close();
      rmSync(profile, { recursive: true, force: true });
      rmSync(downloads, { recursive: true, force: true });
    },
  };
}

/** Saves a screenshot of the page into test-results/ (called when a test fails). */
export async function screenshotOnFailure(page: Page, name: string): Promise<void> {
  mkdirSync('test-results', { recursive: true });
  await page.screenshot({ path: join('test-results', `${name.replace(/[^\w-]+/g, '-')}.png`), fullPage: true }).catch(() => {});
}
