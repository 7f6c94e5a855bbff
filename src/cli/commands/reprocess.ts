// `stancewatch reprocess`: re-runs NLP over stored articles after extraction or stance rules improve; corrections are kept.
import { openDatabase } from '../../db/connection.ts';
import { articleIds } from '../../db/articles.ts';
import { syncRegistries } from '../../db/people.ts';
import { reprocessArticlesWith } from '../../pipeline/ingest.ts';
import { createAnalysisPool } from '../../pipeline/analysis-pool.ts';
import { NLP_VERSION } from '../../nlp/analyse.ts';
import { errorMessage } from '../../errors.ts';
import type { Command } from '../command.ts';

const command: Command = {
  name: 'reprocess',
  summary: 're-run quote, speaker and stance extraction over stored articles (keeps corrections)',
  options: [
    { name: 'stale', type: 'boolean', help: 'only articles processed by an older NLP version' },
    { name: 'db', type: 'string', value: 'FILE', help: 'database file', setting: 'dbPath' },
  ],
  async run(ctx) {
    const config = ctx.config();
    const db = openDatabase(config.dbPath);
    try {
      syncRegistries(db);
      const ids = articleIds(db, ctx.options.stale ? { staleBefore: NLP_VERSION } : {});
      let failed = 0;
      let quotes = 0;
      // Worker threads analyse (one per core by default) while this thread stores each article in turn.
      const pool = createAnalysisPool(config.nlpWorkers, ids.length);
      try {
        await reprocessArticlesWith(pool.run, db, ids, (id, result) => {
          if (typeof result === 'number') return void (quotes += result);
          failed++;
          ctx.log.error('reprocess failed', { article: id, error: errorMessage(result) });
        });
      } finally {
        await pool.close();
      }
      ctx.out(`${ids.length} article(s) reprocessed, ${quotes} quote(s), ${failed} failed`);
      return failed ? 1 : 0;
    } finally {
      db.close();
    }
  },
};

export default command;
