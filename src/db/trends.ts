// Stance over time: per month or quarter, counts per label and a net stance, for one organisation or speaker,
// or grouped by organisation or speaker. Reads the denormalised columns of `quotes` (no join on the hot path).
import type { DB } from './connection.ts';
import { BadRequest } from '../errors.ts';
import type { SqlCondition } from './search.ts';

export type TrendPeriod = 'month' | 'quarter';
export type TrendGroup = 'organisation' | 'speaker' | 'none';

export interface TrendOptions {
  /** Period length; month by default. */
  by?: TrendPeriod;
  /** Organisation slug, short name (acronym) or full name. */
  org?: string;
  /** Person slug, name or alias. */
  speaker?: string;
  /** Inclusive dates, YYYY[-MM[-DD]]. */
  from?: string;
  to?: string;
  /** Source id. */
  source?: string;
  /** Default: 'none' when org or speaker is fixed, else 'organisation'. */
  groupBy?: TrendGroup;
}

export interface TrendRow {
  /** "2016-07" (month) or "2016-Q3" (quarter). */
  period: string;
  /** Organisation or person slug; null for quotes with no linked organisation/person, or when not grouped. */
  group: string | null;
  groupName: string | null;
  supports: number;
  opposes: number;
  mixed: number;
  neutral: number;
  unrelated: number;
  total: number;
  /** Quotes that took a position (supports + opposes + mixed): the base of `net`. */
  positioned: number;
  /** (supports − opposes) / positioned, in −1..1; null when no quote took a position. */
  net: number | null;
}

const PERIOD_SQL: Record<TrendPeriod, string> = {
  month: 'substr(q.published_at, 1, 7)',
  quarter: "substr(q.published_at, 1, 4) || '-Q' || ((CAST(substr(q.published_at, 6, 2) AS INTEGER) + 2) / 3)",
};

const GROUP_SQL: Record<TrendGroup, { key: string; join: string; cols: string }> = {
  organisation: { key: 'q.organisation_id', join: 'LEFT JOIN organisations g ON g.id = t.gid', cols: 'g.slug AS "group", g.name AS groupName' },
  speaker: { key: 'q.person_id', join: 'LEFT JOIN people g ON g.id = t.gid', cols: 'g.slug AS "group", g.name AS groupName' },
  none: { key: 'NULL', join: '', cols: 'NULL AS "group", NULL AS groupName' },
};

const DATE = /^\d{4}(-\d{2}(-\d{2})?)?$/;

export function stanceTrends(db: DB, opts: TrendOptions = {}): TrendRow[] {
  const by = opts.by ?? 'month';
  if (!(by in PERIOD_SQL)) throw new BadRequest(`period must be month or quarter, not "${by}"`);
  const groupBy = opts.groupBy ?? (opts.org || opts.speaker ? 'none' : 'organisation');
  if (!(groupBy in GROUP_SQL)) throw new BadRequest(`groupBy must be organisation, speaker or none, not "${groupBy}"`);
  const conds = trendConditions(db, opts);
  if (!conds) return [];
  const g = GROUP_SQL[groupBy];
  // Aggregate on quotes alone first, then name the (few) groups.
  const sql = `SELECT t.period, ${g.cols}, t.supports, t.opposes, t.mixed, t.neutral, t.unrelated, t.total
    FROM (SELECT ${PERIOD_SQL[by]} AS period, ${g.key} AS gid,
            sum(q.stance = 'supports') AS supports, sum(q.stance = 'opposes') AS opposes, sum(q.stance = 'mixed') AS mixed,
            sum(q.stance = 'neutral') AS neutral, sum(q.stance = 'unrelated') AS unrelated, count(*) AS total
          FROM quotes q WHERE ${conds.map((c) => `(${c.sql})`).join(' AND ')}
          GROUP BY period, gid) t ${g.join}
    ORDER BY t.period, t.total DESC, "group"`;
  const rows = db.prepare(sql).all(...conds.flatMap((c) => c.params)) as Omit<TrendRow, 'positioned' | 'net'>[];
  return rows.map(withNet);
}

export function withNet(r: Omit<TrendRow, 'positioned' | 'net'>): TrendRow {
  const positioned = r.supports + r.opposes + r.mixed;
  return { ...r, positioned, net: positioned ? (r.supports - r.opposes) / positioned : null };
}

/** SQL conditions for the filters; null when a named organisation or speaker does not exist (no rows). */
function trendConditions(db: DB, opts: TrendOptions): SqlCondition[] | null {
  const out: SqlCondition[] = [{ sql: 'q.published_at IS NOT NULL', params: [] }];
  if (opts.org) {
    const id = organisationId(db, opts.org);
    if (id === null) return null;
    out.push({ sql: 'q.organisation_id = ?', params: [id] });
  }
  if (opts.speaker) {
    const ids = personIds(db, opts.speaker);
    if (!ids.length) return null;
    out.push({ sql: `q.person_id IN (${ids.map(() => '?').join(', ')})`, params: ids });
  }
  for (const [key, op] of [['from', '>='], ['to', '<=']] as const) {
    const v = opts[key];
    if (!v) continue;
    if (!DATE.test(v)) throw new BadRequest(`${key} must be a date like 2016, 2016-07 or 2016-07-21, not "${v}"`);
    out.push({ sql: `q.published_at ${op} ?`, params: [key === 'to' ? `${v}\uffff` : v] });
  }
  if (opts.source) out.push({ sql: 'q.source_id = ?', params: [opts.source] });
  return out;
}

export function organisationId(db: DB, name: string): number | null {
  const row = db
    .prepare(`SELECT id FROM organisations WHERE slug = @n OR lower(acronym) = lower(@n) OR lower(name) = lower(@n)
      ORDER BY slug = @n DESC LIMIT 1`)
    .get({ n: name.trim() }) as { id: number } | undefined;
  return row?.id ?? null;
}

/** The person and everyone merged into them. */
export function personIds(db: DB, name: string): number[] {
  const row = db
    .prepare(`SELECT coalesce(merged_into, id) AS id FROM people WHERE slug = @n OR lower(name) = lower(@n)
      OR id IN (SELECT person_id FROM person_aliases WHERE lower(alias) = lower(@n)) ORDER BY slug = @n DESC LIMIT 1`)
    .get({ n: name.trim() }) as { id: number } | undefined;
  if (!row) return [];
  return db.prepare('SELECT id FROM people WHERE id = ? OR merged_into = ?').pluck().all(row.id, row.id) as number[];
}
