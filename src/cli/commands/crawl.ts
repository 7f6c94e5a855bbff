// `stancewatch crawl [--source ID] [--since DATE]`: crawls sources now. With --since it backfills history,
// shows progress, and after an interruption (Ctrl-C) the same command resumes where it stopped.
import { openDatabase } from '../../db/connection.ts';
import { syncRegistries } from '../../db/people.ts';
import { createFetcher, fetcherOptionsFromConfig } from '../../fetch/fetcher.ts';
import { crawlSource, type CrawlSummary } from '../../pipeline/crawl.ts';
import { loadSourceRegistry, type SourceConfig } from '../../source-registry.ts';
import { stringOption, UsageError, type Command } from '../command.ts';

function pickSources(all: SourceConfig[], ids: string[]): SourceConfig[] {
  if (!ids.length) return all.filter((s) => s.enabled);
  return ids.map((id) => {
    const s = all.find((x) => x.id === id);
    if (!s) throw new UsageError(`unknown source "${id}"; known: ${all.map((x) => x.id).join(', ')}`);
    return s;
  });
}

function summaryLine(s: CrawlSummary): string {
  const counts = `new ${s.itemsNew}, updated ${s.itemsUpdated}, unchanged ${s.itemsUnchanged}, failed ${s.itemsFailed}, pages ${s.pages}`;
  return `${s.sourceId.padEnd(20)} ${s.status.padEnd(11)} ${counts}, ${(s.durationMs / 1000).toFixed(1)} s${s.error ? ` — ${s.error}` : ''}`;
}

const command: Command = {
  name: 'crawl',
  summary: 'crawl sources now (all enabled ones, or --source ID); --since DATE backfills history and resumes after an interruption',
  options: [
    { name: 'source', type: 'string', value: 'ID', help: 'crawl this source (even if disabled)', multiple: true },
    { name: 'since', type: 'string', value: 'DATE', help: 'backfill everything published since DATE (YYYY-MM-DD)' },
    { name: 'sources', type: 'string', value: 'FILE', help: 'source registry file', setting: 'sourcesPath' },
    { name: 'db', type: 'string', value: 'FILE', help: 'database file', setting: 'dbPath' },
  ],
  async run(ctx) {
    if (ctx.positionals.length) throw new UsageError(`unexpected argument "${ctx.positionals[0]}"`);
    const since = stringOption(ctx.options, 'since');
    if (since !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(since)) throw new UsageError(`--since must be a date like 2013-01-01, got "${since}"`);
    const config = ctx.config();
    const sources = pickSources(loadSourceRegistry(config.sourcesPath), (ctx.options.source as string[] | undefined) ?? []);
    const db = openDatabase(config.dbPath);
    const fetcher = createFetcher(fetcherOptionsFromConfig(config, ctx.log));
    const abort = new AbortController();
    const onSigint = () => {
      ctx.err('interrupted: finishing the current item; run the same command again to resume');
      abort.abort();
    };
    process.once('SIGINT', onSigint);
    try {
      syncRegistries(db);
      // Different hosts are crawled in parallel; the fetcher keeps each host to one request at a time.
      const summaries = await Promise.all(
        sources.map((source) =>
          crawlSource({ db, config, log: ctx.log, fetcher }, source, {
            since,
            signal: abort.signal,
            onProgress: since ? (p) => ctx.err(`${p.sourceId}: ${p.pages} pages, ${p.items} items (${p.itemsNew} new, ${p.itemsFailed} failed)`) : undefined,
          }),
        ),
      );
      for (const s of summaries) ctx.out(summaryLine(s));
      return summaries.some((s) => s.status === 'failed') ? 1 : 0;
    } finally {
      process.removeListener('SIGINT', onSigint);
      await fetcher.close();
      db.close();
    }
  },
};

export default command;
