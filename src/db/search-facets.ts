// Filters that the quote index also holds, as tokens of its `facets` column (migration 004), so a search's
// full-text match can carry them and FTS5 intersects the lists itself: proving that a common word never occurs
// with a stance costs one pass over two doclists in C instead of a look-up per match.
// The filter's SQL condition stays in the query: the tokens only narrow the match, so they must hold at least every
// quote the condition accepts, which the triggers of migration 004 keep true.
import { cachedStatement, type DB } from './connection.ts';

export type FacetKey = 'stance' | 'source' | 'org';

/** A filter's values (a quote with any of them passes), given or found by `lookup` with `params`. */
export type FacetFilter =
  | { key: FacetKey; values: readonly (string | number)[] }
  | { key: FacetKey; lookup: string; params: readonly unknown[] };

/** The columns people search. Every user expression is restricted to them, so no input can reach the tokens. */
export const USER_COLUMNS = '{text speaker_name speaker_org}';

/** Beyond this many values (an org: name matching many organisations) the filter is left to SQL alone. */
const MAX_VALUES = 8;

/** One value's token, built as migration 004's SQL builds it (the tokenizer folds case, so hex() matches). */
export function facetToken(key: FacetKey, value: string | number): string {
  if (key === 'stance') return `stance${value}`;
  if (key === 'source') return `src${Buffer.from(String(value), 'utf8').toString('hex')}`;
  return `org${value}`;
}

const literal = (token: string) => `"${token.replace(/"/g, '""')}"`;

/** False on a database opened read-only before migration 004 (benches open the shared seed that way). */
const indexHoldsFacets = (db: DB) =>
  cachedStatement(db, "SELECT count(*) FROM pragma_table_info('quotes_fts') WHERE name = 'facets'").pluck().get() === 1;

/** The FTS5 expression that a filter adds to a match, or null when it is left to SQL. */
export function facetExpression(db: DB, f: FacetFilter): string | null {
  if (!indexHoldsFacets(db)) return null;
  const values = 'values' in f ? f.values : (cachedStatement(db, f.lookup).pluck().all(...f.params) as (string | number)[]);
  if (!values.length || values.length > MAX_VALUES) return null;
  return `facets : (${values.map((v) => literal(facetToken(f.key, v))).join(' OR ')})`;
}
