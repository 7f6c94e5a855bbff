// `stancewatch trends --org ADCS --by quarter [--speaker SLUG] [--from DATE] [--to DATE] [--json]`: stance over time.
import { existsSync } from 'node:fs';
import { openDatabase } from '../../db/connection.ts';
import { stanceTrends, type TrendGroup, type TrendPeriod, type TrendRow } from '../../db/trends.ts';
import { checkDate } from '../../db/search.ts';
import { stringOption, UsageError, type Command } from '../command.ts';

const PERIODS: TrendPeriod[] = ['month', 'quarter'];
const GROUPS: TrendGroup[] = ['organisation', 'speaker', 'none'];
const COLUMNS = ['period', 'group', 'supports', 'opposes', 'mixed', 'neutral', 'unrelated', 'total', 'net', 'n'] as const;

function oneOf<T extends string>(value: string | undefined, allowed: T[], name: string): T | undefined {
  if (value === undefined) return undefined;
  if (!(allowed as string[]).includes(value)) throw new UsageError(`--${name} must be one of ${allowed.join(', ')}`);
  return value as T;
}

/** A --from/--to value: a real calendar date (2016-02-30 is refused, not read as March), else a usage error. */
function dateOption(value: string | undefined, name: string): string | undefined {
  if (value === undefined) return undefined;
  try {
    return checkDate(`--${name}`, value);
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
}

/** Net stance with its base, e.g. "+0.50" over n=4; "–" when no quote took a position. */
function cells(r: TrendRow): string[] {
  const net = r.net === null ? '–' : `${r.net >= 0 ? '+' : ''}${r.net.toFixed(2)}`;
  return [r.period, r.group ?? (r.groupName === null ? '' : '?'), ...[r.supports, r.opposes, r.mixed, r.neutral, r.unrelated, r.total].map(String), net, String(r.positioned)];
}

export function formatTrendTable(rows: TrendRow[]): string {
  const body = rows.map(cells);
  const widths = COLUMNS.map((c, i) => Math.max(c.length, ...body.map((b) => b[i]!.length)));
  const line = (cols: readonly string[]) => cols.map((c, i) => (i < 2 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ').trimEnd();
  return [line(COLUMNS), ...body.map(line)].join('\n');
}

const command: Command = {
  name: 'trends',
  summary: 'stance on the inspection regime per month or quarter: counts per label and net stance ((supports − opposes) / n, n = quotes with a position)',
  options: [
    { name: 'org', type: 'string', value: 'NAME', help: 'one organisation: short name (ADCS), slug or full name' },
    { name: 'speaker', type: 'string', value: 'SLUG', help: 'one speaker: person slug, name or alias' },
    { name: 'by', type: 'string', value: 'PERIOD', help: 'month (default) or quarter' },
    { name: 'group', type: 'string', value: 'GROUP', help: 'organisation, speaker or none (default: none when --org/--speaker is given, else organisation)' },
    { name: 'from', type: 'string', value: 'DATE', help: 'first date, inclusive (YYYY[-MM[-DD]])' },
    { name: 'to', type: 'string', value: 'DATE', help: 'last date, inclusive (YYYY[-MM[-DD]])' },
    { name: 'source', type: 'string', value: 'ID', help: 'only quotes from this source' },
    { name: 'json', type: 'boolean', help: 'print JSON rows instead of a table' },
    { name: 'db', type: 'string', value: 'FILE', help: 'database file', setting: 'dbPath' },
  ],
  async run(ctx) {
    if (ctx.positionals.length) throw new UsageError('trends takes no positional arguments');
    const o = ctx.options;
    const query = {
      by: oneOf(stringOption(o, 'by'), PERIODS, 'by') ?? 'month',
      groupBy: oneOf(stringOption(o, 'group'), GROUPS, 'group'),
      org: stringOption(o, 'org'),
      speaker: stringOption(o, 'speaker'),
      from: dateOption(stringOption(o, 'from'), 'from'),
      to: dateOption(stringOption(o, 'to'), 'to'),
      source: stringOption(o, 'source'),
    };
    const dbPath = ctx.config().dbPath;
    // Read-only, so a mistyped path must not become a new empty database: say what is missing instead.
    if (!existsSync(dbPath)) throw new Error(`there is no database at ${dbPath}: import or crawl articles first, or give the right --db FILE (or STANCEWATCH_DB)`);
    const db = openDatabase(dbPath, { readonly: true });
    try {
      const rows = stanceTrends(db, query);
      if (o.json) ctx.out(JSON.stringify({ query, rows }, null, 2));
      else ctx.out(rows.length ? formatTrendTable(rows) : 'no dated quotes match');
      return 0;
    } finally {
      db.close();
    }
  },
};

export default command;
