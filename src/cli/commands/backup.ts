// `stancewatch backup FILE`: a consistent copy of the database, safe to run while `serve` is running.
import { openDatabase } from '../../db/connection.ts';
import { backupDatabase } from '../../db/backup.ts';
import { UsageError, type Command } from '../command.ts';

const command: Command = {
  name: 'backup',
  summary: 'copy the database to FILE while the server keeps running (SQLite online backup), then verify the copy',
  args: 'FILE',
  options: [
    { name: 'force', type: 'boolean', help: 'overwrite FILE if it exists' },
    { name: 'db', type: 'string', value: 'FILE', help: 'database file', setting: 'dbPath' },
  ],
  async run(ctx) {
    if (ctx.positionals.length !== 1) throw new UsageError('expected exactly one FILE to write the backup to');
    const dest = ctx.positionals[0]!;
    const config = ctx.config();
    const db = openDatabase(config.dbPath, { readonly: true });
    try {
      const t = Date.now();
      const r = await backupDatabase(db, dest, { overwrite: ctx.options.force === true });
      ctx.out(`backed up ${config.dbPath} to ${dest}: ${r.pages} pages, ${r.articles} articles, ${r.quotes} quotes, schema ${r.schemaVersion}, integrity ok (${Date.now() - t} ms)`);
      return 0;
    } finally {
      db.close();
    }
  },
};

export default command;
