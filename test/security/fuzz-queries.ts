// Generates hostile search requests: FTS5 operators and column filters, unbalanced quotes and brackets, SQL
// metacharacters, huge strings, odd Unicode (and invalid UTF-8 / lone surrogates as raw percent-escapes),
// mixed with the app's own field syntax and list parameters. Deterministic for a given seed.
import { rng, type Rng, pick } from '../../bench/lib/generate.ts';

const WORDS = ['inspection', 'ofsted', 'framework', 'children', 'care', 'said', 'council', 'a', 'the', 'x'];
const FTS = ['AND', 'OR', 'NOT', 'NEAR', 'NEAR(', 'NEAR(a b, 3)', '*', '^', ':', 'text:', 'speaker_name:', '{text speaker_name}:', '-', '+', '"', '""', '(', ')', '{', '}', 'quotes_fts:', 'rank:', 'MATCH', 'bm25('];
const SQL = ["'", "''", "'; DROP TABLE quotes; --", '" OR 1=1 --', "' OR '1'='1", '%', '_', '\\', '/*', '*/', ';', '--', 'UNION SELECT', '0x00', '`', '$1', '?', ':name', '@p', 'NULL'];
const UNICODE = ['\u202e', '\u200b', '\u200d', '\ufeff', 'e\u0301\u0301\u0301', '🏳️‍🌈', '𝕴𝖓𝖘𝖕𝖊𝖈𝖙𝖎𝖔𝖓', 'ınspectıon', 'İNSPECTION', 'ß', 'ﬁ', '\u0000', '\u0007', '\r\n', '\t', '日本語', 'العربية', 'Ꙭ', '\uffff', '\ud7ff'];
const FIELDS = ['speaker:', 'org:', 'stance:', 'source:', 'kind:', 'before:', 'after:', 'bogus:', '-speaker:', 'stance:opposes', 'before:2020-13-45', 'after:0000', 'speaker:"', 'org:(', 'kind:*'];
/** Raw percent-escapes that are not valid UTF-8 or are lone surrogates: no encodeURIComponent can make these. */
const RAW = ['%ED%A0%80', '%C0%AF', '%FF%FE', '%E2%82', '%', '%%', '%G1', '%00'];
const PARAMS = ['speaker', 'org', 'stance', 'source', 'kind', 'from', 'to', 'placement', '_next', '_size', '_facets', 'period'];
const PATHS = ['/', '/quotes.json', '/articles', '/articles.json', '/quotes.atom', '/trends', '/trends.json'];

function token(r: Rng): string {
  const x = r();
  if (x < 0.25) return pick(r, WORDS);
  if (x < 0.45) return pick(r, FTS);
  if (x < 0.6) return pick(r, SQL);
  if (x < 0.75) return pick(r, UNICODE);
  if (x < 0.9) return pick(r, FIELDS) + (r() < 0.5 ? pick(r, WORDS) : '');
  return pick(r, WORDS) + pick(r, ['"', '(', ')', '*', ':', "'"]);
}

function queryText(r: Rng): string {
  const x = r();
  if (x < 0.01) return 'a'.repeat(100_000); // 100 KB
  if (x < 0.02) return `"${'inspection '.repeat(9_000)}`; // ~100 KB with an unbalanced quote
  if (x < 0.05) return Array.from({ length: 600 }, () => token(r)).join(' ');
  return Array.from({ length: 1 + Math.floor(r() * 8) }, () => token(r)).join(r() < 0.8 ? ' ' : '');
}

/** One request path with query string; some contain raw invalid escapes. */
export function fuzzRequest(r: Rng): string {
  const path = pick(r, PATHS);
  const parts = [`q=${encodeURIComponent(queryText(r).replace(/[\ud800-\udfff]/g, ''))}`];
  if (r() < 0.3) parts.push(`${pick(r, PARAMS)}=${encodeURIComponent(token(r).replace(/[\ud800-\udfff]/g, ''))}`);
  if (r() < 0.1) parts.push(`${pick(r, PARAMS)}=${pick(r, RAW)}`);
  if (r() < 0.05) parts[0] = `q=${pick(r, RAW)}${pick(r, WORDS)}`;
  return `${path}?${parts.join('&')}`;
}

export function fuzzRequests(n: number, seed = 1): string[] {
  const r = rng(seed);
  return Array.from({ length: n }, () => fuzzRequest(r));
}
