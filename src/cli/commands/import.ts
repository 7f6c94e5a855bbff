// `stancewatch import FILE...`: stores local HTML or text articles and processes them (researchers' archives; offline trials).
import { openDatabase } from '../../db/connection.ts';
import { getSourceState, upsertSource } from '../../db/sources.ts';
import { syncRegistries } from '../../db/people.ts';
import type { IngestResult, IngestStatus } from '../../pipeline/ingest.ts';
import { ingestBatches } from '../../pipeline/batch-ingest.ts';
import { createAnalysisPool } from '../../pipeline/analysis-pool.ts';
import type { ScrapedArticle } from '../../types.ts';
import { normaliseDate } from '../../pipeline/dates.ts';
import { readArticleFile } from '../article-file.ts';
import { errorMessage, toError } from '../../errors.ts';
import { stringOption, UsageError, type Command } from '../command.ts';

const IMPORT_BATCH = 50;

const command: Command = {
  name: 'import',
  summary: 'store local HTML or text article files and extract their quotes',
  args: 'FILE...',
  options: [
    { name: 'source', type: 'string', value: 'ID', help: 'source id to file the articles under (created if new)' },
    { name: 'url', type: 'string', value: 'URL', help: 'original URL (only with a single FILE)' },
    { name: 'published', type: 'string', value: 'DATE', help: 'publication date, e.g. 2016-07-21 (overrides the file\'s own)' },
    { name: 'db', type: 'string', value: 'FILE', help: 'database file', setting: 'dbPath' },
  ],
  async run(ctx) {
    const files = ctx.positionals;
    if (!files.length) throw new UsageError('expected at least one FILE');
    const url = stringOption(ctx.options, 'url');
    if (url && files.length > 1) throw new UsageError('--url applies to a single FILE');
    if (url && !/^https?:\/\//.test(url)) throw new UsageError(`--url must be an http(s) URL, got "${url}"`);
    const publishedArg = stringOption(ctx.options, 'published');
    const published = publishedArg === undefined ? undefined : normaliseDate(publishedArg);
    if (published === null) throw new UsageError(`--published is not a date: "${publishedArg}"`);
    const sourceId = stringOption(ctx.options, 'source') ?? null;

    const config = ctx.config();
    const db = openDatabase(config.dbPath);
    try {
      syncRegistries(db);
      // An id that is not in the registry becomes a disabled 'import' source, so the articles can be filtered by it.
      if (sourceId && !getSourceState(db, sourceId)) upsertSource(db, { id: sourceId, name: sourceId, kind: 'import', organisation: '', enabled: false });
      const counts: Record<IngestStatus | 'failed', number> = { new: 0, updated: 0, unchanged: 0, duplicate: 0, failed: 0 };
      let quotes = 0;
      const report = (file: string, result: IngestResult | Error) => {
        if (result instanceof Error) {
          counts.failed++;
          ctx.log.error(`import failed`, { file, error: errorMessage(result) });
          return;
        }
        counts[result.status]++;
        quotes += result.quotes;
        ctx.log.info(`imported ${file}`, { status: result.status, article: result.articleId, quotes: result.quotes });
      };
      // Worker threads analyse the files (one per core by default) while this thread stores them in batches, one
      // commit per batch (an article that fails is rolled back alone); the next batch is analysed while one is stored.
      const pool = createAnalysisPool(config.nlpWorkers, files.length);
      try {
        const batches = function* () {
          for (let i = 0; i < files.length; i += IMPORT_BATCH) yield readBatch(files.slice(i, i + IMPORT_BATCH), { url, published }, report);
        };
        await ingestBatches(pool.run, db, sourceId, batches(), (items, results) => results.forEach((r, k) => report(items[k]!.file, r)));
      } finally {
        await pool.close();
      }
      ctx.out(`${files.length} file(s): ${counts.new} new, ${counts.updated} updated, ${counts.unchanged} unchanged, ` +
        `${counts.duplicate} duplicate, ${counts.failed} failed; ${quotes} quote(s) extracted`);
      return counts.failed ? 1 : 0;
    } finally {
      db.close();
    }
  },
};

/** Reads files into articles; a file that cannot be read is reported as failed. */
function readBatch(files: string[], opts: { url?: string; published?: string }, report: (file: string, err: Error) => void) {
  const batch: Array<{ file: string; article: ScrapedArticle }> = [];
  for (const file of files) {
    try {
      const article = readArticleFile(file, { textHeader: true, url: opts.url });
      batch.push({ file, article: opts.published ? { ...article, published: opts.published } : article });
    } catch (err) {
      report(file, toError(err));
    }
  }
  return batch;
}

export default command;
