// One page of a search for a common word, found by walking the filters' index in windows.
//
// Why: for a word in a quarter of the quotes, building the whole match set costs 100–250 ms at 1M quotes, and
// probing FTS5 row by row costs ~40 µs a probe. But FTS5 reads a rowid range of a doclist almost for free, and quote
// ids grow with time in practice. So each window takes the next rows of the filter walk (the index SQLite picks
// for stance/org/source/date, in page order), reads the word's matches only between that window's smallest and
// largest id, and keeps the window rows among them. That is exact whatever the ids are: the range covers every id
// in the window; correlation only makes it cheap. The next window is sized from the density seen so far.
// The page comes from the usual plan instead, the whole match set walked in the same order (`+q.id IN (...)`, see
// fts-plan.ts), when walking on would cost more than reading that set (estimated from the matches per id seen),
// or when the windows' id ranges add up to more than the table's (ids not following dates, e.g. after a
// backfill). So a dense combination costs a window or two, and a sparse one little more than the usual plan.
import type Database from 'better-sqlite3';
import { cachedStatement, type DB } from './connection.ts';
import type { SqlCondition } from './search.ts';

const FIRST_WINDOW = 256;
const MAX_WINDOW = 50_000;
/** How many match-set rows one window row is worth, for choosing between walking on and the usual plan. */
const WINDOW_ROW_COST = 4;

type Key = unknown[];

// Window statements vary with the filters people choose, so they are kept in a small cache of the latest shapes
// (preparing one costs ~0.4 ms, a third of running it) rather than in the connection's unbounded one.
const RECENT_SHAPES = 64;
const windowStatements = new WeakMap<DB, Map<string, Database.Statement>>();

function windowStatement(db: DB, sql: string): Database.Statement {
  let cache = windowStatements.get(db);
  if (!cache) windowStatements.set(db, (cache = new Map()));
  let stmt = cache.get(sql);
  if (stmt) cache.delete(sql); // re-inserted below: Map order is recency
  else stmt = db.prepare(sql);
  cache.set(sql, stmt);
  if (cache.size > RECENT_SHAPES) cache.delete(cache.keys().next().value!);
  return stmt;
}

/** The columns of an `a DESC, b DESC` order on quotes `q`, or null for any other order. */
function descColumns(order: string): string[] | null {
  const cols = order.split(',').map((part) => /^\s*(q\.\w+)\s+DESC\s*$/i.exec(part)?.[1] ?? null);
  return cols.every((c) => c !== null) ? (cols as string[]) : null;
}

function where(conds: SqlCondition[]): { sql: string; params: unknown[] } {
  return { sql: conds.length ? `WHERE ${conds.map((c) => `(${c.sql})`).join(' AND ')}` : '', params: conds.flatMap((c) => c.params) };
}

/** Overrides for tests, which force each path on a small database. */
export interface WalkOptions {
  /** rows the walk may take before giving way to the usual plan */
  maxWalk?: number;
  /** rows in the first window */
  firstWindow?: number;
}

interface Walk extends WalkOptions {
  db: DB;
  filters: SqlCondition[];
  match: string;
  /** what the usual plan reads whole: the words without the filter tokens (see fts-plan.ts) */
  words: string;
  cols: string[];
  order: string;
}

interface Window {
  /** rows the window walked */
  walked: number;
  lo: number;
  hi: number;
  /** the window's last row, when the filters go on beyond it */
  last: Key | null;
  /** the window's rows that match, in page order */
  hits: number[];
  /** how many quotes of the window's id range hold the words: their density, to estimate what the usual plan reads */
  matches: number;
}

/**
 * One window in one statement: the next `size` rows of the filter walk are materialised once, then give their
 * id range, their last row and the rows among them that match (read from FTS5 over that id range only).
 * CAST: better-sqlite3 binds JS numbers as REAL, and FTS5 only narrows its doclist scan for an INTEGER bound.
 */
function walkWindow(w: Walk, after: SqlCondition[], size: number, need: number): Window {
  const { sql, params } = where([...w.filters, ...after]);
  const keys = w.cols.map((c, i) => `${c} AS k${i}`).join(', ');
  const desc = w.cols.map((_, i) => `k${i} DESC`).join(', ');
  const asc = w.cols.map((_, i) => `k${i}`).join(', ');
  const range = 'rowid BETWEEN CAST((SELECT min(id) FROM w) AS INTEGER) AND CAST((SELECT max(id) FROM w) AS INTEGER)';
  const rows = windowStatement(w.db, `WITH w AS MATERIALIZED (SELECT q.id, ${keys} FROM quotes q ${sql} ORDER BY ${w.order} LIMIT ?)
    SELECT 0, count(*), min(id), max(id) FROM w
    UNION ALL SELECT * FROM (SELECT 1, json_array(${asc}), NULL, NULL FROM w ORDER BY ${asc} LIMIT 1)
    UNION ALL SELECT 3, count(*), NULL, NULL FROM quotes_fts WHERE quotes_fts MATCH ? AND ${range}
    UNION ALL SELECT * FROM (SELECT 2, id, NULL, NULL FROM w WHERE id IN (SELECT rowid FROM quotes_fts WHERE quotes_fts MATCH ? AND ${range})
      ORDER BY ${desc} LIMIT ?)`)
    .raw().all(...params, size, w.words, w.match, need) as [number, unknown, number | null, number | null][];
  const [, walked, lo, hi] = rows[0] as [number, number, number, number];
  const last = walked === size ? (JSON.parse(rows[1]![1] as string) as Key) : null;
  const matches = rows.find((r) => r[0] === 3)![1] as number;
  return { walked, lo, hi, last, matches, hits: rows.filter((r) => r[0] === 2).map((r) => r[1] as number) };
}

const rowBefore = (w: Walk, key: Key): SqlCondition => ({ sql: `(${w.cols.join(', ')}) < (${w.cols.map(() => '?').join(', ')})`, params: key });

function hasNullKeys(w: Walk): boolean {
  const nullable = w.cols.filter((c) => c !== 'q.id');
  if (!nullable.length) return false;
  const { sql, params } = where([...w.filters, { sql: nullable.map((c) => `${c} IS NULL`).join(' OR '), params: [] }]);
  return w.db.prepare(`SELECT EXISTS (SELECT 1 FROM quotes q ${sql})`).pluck().get(...params) === 1;
}

/** The page's ids, or null when the usual plan should find them (see above, and a window ending on a NULL key). */
function walkPage(w: Walk, need: number): number[] | null {
  const [minId, maxId] = cachedStatement(w.db, 'SELECT (SELECT min(id) FROM quotes), (SELECT max(id) FROM quotes)').raw().get() as [number, number];
  const ids: number[] = [];
  let after: SqlCondition[] = [];
  let size = w.firstWindow ?? Math.max(FIRST_WINDOW, 4 * need);
  let walked = 0;
  let span = 0;
  let matches = 0;
  for (;;) {
    const win = walkWindow(w, after, size, need - ids.length);
    ids.push(...win.hits);
    if (ids.length >= need) return ids;
    // A NULL key sorts last and fails every row-value `<`: after the first window, rows with one were skipped.
    if (!win.last) return after.length && hasNullKeys(w) ? null : ids;
    if (win.last.includes(null)) return null;
    after = [rowBefore(w, win.last)];
    walked += win.walked;
    span += win.hi - win.lo + 1;
    matches += win.matches;
    // No match yet means under one match in `walked` rows (a page would need ~50 × walked rows), and ids that do
    // not follow the walk's order make every window read most of the match set: the usual plan is better.
    if (!ids.length || span > maxId - minId) break;
    // Size the next window for the rows still missing at the density seen so far, and walk it only while the walk
    // stays well short of the words' whole match list (estimated from the matches per id seen so far), which is
    // what the usual plan reads (with filter tokens, FTS5 still reads it whole to intersect): a window row costs a
    // few times a list entry (materialised, and its range read twice).
    size = Math.min(MAX_WINDOW, Math.max(size, Math.ceil((1.5 * (need - ids.length) * walked) / ids.length)));
    if (walked + size > (w.maxWalk ?? (matches / span) * (maxId - minId + 1) / WINDOW_ROW_COST)) break;
  }
  // The usual plan from the start: continuing after the last window would add a row-value test to every row,
  // which costs more (~30% on a long walk) than walking the few windowed rows again.
  return null;
}

/**
 * The conditions that select one page of quotes `q` in `order` (at most `n` rows). With a common full-text match
 * (marked `common` by fts-plan.ts) and a descending keyset order, the page is found by the windowed walk above
 * and returned as its ids; otherwise the conditions are returned as they are, as they are too when rows with a
 * NULL in an order column would be reached (listQuotes' keyset segments never select any).
 */
export function pageConditions(db: DB, conds: SqlCondition[], order: string, n: number, opts: WalkOptions = {}): SqlCondition[] {
  const i = conds.findIndex((c) => c.common && c.fts?.table === 'quotes_fts');
  const cols = descColumns(order);
  if (i < 0 || !cols) return conds;
  const { match, words = match } = conds[i]!.fts!;
  const ids = walkPage({ ...opts, db, filters: conds.filter((_, j) => j !== i), match, words, cols, order }, n);
  if (!ids) return conds;
  return [{ sql: ids.length ? `q.id IN (${ids.map(() => '?').join(', ')})` : '0', params: ids }];
}
