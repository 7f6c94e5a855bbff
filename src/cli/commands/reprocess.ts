// `stancewatch reprocess`: re-runs NLP over stored articles after extraction or stance rules improve; corrections are kept.
import { openDatabase } from '../../db/connection.ts';
import { articleIds } from '../../db/articles.ts';
import { syncRegistries } from '../../db/people.ts';
import { reprocessArticle } from '../../pipeline/ingest.ts';
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
    const db = openDatabase(ctx.config().dbPath);
    try {
      syncRegistries(db);
      const ids = articleIds(db, ctx.options.stale ? { staleBefore: NLP_VERSION } : {});
      let failed = 0;
      let quotes = 0;
      for (const id of ids) {
        try {
          quotes += reprocessArticle(db, id);
        } catch (err) {
          failed++;
          ctx.log.error('reprocess failed', { article: id, error: errorMessage(err) });
        }
      }
      ctx.out(`${ids.length} article(s) reprocessed, ${quotes} quote(s), ${failed} failed`);
      return failed ? 1 : 0;
    } finally {
      db.close();
    }
  },
};

export default command;
