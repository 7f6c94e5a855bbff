// Crawls one source: pages through its listing, stores every new or changed item, records the run, each
// failure and the source's health. A failing item never stops the run; a failing source backs off but is
// retried. Scheduled runs stop at the first page holding items already stored; backfills (--since) page
// back to a date and resume where an interrupted backfill stopped.
import type { Config } from '../config.ts';
import type { DB } from '../db/connection.ts';
import { finishCrawlRun, recordCrawlError, startCrawlRun, type CrawlCounts, type CrawlRunStatus } from '../db/crawl-runs.ts';
import { getValidators, saveValidators } from '../db/http-cache.ts';
import { getSourceState, recordSourceFailure, recordSourceSkipped, recordSourceSuccess, setBackfillState, upsertSource } from '../db/sources.ts';
import { errorMessage } from '../errors.ts';
import { createFetcher, fetcherOptionsFromConfig, type Fetcher } from '../fetch/fetcher.ts';
import { FetchFailure } from '../fetch/errors.ts';
import type { Logger } from '../log.ts';
import type { SourceConfig } from '../source-registry.ts';
import { scraperFor } from '../../scrapers/registry.ts';
import type { ListingPage, Scraper, ScrapeContext } from '../../scrapers/types.ts';
import { isKnown, processItem, type ItemContext, type ItemOutcome } from './crawl-item.ts';
import { redactText, redactUrl } from './redact.ts';

export interface CrawlDeps {
  db: DB;
  config: Config;
  log: Logger;
  /** Shared by every source of a process so per-host politeness holds across sources. */
  fetcher?: Fetcher;
  now?: () => Date;
}

export interface CrawlProgress {
  sourceId: string;
  pages: number;
  items: number;
  itemsNew: number;
  itemsFailed: number;
}

export interface CrawlOptions {
  /** YYYY-MM-DD: backfill everything published since this day. */
  since?: string;
  backfill?: boolean;
  onProgress?: (p: CrawlProgress) => void;
  /** Aborting stops the run after the current item; a backfill resumes from there next time. */
  signal?: AbortSignal;
}

export interface CrawlSummary extends CrawlCounts {
  sourceId: string;
  runId: number;
  status: CrawlRunStatus;
  itemsDuplicate: number;
  /** Listing pages and items answered 304 Not Modified. */
  notModified: number;
  error: string | null;
  durationMs: number;
}

interface BackfillState {
  since: string;
  url: string;
  pages: number;
  items: number;
}

const DAY_MS = 86_400_000;

/** Wait before retrying a failing source: 15 min doubling per consecutive failure, at most a day. */
export function sourceBackoffMs(consecutiveFailures: number): number {
  return Math.min(DAY_MS, 15 * 60_000 * 2 ** Math.max(0, consecutiveFailures - 1));
}

class Run {
  counts = { itemsNew: 0, itemsUpdated: 0, itemsUnchanged: 0, itemsFailed: 0, pages: 0, itemsDuplicate: 0, notModified: 0 };
  items = 0;
  fatal: string | null = null;
  /** The URL the fatal error happened at (a listing page, or robots.txt). */
  fatalUrl: string | null = null;
  interrupted = false;
  seen = new Set<string>();

  constructor(
    readonly deps: CrawlDeps & { now: () => Date },
    readonly source: SourceConfig,
    readonly id: number,
  ) {}

  fail(url: string | null, err: unknown): void {
    const reason = redactText(errorMessage(err));
    const safeUrl = url ? redactUrl(url) : null;
    recordCrawlError(this.deps.db, this.id, this.source.id, safeUrl, reason, this.deps.now().toISOString());
    this.deps.log.warn('crawl item failed', { source: this.source.id, url: safeUrl, error: reason });
  }
}

export async function crawlSource(deps: CrawlDeps, source: SourceConfig, opts: CrawlOptions = {}): Promise<CrawlSummary> {
  const full = { ...deps, now: deps.now ?? (() => new Date()) };
  const started = Date.now();
  upsertSource(full.db, { id: source.id, name: source.name, kind: source.kind, organisation: source.organisation, enabled: source.enabled });
  const run = new Run(full, source, startCrawlRun(full.db, source.id, full.now().toISOString()));
  const backfill = opts.backfill ?? opts.since !== undefined;
  full.log.info('crawl started', { source: source.id, kind: source.kind, mode: backfill ? `backfill since ${opts.since}` : 'incremental' });

  const ctx: ScrapeContext = { since: backfill ? (opts.since ?? null) : incrementalSince(full.db, source.id), guardianApiKey: full.config.guardianApiKey };
  const skipped = scraperFor(source).unavailable?.(source, ctx) ?? null;
  const fetcher = deps.fetcher ?? createFetcher(fetcherOptionsFromConfig(full.config, full.log));
  try {
    if (!skipped) await crawlListing(run, fetcher, ctx, backfill, opts);
  } catch (err) {
    run.fatal = redactText(errorMessage(err));
    const at = (err as { url?: unknown }).url;
    run.fatalUrl = typeof at === 'string' ? redactUrl(at) : null;
  } finally {
    if (!deps.fetcher) await fetcher.close();
  }
  return finish(run, skipped, backfill, Date.now() - started);
}

function incrementalSince(db: DB, sourceId: string): string | null {
  const last = getSourceState(db, sourceId)?.lastSuccessAt;
  // A day of overlap: items published just before the last run may have been indexed after it.
  return last ? new Date(Date.parse(last) - DAY_MS).toISOString().slice(0, 10) : null;
}

function readBackfillState(db: DB, sourceId: string, since: string | undefined): BackfillState | null {
  const raw = getSourceState(db, sourceId)?.backfillState;
  if (!raw || !since) return null;
  try {
    const state = JSON.parse(raw) as BackfillState;
    return state.since === since && typeof state.url === 'string' ? state : null;
  } catch {
    return null;
  }
}

async function crawlListing(run: Run, fetcher: Fetcher, ctx: ScrapeContext, backfill: boolean, opts: CrawlOptions): Promise<void> {
  const { db, log } = run.deps;
  let source = run.source;
  let scraper = scraperFor(source);
  const resume = backfill ? readBackfillState(db, source.id, opts.since) : null;
  if (resume) {
    log.info('resuming backfill', { source: source.id, url: redactUrl(resume.url), pages: resume.pages, items: resume.items });
    run.items = resume.items;
  }
  let url: string | null = resume?.url ?? scraper.firstPageUrl(source, ctx);
  let pageIndex = 0;
  const saveState = (at: string) => saveBackfill(run, { since: opts.since!, url: at, pages: (resume?.pages ?? 0) + run.counts.pages, items: run.items });
  while (url && !run.interrupted) {
    if (opts.signal?.aborted) {
      run.interrupted = true;
      break;
    }
    if (backfill) saveState(url);
    const page = await readPage(run, fetcher, scraper, source, url, { conditional: !backfill, first: pageIndex === 0, signal: opts.signal });
    if (page === 'fallback') {
      const fallback = scraper.fallback!(source, null)!;
      log.warn('falling back', { source: source.id, kind: fallback.kind, url: fallback.urls[0] });
      source = fallback;
      scraper = scraperFor(source);
      url = scraper.firstPageUrl(source, ctx);
      continue;
    }
    if (!page) break;
    run.counts.pages++;
    const ictx: ItemContext = { db, fetcher, source, scraper, backfill, now: run.deps.now, signal: opts.signal };
    const { hadKnown, allOlder, failed } = await crawlItems(run, ictx, page, opts);
    if (!failed && !backfill) saveValidators(db, redactUrl(url), page.validators, 200, run.deps.now().toISOString());
    opts.onProgress?.({ sourceId: source.id, pages: (resume?.pages ?? 0) + run.counts.pages, items: run.items, itemsNew: run.counts.itemsNew, itemsFailed: run.counts.itemsFailed });
    pageIndex++;
    if (!backfill && (hadKnown || pageIndex >= run.source.maxPages)) break;
    if (backfill && allOlder) break;
    url = page.next;
    // Saved before the next page is read: an interruption resumes at the first page not yet finished.
    if (backfill && url && !run.interrupted) saveState(url);
  }
}

type Page = ListingPage & { validators: { etag: string | null; lastModified: string | null } };

/** Fetches and parses one listing page: the page, null to stop paging, or 'fallback' to switch readers. */
async function readPage(
  run: Run,
  fetcher: Fetcher,
  scraper: Scraper,
  source: SourceConfig,
  url: string,
  o: { conditional: boolean; first: boolean; signal?: AbortSignal },
): Promise<Page | null | 'fallback'> {
  const { db } = run.deps;
  try {
    const res = await fetcher.fetch(url, { validators: o.conditional ? getValidators(db, redactUrl(url)) : null, signal: o.signal });
    if (res.notModified) {
      run.counts.notModified++;
      return null;
    }
    return { ...scraper.parseListing(res.body, res.url, source), validators: res.validators };
  } catch (err) {
    if (isCancelled(err)) {
      run.interrupted = true;
      return null;
    }
    const status = err instanceof FetchFailure ? err.httpStatus : null;
    // Refused or unreadable (not merely unreachable): another reader of the same site may work.
    const refused = !(err instanceof FetchFailure) || ['http', 'gone', 'robots'].includes(err.kind);
    if (o.first && refused && scraper.fallback?.(source, status)) {
      run.deps.log.warn('listing refused', { source: run.source.id, url: redactUrl(url), error: redactText(errorMessage(err)) });
      return 'fallback';
    }
    // Past the last page many sites answer 404 (and WordPress 400): the listing has simply ended.
    if (!o.first && status !== null && (status === 404 || status === 410 || scraper.endOfListingStatus?.includes(status))) return null;
    if (o.first) throw err;
    run.counts.itemsFailed++;
    run.fail(url, err);
    return null;
  }
}

async function crawlItems(run: Run, ictx: ItemContext, page: ListingPage, opts: CrawlOptions) {
  let hadKnown = false;
  let failed = false;
  let older = 0;
  for (const item of page.items) {
    // Items from a full-text feed need no network wait; yield anyway so web requests and SIGTERM are served between items.
    await new Promise((resolve) => setImmediate(resolve));
    if (opts.signal?.aborted) {
      run.interrupted = true;
      break;
    }
    if (ictx.backfill && opts.since && item.published && item.published.slice(0, 10) < opts.since) {
      older++;
      continue;
    }
    if (run.seen.has(item.url)) continue;
    run.seen.add(item.url);
    const known = isKnown(ictx.db, item);
    hadKnown ||= known;
    run.items++;
    try {
      const outcome = await processItem(ictx, item, known);
      count(run, outcome);
    } catch (err) {
      // Stopping is not the item's fault: nothing is recorded and the next run takes it up.
      if (isCancelled(err)) {
        run.interrupted = true;
        break;
      }
      failed = true;
      run.counts.itemsFailed++;
      run.fail(item.url, err);
    }
  }
  return { hadKnown, failed, allOlder: page.items.length > 0 && older === page.items.length };
}

const isCancelled = (err: unknown) => err instanceof FetchFailure && err.kind === 'cancelled';

function count(run: Run, outcome: ItemOutcome): void {
  const c = run.counts;
  if (outcome === 'new') c.itemsNew++;
  else if (outcome === 'updated') c.itemsUpdated++;
  else if (outcome === 'duplicate') c.itemsDuplicate++;
  else c.itemsUnchanged++;
  if (outcome === 'not-modified') c.notModified++;
}

function saveBackfill(run: Run, state: BackfillState): void {
  setBackfillState(run.deps.db, run.source.id, JSON.stringify(state));
}

function finish(run: Run, skipped: string | null, backfill: boolean, durationMs: number): CrawlSummary {
  const { db, log } = run.deps;
  const at = run.deps.now().toISOString();
  const c = run.counts;
  const status: CrawlRunStatus = skipped ? 'skipped' : run.fatal ? 'failed' : run.interrupted ? 'interrupted' : c.itemsFailed ? 'partial' : 'ok';
  const error = skipped ?? (run.fatal && run.fatalUrl ? `${run.fatal} (${run.fatalUrl})` : run.fatal);
  const counts = { itemsNew: c.itemsNew, itemsUpdated: c.itemsUpdated, itemsUnchanged: c.itemsUnchanged + c.itemsDuplicate, itemsFailed: c.itemsFailed, pages: c.pages };
  finishCrawlRun(db, run.id, status, counts, error, at);
  if (status === 'skipped') recordSourceSkipped(db, run.source.id, at, skipped!);
  else if (status === 'failed') {
    recordCrawlError(db, run.id, run.source.id, run.fatalUrl, run.fatal!, at);
    const failures = (getSourceState(db, run.source.id)?.consecutiveFailures ?? 0) + 1;
    recordSourceFailure(db, run.source.id, at, error!, new Date(Date.parse(at) + sourceBackoffMs(failures)).toISOString());
  } else if (status !== 'interrupted') recordSourceSuccess(db, run.source.id, at, c.itemsNew);
  if (backfill && (status === 'ok' || status === 'partial')) setBackfillState(db, run.source.id, null);

  const fields = { source: run.source.id, status, new: c.itemsNew, updated: c.itemsUpdated, unchanged: c.itemsUnchanged, duplicate: c.itemsDuplicate, failed: c.itemsFailed, pages: c.pages, ms: durationMs, error: error ?? undefined };
  if (status === 'failed') log.error('crawl failed', fields);
  else if (status === 'skipped') log.warn('crawl skipped', fields);
  else log.info('crawl finished', fields);
  return { sourceId: run.source.id, runId: run.id, status, ...counts, itemsDuplicate: c.itemsDuplicate, notModified: c.notModified, error, durationMs };
}
