// Query parameters shared by every list view: bare names filter, `_`-prefixed names control (Datasette style).
import { BadRequest } from '../../src/errors.ts';
import { checkDate } from '../../src/db/search.ts';
import { decodeCursor, type Cursor, type QuoteFilters } from '../../src/db/timeline.ts';
import { QUOTE_KINDS, STANCES, type QuoteKind, type Stance } from '../../src/types.ts';

const SLUG = /^[\w.-]{1,120}$/;

function slugParam(name: string, value: string | undefined): string | undefined {
  if (!value) return undefined;
  if (!SLUG.test(value)) throw new BadRequest(`The ${name} filter "${value.slice(0, 80)}" is not a valid identifier.`);
  return value;
}

function oneOf<T extends string>(name: string, allowed: readonly T[], value: string | undefined): T | undefined {
  if (!value) return undefined;
  if (!(allowed as readonly string[]).includes(value)) throw new BadRequest(`${name} must be one of ${allowed.join(', ')}.`);
  return value as T;
}

export function parseFilters(query: Record<string, string>): QuoteFilters {
  const f: QuoteFilters = {};
  if (query.q?.trim()) f.q = query.q;
  // Person and organisation slugs are lower-case; `org=ADCS` is what people type after reading `org:ADCS`.
  f.speaker = slugParam('speaker', query.speaker?.toLowerCase());
  f.org = slugParam('org', query.org?.toLowerCase());
  f.source = slugParam('source', query.source);
  f.stance = oneOf<Stance>('stance', STANCES, query.stance);
  f.kind = oneOf<QuoteKind>('kind', QUOTE_KINDS, query.kind);
  if (query.from) f.from = checkDate('from', query.from);
  if (query.to) f.to = checkDate('to', query.to);
  if (query.placement) {
    oneOf('placement', ['body'], query.placement);
    f.bodyOnly = true;
  }
  for (const k of Object.keys(f) as (keyof QuoteFilters)[]) if (f[k] === undefined) delete f[k];
  return f;
}

/** The filters as URL parameters again (for links that keep them). */
export function filterParams(f: QuoteFilters): Record<string, string> {
  const out: Record<string, string> = {};
  for (const k of ['q', 'speaker', 'org', 'stance', 'source', 'kind', 'from', 'to'] as const) if (f[k]) out[k] = f[k]!;
  if (f.bodyOnly) out.placement = 'body';
  return out;
}

export function parseCursor(query: Record<string, string>): Cursor | null {
  return query._next ? decodeCursor(query._next) : null;
}

export function parseSize(query: Record<string, string>, fallback = 50, max = 200): number {
  if (!query._size) return fallback;
  if (!/^\d{1,4}$/.test(query._size) || +query._size < 1 || +query._size > max) throw new BadRequest(`_size must be a number from 1 to ${max}.`);
  return +query._size;
}

/** `path?params` with empty values left out. */
export function urlWith(path: string, params: Record<string, string | undefined>): string {
  const qs = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v) qs.set(k, v);
  const s = qs.toString();
  return s ? `${path}?${s}` : path;
}

/** Splits "123.json" into ["123", "json"]; a plain "123" gives format "html". */
export function splitFormat(param: string, allowed: readonly string[] = ['json']): { base: string; format: string } {
  const m = /^(.*)\.([a-z]+)$/.exec(param);
  if (m && allowed.includes(m[2]!)) return { base: m[1]!, format: m[2]! };
  return { base: param, format: 'html' };
}

export function parseId(raw: string, what: string): number {
  if (!/^\d{1,15}$/.test(raw)) throw new BadRequest(`"${raw.slice(0, 40)}" is not a ${what} number.`);
  return Number(raw);
}
