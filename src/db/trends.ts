// Stance over time: per month or quarter, counts per label and a net stance, for one organisation or speaker,
// or grouped by organisation or speaker. Organisation-level questions on whole months read `stance_monthly`
// (kept by triggers, migration 002); the rest reads the denormalised columns of `quotes` through covering indexes.
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
const LABELS = ['supports', 'opposes', 'mixed', 'neutral', 'unrelated'] as const;

export function stanceTrends(db: DB, opts: TrendOptions = {}): TrendRow[] {
  const by = opts.by ?? 'month';
  if (!(by in PERIOD_SQL)) throw new BadRequest(`period must be month or quarter, not "${by}"`);
  const groupBy = opts.groupBy ?? (opts.org || opts.speaker ? 'none' : 'organisation');
  if (!(groupBy in GROUP_SQL)) throw new BadRequest(`groupBy must be organisation, speaker or none, not "${groupBy}"`);
  for (const key of ['from', 'to'] as const) {
    const v = opts[key];
    if (v && !DATE.test(v)) throw new BadRequest(`${key} must be a date like 2016, 2016-07 or 2016-07-21, not "${v}"`);
  }
  const summary = !opts.speaker && !opts.source && groupBy !== 'speaker' && wholeMonth(opts.from) && wholeMonth(opts.to);
  const inner = summary ? monthlyQuery(db, opts, by, groupBy) : quotesQuery(db, opts, by, groupBy);
  if (!inner) return [];
  const g = GROUP_SQL[groupBy];
  // Aggregate first, then name the (few) groups.
  const sql = `SELECT t.period, ${g.cols}, t.supports, t.opposes, t.mixed, t.neutral, t.unrelated, t.total
    FROM (${inner.sql}) t ${g.join} ORDER BY t.period, t.total DESC, "group"`;
  const rows = db.prepare(sql).all(...inner.params) as Omit<TrendRow, 'positioned' | 'net'>[];
  return rows.map(withNet);
}

const wholeMonth = (d: string | undefined) => !d || d.length <= 7;
const where = (conds: SqlCondition[]) => (conds.length ? `WHERE ${conds.map((c) => `(${c.sql})`).join(' AND ')}` : '');

interface Inner {
  sql: string;
  params: unknown[];
}

/** From the monthly summary: one row per organisation, month and label. */
function monthlyQuery(db: DB, opts: TrendOptions, by: TrendPeriod, groupBy: TrendGroup): Inner | null {
  const conds: SqlCondition[] = [{ sql: 'm.n > 0', params: [] }];
  if (opts.org) {
    const id = organisationId(db, opts.org);
    if (id === null) return null;
    conds.push({ sql: 'm.organisation_id = ?', params: [id] });
  }
  if (opts.from) conds.push({ sql: 'm.month >= ?', params: [opts.from] });
  if (opts.to) conds.push({ sql: 'm.month <= ?', params: [`${opts.to}\uffff`] });
  const count = (label: string) => `sum(CASE WHEN m.stance = '${label}' THEN m.n ELSE 0 END) AS ${label}`;
  const period = PERIOD_SQL[by].replaceAll('q.published_at', 'm.month');
  const gid = groupBy === 'organisation' ? 'nullif(m.organisation_id, 0)' : 'NULL';
  return {
    sql: `SELECT ${period} AS period, ${gid} AS gid, ${LABELS.map(count).join(', ')}, sum(m.n) AS total
      FROM stance_monthly m ${where(conds)} GROUP BY period, gid`,
    params: conds.flatMap((c) => c.params),
  };
}

/** From the quotes themselves: any filter, any grouping. */
function quotesQuery(db: DB, opts: TrendOptions, by: TrendPeriod, groupBy: TrendGroup): Inner | null {
  const conds = trendConditions(db, opts);
  if (!conds) return null;
  const count = (label: string) => `sum(q.stance = '${label}') AS ${label}`;
  return {
    sql: `SELECT ${PERIOD_SQL[by]} AS period, ${GROUP_SQL[groupBy].key} AS gid, ${LABELS.map(count).join(', ')}, count(*) AS total
      FROM quotes q ${where(conds)} GROUP BY period, gid`,
    params: conds.flatMap((c) => c.params),
  };
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
  if (opts.from) out.push({ sql: 'q.published_at >= ?', params: [opts.from] });
  if (opts.to) out.push({ sql: 'q.published_at <= ?', params: [`${opts.to}\uffff`] });
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
