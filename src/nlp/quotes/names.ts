// People's names in a phrase: capitalised runs with optional title and post-nominals, never inside an organisation's name.
import { registries } from '../registries.ts';
import { FEMALE_TITLES, MALE_TITLES, NOT_NAME, POST_NOMINALS, TITLES } from './lexicon.ts';

export interface NameMention {
  start: number;
  end: number;
  /** As written, title kept, post-nominals and possessive dropped: "Sir Michael Wilshaw". */
  name: string;
  title: string | null;
  given: string | null;
  surname: string;
  possessive: boolean;
}

const TITLE_SET = new Set(TITLES);
const PARTICLES = new Set(['de', 'van', 'von', 'der', 'da', 'le', 'la', 'du', 'di', 'bin', 'al']);
/** A word: a letter, then letters, apostrophes, hyphens and dots. One shared instance, stepped with `lastIndex`. */
const WORD = /[\p{L}][\p{L}’'\-.]*/gu;
const UPPER_FIRST = /^\p{Lu}/u;
const ANY_UPPER = /\p{Lu}/u;
const SPACE_AT = /\s/y;

interface Tok { s: string; start: number; end: number }

/** Length of `w` without a possessive ending ("’s", "'s", "’", "'"). */
function possessiveCut(w: string): number {
  const n = w.length;
  if (n >= 2 && w.charCodeAt(n - 1) === 115 && isApostrophe(w.charCodeAt(n - 2))) return n - 2;
  return n >= 1 && isApostrophe(w.charCodeAt(n - 1)) ? n - 1 : n;
}
const isApostrophe = (c: number) => c === 39 || c === 0x2019;
const stripPossessive = (w: string) => { const n = possessiveCut(w); return n < w.length ? w.slice(0, n) : w; };
const stripDot = (w: string) => (w.endsWith('.') ? w.slice(0, -1) : w);

/** The first character of `w` is an upper-case letter (ASCII answered without a regex). */
function isCap(w: string): boolean {
  const c = w.charCodeAt(0);
  if (c < 128) return c >= 65 && c <= 90;
  return UPPER_FIRST.test(w);
}

/** `s` between `from` and `to` is one or more whitespace characters (as `\s` reads them). */
function onlySpace(s: string, from: number, to: number): boolean {
  if (from >= to) return false;
  for (let i = from; i < to; i++) {
    const c = s.charCodeAt(i);
    if (c === 32 || (c >= 9 && c <= 13)) continue;
    if (c < 128) return false;
    SPACE_AT.lastIndex = i;
    if (!SPACE_AT.test(s)) return false;
  }
  return true;
}

/**
 * Name mentions in `s` (offsets shifted by `base`), skipping the ranges in `blocked` (organisation mentions).
 * Runs for every narrative sentence and phrase read, so it scans with one shared regex and no closures (tsx names each
 * closure it creates, a defineProperty per call).
 */
export function findNames(s: string, base: number, blocked: Array<{ start: number; end: number }> = []): NameMention[] {
  if (!ANY_UPPER.test(s)) return [];
  const out: NameMention[] = [];
  const given = registries().givenNames;
  let run: Tok[] = [];
  let prevEnd = -1;
  let pendingParticle: Tok | null = null;
  WORD.lastIndex = 0;
  for (let m = WORD.exec(s); m; m = WORD.exec(s)) {
    const raw = m[0];
    const at = m.index;
    const length = raw.length > 2 && raw.charCodeAt(raw.length - 1) === 46 ? raw.length - 1 : raw.length;
    // A lower-case word with no run open changes nothing (most words): skip building its token.
    if (!run.length && isLowerAscii(raw.charCodeAt(0))) {
      prevEnd = at + length;
      continue;
    }
    const w = length < raw.length ? raw.slice(0, length) : raw;
    const t: Tok = { s: w, start: base + at, end: base + at + w.length };
    const adjacent = prevEnd >= 0 && onlySpace(s, prevEnd, at);
    prevEnd = at + w.length;
    if (!adjacent) { run = flush(run, out); pendingParticle = null; }
    if (!isCap(w)) {
      // "de" in "Rachel de Souza" joins a run only when a capitalised word follows.
      if (run.length && PARTICLES.has(w) && !pendingParticle) pendingParticle = t;
      else { run = flush(run, out); pendingParticle = null; }
      continue;
    }
    const word = stripPossessive(w);
    let inOrg = false;
    for (let k = 0; k < blocked.length && !inOrg; k++) inOrg = t.start < blocked[k]!.end && t.end > blocked[k]!.start;
    // "Green" is a party, but after a given name ("Tom Green") it is a surname.
    const prevWord = run.length ? run[run.length - 1]!.s : undefined;
    const afterGiven = prevWord !== undefined && (TITLE_SET.has(prevWord) || given.has(prevWord.toLowerCase()));
    if (inOrg || (!TITLE_SET.has(word) && !POST_NOMINALS.has(word) && NOT_NAME.has(word) && !afterGiven)) { run = flush(run, out); pendingParticle = null; continue; }
    if (pendingParticle) { run.push(pendingParticle); pendingParticle = null; }
    run.push(t);
    if (word.length < w.length && !POST_NOMINALS.has(word)) run = flush(run, out);
  }
  flush(run, out);
  return out;
}

const isLowerAscii = (c: number) => c >= 97 && c <= 122;

/** Ends a run: its name, if it makes one, goes to `out`; returns the next (empty) run. */
function flush(run: Tok[], out: NameMention[]): Tok[] {
  if (!run.length) return run;
  const n = runToName(run);
  if (n) out.push(n);
  return [];
}

/** The name a run of capitalised tokens makes: post-nominals dropped, from its title or its given name on. Index loops, no copies. */
function runToName(run: Tok[]): NameMention | null {
  let end = run.length;
  while (end > 0 && POST_NOMINALS.has(stripPossessive(run[end - 1]!.s))) end--;
  let firstTitle = -1;
  for (let i = 0; i < end && firstTitle < 0; i++) if (TITLE_SET.has(stripDot(run[i]!.s))) firstTitle = i;
  let title: string | null = null;
  if (firstTitle >= 0 && firstTitle < end - 1) title = stripDot(run[firstTitle]!.s);
  else if (firstTitle >= 0) return null;
  const from = title ? firstTitle : 0;
  const bareFrom = title ? from + 1 : from;
  if (bareFrom >= end) return null;
  let coreFrom = bareFrom;
  if (!title && end - bareFrom > 2) {
    const given = registries().givenNames;
    let g = -1;
    for (let i = bareFrom; i < end - 1 && g < 0; i++) if (given.has(run[i]!.s.toLowerCase())) g = i;
    coreFrom = g >= 0 ? g : end - 2;
  }
  const last = run[end - 1]!;
  const possessive = possessiveCut(last.s) < last.s.length;
  const startTok = title ? run[from]! : run[coreFrom]!;
  let name = title ?? '';
  for (let i = coreFrom; i < end; i++) name += (i > coreFrom || title !== null ? ' ' : '') + stripPossessive(run[i]!.s);
  return {
    start: startTok.start,
    end: possessive ? last.end - (last.s.endsWith('s') ? 2 : 1) : last.end,
    name,
    title,
    given: end - coreFrom > 1 ? run[coreFrom]!.s : null,
    surname: stripPossessive(last.s),
    possessive,
  };
}

/** 'm', 'f' or null from a title or a common given name. */
export function genderOf(title: string | null, given: string | null): 'm' | 'f' | null {
  if (title && MALE_TITLES.has(title)) return 'm';
  if (title && FEMALE_TITLES.has(title)) return 'f';
  return given ? registries().givenNames.get(given.toLowerCase()) ?? null : null;
}
