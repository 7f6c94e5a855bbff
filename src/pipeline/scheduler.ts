// Runs every enabled source on its cron schedule (node-cron), and all of them once at start-up when the database
// has never been crawled. One run per source at a time; sources run independently, so a slow or hanging source
// delays nobody else. A failing source waits out its backoff (sources.next_attempt_at) and is then tried again.
import cron, { type ScheduledTask } from 'node-cron';
import type { Config } from '../config.ts';
import type { DB } from '../db/connection.ts';
import { countCrawlRuns, markAbandonedRuns } from '../db/crawl-runs.ts';
import { getSourceState } from '../db/sources.ts';
import { errorMessage } from '../errors.ts';
import { createFetcher, fetcherOptionsFromConfig, type Fetcher } from '../fetch/fetcher.ts';
import type { Logger } from '../log.ts';
import type { SourceConfig } from '../source-registry.ts';
import { crawlSource, type CrawlSummary } from './crawl.ts';

export interface SchedulerDeps {
  db: DB;
  config: Config;
  log: Logger;
  fetcher?: Fetcher;
}

export interface Scheduler {
  /** Stops the timers, lets running crawls stop after their current item, and waits for them. */
  stop(): Promise<void>;
  /** Crawls one source now, ignoring its backoff; joins the run already in progress if there is one. */
  crawlNow(sourceId: string): Promise<CrawlSummary>;
  /** Sources being crawled right now. */
  running(): string[];
}

export function startScheduler(deps: SchedulerDeps, sources: SourceConfig[]): Scheduler {
  const { db, log } = deps;
  const fetcher = deps.fetcher ?? createFetcher(fetcherOptionsFromConfig(deps.config, log));
  const runs = new Map<string, Promise<CrawlSummary>>();
  const abort = new AbortController();
  const byId = new Map(sources.map((s) => [s.id, s]));
  markAbandonedRuns(db, new Date().toISOString());

  const run = (source: SourceConfig): Promise<CrawlSummary> => {
    const current = runs.get(source.id);
    if (current) return current;
    const started = crawlSource({ db, config: deps.config, log, fetcher }, source, { signal: abort.signal }).finally(() => runs.delete(source.id));
    runs.set(source.id, started);
    return started;
  };

  const tick = (source: SourceConfig) => {
    if (runs.has(source.id)) return log.info('crawl still running, tick skipped', { source: source.id });
    const nextAttempt = getSourceState(db, source.id)?.nextAttemptAt;
    if (nextAttempt && Date.parse(nextAttempt) > Date.now()) return log.info('source backing off', { source: source.id, until: nextAttempt });
    run(source).catch((err) => log.error('crawl crashed', { source: source.id, error: errorMessage(err) }));
  };

  const enabled = sources.filter((s) => s.enabled);
  const tasks: ScheduledTask[] = enabled.map((s) => cron.schedule(s.schedule, () => tick(s), { name: `crawl:${s.id}`, noOverlap: true }));
  if (countCrawlRuns(db) === 0) {
    log.info('database never crawled: crawling every enabled source now', { sources: enabled.length });
    for (const s of enabled) tick(s);
  }

  return {
    running: () => [...runs.keys()],
    crawlNow(sourceId) {
      const source = byId.get(sourceId);
      if (!source) return Promise.reject(new Error(`unknown source "${sourceId}"`));
      return run(source);
    },
    async stop() {
      await Promise.all(tasks.map((t) => t.destroy()));
      abort.abort();
      await Promise.allSettled([...runs.values()]);
      if (!deps.fetcher) await fetcher.close();
    },
  };
}
