// What the search planner (fts-plan.ts) learns from a full-text match before choosing a plan: how many rows it
// has, and for a match narrowed by filter tokens, its ids when they are few. Both are kept per connection until the
// data changes: a search for a word with a stance it never has costs the whole intersection (7–30 ms at 1M
// quotes), so a repeated one is answered from here.
import { cachedStatement, dataVersion, type DB } from './connection.ts';

// Up to 500 matches' results: at most ~8 MB even if each were a list of 2,000 ids.
const MAX_CACHED = 500;
/** Matches read before estimating how many a narrowed match has in all. */
const SAMPLE = 200;

const caches = new WeakMap<DB, { version: string; entries: Map<string, unknown> }>();

function cached<T>(db: DB, key: string, compute: () => T): T {
  const version = dataVersion(db);
  let cache = caches.get(db);
  if (cache?.version !== version) caches.set(db, (cache = { version, entries: new Map() }));
  if (cache.entries.has(key)) return cache.entries.get(key) as T;
  const value = compute();
  if (cache.entries.size >= MAX_CACHED) cache.entries.delete(cache.entries.keys().next().value!);
  cache.entries.set(key, value);
  return value;
}

/** How many rows match, counted up to `cap` + 1. */
export const countMatches = (db: DB, table: string, match: string, cap: number): number =>
  cached(db, `count ${table} ${cap} ${match}`, () =>
    cachedStatement(db, `SELECT count(*) FROM (SELECT rowid FROM ${table} WHERE ${table} MATCH ? LIMIT ${cap + 1})`).pluck().get(match) as number);

/** Up to `n` ids of a quote match above `after`, ascending. CAST: FTS5 narrows its scan only for an INTEGER bound. */
const idsAfter = (db: DB, match: string, after: number, n: number): number[] =>
  cachedStatement(db, 'SELECT rowid FROM quotes_fts WHERE quotes_fts MATCH ? AND rowid > CAST(? AS INTEGER) ORDER BY rowid LIMIT ?').pluck().all(match, after, n) as number[];

/**
 * The ids of a quote match when it has at most `cap` rows, else null. The first SAMPLE come first: where the last
 * of them lies in the id range estimates how many there are in all (ids grow with time, as search-walk.ts assumes
 * too), so a match with many rows costs a short read, and only a sparse one is read on to the end.
 */
export const fewQuoteMatchIds = (db: DB, match: string, cap: number): number[] | null =>
  cached(db, `ids ${cap} ${match}`, () => {
    const sample = Math.min(SAMPLE, cap);
    const ids = idsAfter(db, match, -1, sample + 1);
    if (ids.length <= sample) return ids;
    const [minId, maxId] = cachedStatement(db, 'SELECT (SELECT min(id) FROM quotes), (SELECT max(id) FROM quotes)').raw().get() as [number, number];
    if ((ids.length * (maxId - minId + 1)) / (ids.at(-1)! - minId + 1) > cap) return null;
    ids.push(...idsAfter(db, match, ids.at(-1)!, cap + 1 - ids.length));
    return ids.length > cap ? null : ids;
  });
