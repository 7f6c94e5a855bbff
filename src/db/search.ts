// Turns what a person types in the search box into a safe FTS5 MATCH expression plus SQL conditions
// with bound parameters. Every user term is emitted as an FTS5 string literal, so no input can inject
// FTS5 syntax; anything we cannot make sense of becomes a BadRequest with a message a person can act on.
import { BadRequest } from '../errors.ts';
import { QUOTE_KINDS, STANCES } from '../types.ts';
import { USER_COLUMNS, type FacetFilter } from './search-facets.ts';

export const SEARCH_FIELDS = ['speaker', 'org', 'stance', 'source', 'kind', 'before', 'after'] as const;
export type SearchField = (typeof SEARCH_FIELDS)[number];

export interface FieldTerm {
  field: SearchField;
  value: string;
  negated: boolean;
}

export interface ParsedSearch {
  /** FTS5 expression for the positive words/phrases, or null when there are none. */
  match: string | null;
  /** FTS5 expressions that must NOT match (used when there is no positive expression). */
  exclude: string[];
  fields: FieldTerm[];
}

export interface SqlCondition {
  sql: string;
  params: unknown[];
  /** Set on a full-text condition, so the query can be planned by how many rows it matches (see fts-plan.ts). */
  fts?: {
    table: 'quotes_fts' | 'articles_fts';
    match: string;
    /** the words alone when `match` also holds filter tokens: the list that the usual plan reads whole (search-walk.ts) */
    words?: string;
  };
  /** Set by fts-plan.ts on a full-text condition that matches many rows: a page is found faster by walking the filters (search-walk.ts). */
  common?: boolean;
  /** Set on speaker:/org: conditions, which the planner can narrow to the matching ids (see fts-plan.ts). */
  term?: FieldTerm;
  /** Set on a filter that the quote index also holds as tokens: the planner adds it to the text match (search-facets.ts). */
  facet?: FacetFilter;
}

const MAX_QUERY_LENGTH = 500;
const MAX_TERMS = 32;

type Token =
  | { type: 'or' }
  | { type: 'term'; text: string; phrase: boolean; prefix: boolean; negated: boolean; field: string | null };

/** Splits the query into terms, phrases, OR and field:value pairs. */
function tokenize(input: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < input.length) {
    if (/\s/.test(input[i]!)) { i++; continue; }
    let negated = false;
    if (input[i] === '-' && i + 1 < input.length && !/\s/.test(input[i + 1]!)) { negated = true; i++; }
    let field: string | null = null;
    const fieldMatch = /^([A-Za-z]+):(?=\S)/.exec(input.slice(i));
    if (fieldMatch) { field = fieldMatch[1]!.toLowerCase(); i += fieldMatch[0].length; }
    if (input[i] === '"') {
      const close = input.indexOf('"', i + 1);
      if (close === -1) throw new BadRequest('A quotation mark is not closed: phrases go between two " marks, like "new framework".');
      const text = input.slice(i + 1, close);
      i = close + 1;
      const prefix = input[i] === '*';
      if (prefix) i++;
      tokens.push({ type: 'term', text, phrase: true, prefix, negated, field });
      continue;
    }
    let j = i;
    while (j < input.length && !/\s/.test(input[j]!) && input[j] !== '"') j++;
    let word = input.slice(i, j);
    i = j;
    if (word === 'OR' && !negated && !field) { tokens.push({ type: 'or' }); continue; }
    if (word === 'AND' && !negated && !field) continue; // words are ANDed anyway
    // "org:" with nothing after it is a field left empty, not a search for the word "org".
    const bareField = /^([A-Za-z]+):$/.exec(word)?.[1]?.toLowerCase();
    if (!field && bareField && (SEARCH_FIELDS as readonly string[]).includes(bareField)) checkFieldValue(bareField as SearchField, '');
    const prefix = word.endsWith('*');
    word = word.replace(/\*+$/, '');
    tokens.push({ type: 'term', text: word, phrase: false, prefix, negated, field });
  }
  return tokens;
}

/** An FTS5 string literal: the words in double quotes, quotes doubled. Returns null when no word is left. */
function ftsLiteral(text: string, prefix: boolean): string | null {
  const words = text.match(/[\p{L}\p{N}]+(?:['’][\p{L}]+)?/gu);
  if (!words) return null;
  const literal = `"${words.join(' ').replace(/"/g, '""')}"`;
  return prefix ? `${literal} *` : literal;
}

function checkFieldValue(field: SearchField, value: string): string {
  const v = value.trim();
  if (!v) throw new BadRequest(`${field}: needs a value, like ${field}:${field === 'stance' ? 'opposes' : 'something'}.`);
  if (field === 'stance') {
    const s = v.toLowerCase();
    if (!(STANCES as readonly string[]).includes(s)) throw new BadRequest(`stance: must be one of ${STANCES.join(', ')} (got "${v}").`);
    return s;
  }
  if (field === 'kind') {
    const k = v.toLowerCase();
    if (!(QUOTE_KINDS as readonly string[]).includes(k)) throw new BadRequest(`kind: must be one of ${QUOTE_KINDS.join(', ')} (got "${v}").`);
    return k;
  }
  if (field === 'before' || field === 'after') return checkDate(field, v);
  return v;
}

/** Accepts YYYY, YYYY-MM or YYYY-MM-DD (a real date), returned as typed: string comparison does the rest. */
export function checkDate(label: string, v: string): string {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(v);
  const [y, mo, d] = m ? [Number(m[1]), Number(m[2] ?? 1), Number(m[3] ?? 1)] : [0, 0, 0];
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (!m || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) {
    throw new BadRequest(`${label}: needs a date like 2016-07-21, 2016-07 or 2016 (got "${v}").`);
  }
  return v;
}

/** Parses a search query. Throws BadRequest with a friendly message when it cannot. */
export function parseSearch(input: string): ParsedSearch {
  if (input.length > MAX_QUERY_LENGTH) throw new BadRequest(`The search is too long (${input.length} characters; the limit is ${MAX_QUERY_LENGTH}).`);
  const tokens = tokenize(input);
  if (tokens.filter((t) => t.type === 'term').length > MAX_TERMS) throw new BadRequest(`The search has too many terms (the limit is ${MAX_TERMS}).`);
  const fields: FieldTerm[] = [];
  const groups: string[][] = [];
  const exclude: string[] = [];
  let joinNext = false;
  tokens.forEach((t, idx) => {
    if (t.type === 'or') {
      const prev = tokens[idx - 1];
      const next = tokens[idx + 1];
      if (!prev || !next || prev.type !== 'term' || next.type !== 'term') {
        throw new BadRequest('OR needs a word or phrase on each side, like: inspection OR framework.');
      }
      if (prev.negated || next.negated || prev.field || next.field) {
        throw new BadRequest('OR works between plain words or phrases, not with -exclusions or fields like speaker:.');
      }
      if (!groups.length) throw new BadRequest('OR needs a word or phrase on each side, like: inspection OR framework.');
      joinNext = true;
      return;
    }
    if (t.field !== null) {
      if (!(SEARCH_FIELDS as readonly string[]).includes(t.field)) {
        throw new BadRequest(`Unknown field "${t.field}:". Fields you can use: ${SEARCH_FIELDS.map((f) => f + ':').join(' ')}`);
      }
      const field = t.field as SearchField;
      fields.push({ field, value: checkFieldValue(field, t.text), negated: t.negated });
      return;
    }
    const literal = ftsLiteral(t.text, t.prefix);
    if (!literal) {
      if (joinNext) throw new BadRequest('OR needs a word or phrase on each side, like: inspection OR framework.');
      return; // punctuation on its own: nothing to search for
    }
    if (t.negated) { exclude.push(literal); return; }
    if (joinNext) groups[groups.length - 1]!.push(literal);
    else groups.push([literal]);
    joinNext = false;
  });
  const positive = groups.map((g) => (g.length > 1 ? `(${g.join(' OR ')})` : g[0]!));
  let match: string | null = positive.length ? positive.join(' AND ') : null;
  if (match && exclude.length) {
    match = `(${match})${exclude.map((e) => ` NOT ${e}`).join('')}`;
    return { match, exclude: [], fields };
  }
  return { match, exclude, fields };
}

/** Escapes LIKE wildcards; use with ESCAPE '\'. */
export function likeContains(value: string): string {
  return `%${value.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** One field term as an SQL condition on the quotes table aliased `q`. */
export function fieldCondition(t: FieldTerm): SqlCondition {
  const cond = positiveFieldCondition(t);
  const term = t.field === 'org' || t.field === 'speaker' ? t : undefined;
  if (t.negated) return { sql: `NOT ${cond.sql}`, params: cond.params, term };
  return { ...cond, term };
}

/** The names that an org: or speaker: value matches, as SQL returning ids; used with params [v, v, like(v)]. */
export const ORG_IDS_SQL = `SELECT id FROM organisations WHERE slug = ? COLLATE NOCASE OR acronym = ? COLLATE NOCASE OR name LIKE ? ESCAPE '\\'`;
export const PERSON_IDS_SQL = `SELECT id FROM people WHERE slug = ? COLLATE NOCASE OR name LIKE ? ESCAPE '\\' UNION SELECT person_id FROM person_aliases WHERE alias LIKE ? ESCAPE '\\'`;

/** Full-text match on the speaker_org or speaker_name column, for names not linked to a known organisation or person. */
export function nameMatch(t: FieldTerm): string | null {
  const fts = ftsLiteral(t.value, false);
  return fts ? `${t.field === 'org' ? 'speaker_org' : 'speaker_name'} : ${fts}` : null;
}

function positiveFieldCondition(t: FieldTerm): SqlCondition {
  const v = t.value;
  switch (t.field) {
    case 'stance': return { sql: 'q.stance = ?', params: [v], facet: { key: 'stance', values: [v] } };
    case 'kind': return { sql: 'q.kind = ?', params: [v] };
    case 'after': return { sql: 'q.published_at >= ?', params: [v] };
    case 'before': return { sql: 'q.published_at < ?', params: [v] };
    case 'source': {
      const ids = `SELECT id FROM sources WHERE id = ? COLLATE NOCASE OR name LIKE ? ESCAPE '\\'`;
      const params = [v, likeContains(v)];
      return { sql: `q.source_id IN (${ids})`, params, facet: { key: 'source', lookup: ids, params } };
    }
    case 'org':
    case 'speaker': {
      const col = t.field === 'org' ? 'q.organisation_id' : 'q.person_id';
      const ids = t.field === 'org' ? ORG_IDS_SQL : PERSON_IDS_SQL;
      const idParams = t.field === 'org' ? [v, v, likeContains(v)] : [v, likeContains(v), likeContains(v)];
      const match = nameMatch(t);
      if (!match) return { sql: `(${col} IN (${ids}))`, params: idParams };
      return { sql: `(${col} IN (${ids}) OR q.id IN (SELECT rowid FROM quotes_fts WHERE quotes_fts MATCH ?))`, params: [...idParams, match] };
    }
  }
}

/** Quotes `q` whose index entry matches an FTS5 expression. */
export function quoteMatchCondition(match: string): SqlCondition {
  return { sql: 'q.id IN (SELECT rowid FROM quotes_fts WHERE quotes_fts MATCH ?)', params: [match], fts: { table: 'quotes_fts', match } };
}

/** A user's expression, kept to the columns people search (not the index's filter tokens). */
const userColumns = (expr: string) => `${USER_COLUMNS} : (${expr})`;

/** Conditions on quotes `q` for a parsed search: the text match and every field term. */
export function quoteSearchConditions(p: ParsedSearch): SqlCondition[] {
  const out: SqlCondition[] = [];
  if (p.match) out.push(quoteMatchCondition(userColumns(p.match)));
  for (const e of p.exclude) out.push({ sql: 'q.id NOT IN (SELECT rowid FROM quotes_fts WHERE quotes_fts MATCH ?)', params: [userColumns(e)] });
  for (const f of p.fields) out.push(fieldCondition(f));
  return out;
}
