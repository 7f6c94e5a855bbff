// `stancewatch sources`: every registered source with its health, failing ones first.
import { openDatabase } from '../../db/connection.ts';
import { listSourceHealth, upsertSource, type SourceHealthRow } from '../../db/sources.ts';
import { loadSourceRegistry } from '../../source-registry.ts';
import type { Command } from '../command.ts';

function state(s: SourceHealthRow): string {
  if (!s.enabled) return 'disabled';
  if (s.consecutiveFailures > 0) return `FAILING ×${s.consecutiveFailures}`;
  if (!s.lastRunAt) return 'never run';
  if (s.lastStatus === 'skipped') return 'skipped';
  return s.backfilling ? 'ok (backfill pending)' : 'ok';
}

const day = (iso: string | null) => (iso ? iso.slice(0, 16).replace('T', ' ') : '-');

const command: Command = {
  name: 'sources',
  summary: 'list the sources with their health: last run, last success, failures, last error',
  options: [
    { name: 'json', type: 'boolean', help: 'print JSON' },
    { name: 'sources', type: 'string', value: 'FILE', help: 'source registry file', setting: 'sourcesPath' },
    { name: 'db', type: 'string', value: 'FILE', help: 'database file', setting: 'dbPath' },
  ],
  async run(ctx) {
    const config = ctx.config();
    const registry = loadSourceRegistry(config.sourcesPath);
    const db = openDatabase(config.dbPath);
    try {
      for (const s of registry) upsertSource(db, { id: s.id, name: s.name, kind: s.kind, organisation: s.organisation, enabled: s.enabled });
      const inRegistry = new Set(registry.map((s) => s.id));
      const rows = listSourceHealth(db)
        .filter((s) => inRegistry.has(s.id))
        .sort((a, b) => b.consecutiveFailures - a.consecutiveFailures || a.id.localeCompare(b.id));
      if (ctx.options.json) {
        ctx.out(JSON.stringify(rows.map((r) => ({ ...r, state: state(r) })), null, 2));
        return 0;
      }
      ctx.out(['source'.padEnd(20), 'kind'.padEnd(12), 'state'.padEnd(22), 'last run'.padEnd(16), 'last success'.padEnd(16), 'new', 'articles', 'last error'].join('  '));
      for (const r of rows) {
        ctx.out(
          [r.id.padEnd(20), r.kind.padEnd(12), state(r).padEnd(22), day(r.lastRunAt).padEnd(16), day(r.lastSuccessAt).padEnd(16), String(r.lastItemsNew ?? '-').padStart(3), String(r.articles).padStart(8), r.lastError ?? ''].join('  '),
        );
      }
      return 0;
    } finally {
      db.close();
    }
  },
};

export default command;
