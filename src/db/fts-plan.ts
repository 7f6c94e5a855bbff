// Plans search conditions against the data before a query runs, so SQLite can use the right index.
//  - A full-text match: SQLite's default is to fetch every matching row and sort them by date, ideal for a rare
//    word (up to COMMON matches), but for a word in a quarter of a million quotes it sorts them all to show fifty.
//    Common matches are marked `common` and written `+id IN (...)`: the unary plus stops SQLite driving the query
//    from the match, so it walks the date/filter index, probes the match set and stops at the page size. A quote
//    page does better still: search-walk.ts reads the match only over the id range of each window of the walk,
//    and falls back to this plan when that would not pay. (Probing FTS5 row by row was measured at ~40 µs a
//    probe, and a word common years ago but absent lately makes such a walk cross every recent row. Rejected.)
//  - speaker:/org: values become the ids of the people or organisations they name (an indexed IN list); only a
//    name that matches no one falls back to a full-text match on the quoted name.
//  - Filters the quote index holds as tokens (stance, source, organisation: search-facets.ts) join a common match,
//    and what is left decides the plan (see planFullText); a match with no quote at all becomes `0`: for a common
//    word and a stance it never has, FTS5 proves it in one pass over two lists (7–30 ms of CPU at 1M quotes)
//    where the walk or the match set took 75–280 ms. The filters' SQL conditions stay: the tokens only narrow.
//    What each match gave is kept until the data changes (search-matches.ts).
import type { DB } from './connection.ts';
import { likeContains, nameMatch, ORG_IDS_SQL, PERSON_IDS_SQL, quoteMatchCondition, type FieldTerm, type SqlCondition } from './search.ts';
import { facetExpression } from './search-facets.ts';
import { countMatches, fewQuoteMatchIds } from './search-matches.ts';

/** Above this many matches, walking the date index finds a page sooner than sorting every match. */
const COMMON = 2000;
const MAX_IDS = 500;

type FtsCondition = SqlCondition & { fts: NonNullable<SqlCondition['fts']> };

/** Overrides for tests, which force each plan on a small database. */
export interface PlanOptions {
  /** matches above which a full-text match is common */
  common?: number;
  /** matches of a narrowed common match up to which its ids are the condition (default: `common`) */
  few?: number;
}

const common = (c: FtsCondition): SqlCondition => ({ ...c, sql: `+${c.sql}`, common: true });

/**
 * A rare match is kept as it is (its plan reads a few rows anyway, and intersecting it with a filter's long list
 * of tokens costs more than it saves: 2–5 ms for two words and two filters at 1M quotes). A common one is narrowed
 * by the filters the index holds as tokens; when that leaves no more quotes than a rare match has, their ids are
 * the condition, read once (a walk over filters that leave few rows can cross thousands: 50 ms for 260 matches);
 * otherwise the narrowed match is planned as common (search-walk.ts weighs it by the words' list).
 */
function planFullText(db: DB, c: FtsCondition, conds: SqlCondition[], opts: PlanOptions): SqlCondition {
  const n = countMatches(db, c.fts.table, c.fts.match, opts.common ?? COMMON);
  if (n === 0) return { sql: '0', params: [] };
  if (n <= (opts.common ?? COMMON)) return c;
  const narrowed = withFacets(db, c, conds);
  if (narrowed === c) return common(c);
  const ids = fewQuoteMatchIds(db, narrowed.fts.match, opts.few ?? opts.common ?? COMMON);
  if (!ids) return common(narrowed);
  return ids.length ? { sql: 'q.id IN (SELECT value FROM json_each(?))', params: [JSON.stringify(ids)] } : { sql: '0', params: [] };
}

function planNamedTerm(db: DB, c: SqlCondition, t: FieldTerm): SqlCondition {
  const like = likeContains(t.value);
  const ids = (t.field === 'org' ? db.prepare(ORG_IDS_SQL).pluck().all(t.value, t.value, like) : db.prepare(PERSON_IDS_SQL).pluck().all(t.value, like, like)) as number[];
  if (ids.length > MAX_IDS) return c;
  const not = t.negated ? 'NOT ' : '';
  if (ids.length) {
    const col = t.field === 'org' ? 'q.organisation_id' : 'q.person_id';
    const facet = t.field === 'org' && !t.negated ? { key: 'org' as const, values: ids } : undefined;
    return { sql: `${not}${col} IN (${ids.map(() => '?').join(', ')})`, params: ids, facet };
  }
  const match = nameMatch(t);
  if (!match) return { sql: t.negated ? '1' : '0', params: [] };
  return { sql: `${not}q.id IN (SELECT rowid FROM quotes_fts WHERE quotes_fts MATCH ?)`, params: [match] };
}

/** The quote match with every filter the index holds as tokens (none for articles, or without such filters). */
function withFacets(db: DB, c: FtsCondition, conds: SqlCondition[]): FtsCondition {
  if (c.fts.table !== 'quotes_fts') return c;
  const facets = conds.flatMap((f) => (f.facet ? [facetExpression(db, f.facet)] : [])).filter((e) => e !== null);
  if (!facets.length) return c;
  const match = [c.fts.match, ...facets].join(' AND ');
  return { ...quoteMatchCondition(match), fts: { table: 'quotes_fts', match, words: c.fts.match } };
}

export function planConditions(db: DB, conds: SqlCondition[], opts: PlanOptions = {}): SqlCondition[] {
  const named = conds.map((c) => (c.term ? planNamedTerm(db, c, c.term) : c));
  return named.map((c) => (c.fts ? planFullText(db, { ...c, fts: c.fts }, named, opts) : c));
}
