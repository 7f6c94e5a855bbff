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
const WORD = /[\p{L}][\p{L}’'\-.]*/gu;

interface Tok { s: string; start: number; end: number }

const isCap = (w: string) => /^\p{Lu}/u.test(w);
const stripPossessive = (w: string) => w.replace(/[’']s?$/, '');

/** Name mentions in `s` (offsets shifted by `base`), skipping the ranges in `blocked` (organisation mentions). */
export function findNames(s: string, base: number, blocked: Array<{ start: number; end: number }> = []): NameMention[] {
  if (!/\p{Lu}/u.test(s)) return [];
  const out: NameMention[] = [];
  // No closures in here: tsx names each one it creates (a defineProperty per call), which cost a quarter of this function.
  let run: Tok[] = [];
  let prevEnd = -1;
  let pendingParticle: Tok | null = null;
  for (const m of s.matchAll(WORD)) {
    const raw = m[0];
    const length = raw.length > 2 && raw.endsWith('.') ? raw.length - 1 : raw.length;
    // A lower-case word with no run open changes nothing (most words): skip building its token.
    if (!run.length && isLowerAscii(raw.charCodeAt(0))) {
      prevEnd = m.index + length;
      continue;
    }
    const w = length < raw.length ? raw.slice(0, length) : raw;
    const t: Tok = { s: w, start: base + m.index, end: base + m.index + w.length };
    const adjacent = prevEnd >= 0 && /^\s+$/.test(s.slice(prevEnd, m.index));
    prevEnd = m.index + w.length;
    if (!adjacent) { run = flush(run, out); pendingParticle = null; }
    if (!isCap(w)) {
      // "de" in "Rachel de Souza" joins a run only when a capitalised word follows.
      if (run.length && PARTICLES.has(w) && !pendingParticle) pendingParticle = t;
      else { run = flush(run, out); pendingParticle = null; }
      continue;
    }
    const word = stripPossessive(w);
    const inOrg = blocked.some((b) => t.start < b.end && t.end > b.start);
    // "Green" is a party, but after a given name ("Tom Green") it is a surname.
    const prevWord = run.at(-1)?.s;
    const afterGiven = prevWord !== undefined && (TITLE_SET.has(prevWord) || registries().givenNames.has(prevWord.toLowerCase()));
    if (inOrg || (!TITLE_SET.has(word) && !POST_NOMINALS.has(word) && NOT_NAME.has(word) && !afterGiven)) { run = flush(run, out); pendingParticle = null; continue; }
    if (pendingParticle) { run.push(pendingParticle); pendingParticle = null; }
    run.push(t);
    if (/[’']s?$/.test(w) && !POST_NOMINALS.has(word)) run = flush(run, out);
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

function runToName(run: Tok[]): NameMention | null {
  let toks = [...run];
  while (toks.length && POST_NOMINALS.has(stripPossessive(toks.at(-1)!.s))) toks.pop();
  let title: string | null = null;
  const firstTitle = toks.findIndex((t) => TITLE_SET.has(t.s.replace(/\.$/, '')));
  if (firstTitle >= 0 && firstTitle < toks.length - 1) {
    title = toks[firstTitle]!.s.replace(/\.$/, '');
    toks = toks.slice(firstTitle);
  } else if (firstTitle >= 0) return null;
  const bare = title ? toks.slice(1) : toks;
  if (!bare.length) return null;
  let core = bare;
  if (!title && bare.length > 2) {
    const given = bare.findIndex((t, i) => i < bare.length - 1 && registries().givenNames.has(t.s.toLowerCase()));
    core = given >= 0 ? bare.slice(given) : bare.slice(-2);
  }
  const last = core.at(-1)!;
  const possessive = /[’']s?$/.test(last.s);
  const startTok = title ? toks[0]! : core[0]!;
  const words = [...(title ? [title] : []), ...core.map((t) => stripPossessive(t.s))];
  return {
    start: startTok.start,
    end: possessive ? last.end - (last.s.endsWith('s') ? 2 : 1) : last.end,
    name: words.join(' '),
    title,
    given: core.length > 1 ? core[0]!.s : null,
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
