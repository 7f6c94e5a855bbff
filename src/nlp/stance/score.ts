// Scores one piece of text: finds cues, applies negation, hedges, intensifiers and contrast, and sums each side.
import type { StanceCue } from '../../types.ts';
import { LEXICON, type CueCategory, type CueDef } from './lexicon.ts';
import { selectLongest, type Match } from './patterns.ts';
import { OFF_TARGET, resolveCue, type Side } from './resolve.ts';
import { markTerms, type TermMarks } from './terms.ts';
import { segment, tokenize, type Token } from './tokens.ts';
import { contrastWeights, modifierBefore } from './weights.ts';

export interface ScoreOptions {
  side: Side;
  rebuttal: boolean;
  /** How many leading tokens are the reporting verb put before the quote; only there do `lead` cues count. */
  leadTokens?: number;
}

export interface Scored {
  supports: number;
  opposes: number;
  cues: StanceCue[];
  /** The text names the regime (a framework, a judgement, Ofsted, the report). */
  target: boolean;
  /** The text names the inspected sector or the inspectorate itself. */
  aboutServices: boolean;
  startsWithAnaphor: boolean;
  /** The text names families or the public. */
  aboutFamilies: boolean;
  /** The text turns on a contrast ("but", "however", "although"). */
  contrast: boolean;
  /** Every counted cue supports and comes before a "but"/"however" that opens a reservation of its own. */
  reservation: boolean;
  /** An inspectorate speaker conceded a weakness of its own (a cue resolved as a concession). */
  concession: boolean;
  /** A cue was read as aimed away from the regime and the services (families, who should do what). */
  offTarget: boolean;
  /** A rating count ("a quarter of councils are rated inadequate"): descriptive unless a cue says otherwise. */
  ratingCount: boolean;
}

const INTENSIFY = 1.5;
/** Praise a doubt governs ("it is not clear how inspectors will judge this fairly") is hypothetical: it does not count. */
const DOUBTED = new Set(['endorse', 'welcome']);
const DOUBT_SCOPE = 10;
const HEDGE = 0.6;
const MODIFIER_KINDS = new Set(['negator', 'rejection', 'ignore', 'intensifier', 'hedge', 'pivot', 'concessive']);

export function scoreText(text: string, opts: ScoreOptions): Scored {
  const tokens = tokenize(text);
  const { sentence, clause } = segment(tokens);
  const terms = markTerms(tokens, sentence);
  // Cues whose required neighbour is missing drop out before the longest-match choice, so a shorter cue can win; so do
  // reporting verbs ("criticised") anywhere but before the quote, where they would be someone else's speech act.
  const lead = opts.leadTokens ?? 0;
  const matches = selectLongest(
    LEXICON.cues.matchAll(tokens).filter((m) => (!m.value.lead || m.from < lead) && (!m.value.near || terms.distance(m.value.near, m.from, m.to) < Infinity)),
  );
  const mods = matches.filter((m) => MODIFIER_KINDS.has(m.value.kind));
  const subjects = negativeSubjects(tokens);
  const weight = contrastWeights(mods, tokens, sentence);
  const pivotAfter = (i: number) => mods.some((p) => p.value.kind === 'pivot' && p.from >= i);
  const out: Scored = {
    supports: 0,
    opposes: 0,
    cues: [],
    target: terms.any('target'),
    aboutServices: terms.any('sector') || terms.any('selfRef'),
    startsWithAnaphor: tokens.length > 0 && LEXICON.anaphora.has(tokens[0]!.w),
    aboutFamilies: terms.any('family'),
    contrast: mods.some((m) => m.value.kind === 'pivot' || m.value.kind === 'concessive'),
    reservation: false,
    concession: false,
    offTarget: false,
    ratingCount: countsRatings(terms, tokens, sentence),
  };
  const used = new Set<Match<CueDef>>();
  let lastCue = -1;
  let onlySupports = true;
  const doubts = matches.filter((m) => m.value.kind === 'doubt');
  for (const m of matches) {
    if (MODIFIER_KINDS.has(m.value.kind)) continue;
    if (DOUBTED.has(m.value.kind) && modifierBefore(doubts, 'doubt', m.from, DOUBT_SCOPE, sentence)) continue;
    // A weightless doubt ("the evidence that …") only marks a reported claim; it has no force of its own.
    if (m.value.weight === 0) continue;
    const rejection = modifierBefore(mods, 'rejection', m.from, LEXICON.negationScope, clause);
    // Praise asked about ("Is that fair?") is not asserted: a rhetorical question denies it.
    const asked = DOUBTED.has(m.value.kind) && inQuestion(tokens, clause, m.from);
    const negator =
      rejection ?? modifierBefore(mods, 'negator', m.from, LEXICON.negationScope, clause) ?? modifierBefore(subjects, 'negator', m.from, LEXICON.subjectNegation.scope, clause);
    const situation = { ...opts, negated: !!negator || asked, rejected: !!rejection, tokens, sentence, terms, pivotAfter };
    const r = resolveCue(m.value.kind as CueCategory, m, situation);
    if (r === OFF_TARGET) out.offTarget = true;
    if (!r || r === OFF_TARGET) continue;
    let w = m.value.weight * r.factor * weight[m.from]!;
    const intensifier = modifierBefore(mods, 'intensifier', m.from, 2, clause);
    const hedge = modifierBefore(mods, 'hedge', m.from, 3, clause);
    // A second hedge before the first ("may be a little ...") weakens the cue further.
    const hedge2 = hedge && modifierBefore(mods, 'hedge', hedge.from, 3, clause);
    if (intensifier) w *= INTENSIFY;
    if (hedge) w *= HEDGE;
    if (hedge2) w *= HEDGE;
    out[r.role] += w;
    lastCue = Math.max(lastCue, m.from);
    onlySupports &&= r.role === 'supports';
    if (r.concession) out.concession = true;
    out.cues.push(cue(text, tokens, m, r.role, r.flipped));
    if (negator && r.flipped) used.add(negator);
    if (intensifier) used.add(intensifier);
    if (hedge) used.add(hedge);
    if (hedge2) used.add(hedge2);
  }
  out.reservation = onlySupports && lastCue >= 0 && reservationAfter(mods, lastCue, tokens.length);
  if (out.cues.length) addModifierCues(out.cues, text, tokens, [...mods, ...subjects], used);
  for (const t of terms.targets) out.cues.push({ text: text.slice(tokens[t.from]!.start, tokens[t.to - 1]!.end), start: tokens[t.from]!.start, end: tokens[t.to - 1]!.end, role: 'target' });
  out.cues.sort((a, b) => a.start - b.start);
  return out;
}

/**
 * Scores a quote together with the position-taking reporting verb before it ("welcomed" + "the new framework, but
 * …"). The verb's own cues have no place in the quote, so they are dropped from the cues; the rest are shifted back.
 */
export function scoreQuote(text: string, verb: string, opts: ScoreOptions): Scored {
  if (!verb) return scoreText(text, opts);
  const shift = verb.length + 1;
  const out = scoreText(`${verb} ${text}`, { ...opts, leadTokens: tokenize(verb).length });
  out.cues = out.cues.filter((c) => c.start >= shift).map((c) => ({ ...c, start: c.start - shift, end: c.end - shift }));
  return out;
}

/** "Nobody (in this room) is asking …": a negative subject, unless a verb of doubting follows ("Nobody disputes that …"). */
function negativeSubjects(tokens: Token[]): Match<CueDef>[] {
  return LEXICON.subjectNegators.matchAll(tokens).filter((m) => !LEXICON.subjectNegation.notBefore.has(tokens[m.to]?.w ?? ''));
}

/** The clause holding token `at` ends with a question mark ("Welcome honesty – but where was this?" asks only after the dash). */
function inQuestion(tokens: Token[], clause: Int32Array, at: number): boolean {
  let j = at;
  while (j + 1 < tokens.length && clause[j + 1] === clause[at]) j++;
  return tokens[j]!.w === '?';
}

/** Words a "but" must be followed by to open a reservation rather than a tag ("but fair"). */
const RESERVATION_WORDS = 5;

function reservationAfter(mods: Match<CueDef>[], after: number, length: number): boolean {
  return mods.some((p) => p.value.kind === 'pivot' && p.from > after && length - p.to >= RESERVATION_WORDS);
}

const QUANTITY_BEFORE_GRADE = 8;

/** A quantity shortly before a grade name in the same sentence: "38 were judged good", "half are rated inadequate". */
function countsRatings(terms: TermMarks, tokens: Token[], sentence: Int32Array): boolean {
  if (!terms.any('grade')) return false;
  for (let i = 0; i < tokens.length; i++) {
    if (!terms.has('grade', i)) continue;
    for (let j = i - 1; j >= Math.max(0, i - QUANTITY_BEFORE_GRADE) && sentence[j] === sentence[i]; j--) {
      if (terms.has('quantity', j) || /^\d/.test(tokens[j]!.w)) return true;
    }
  }
  return false;
}

function cue(text: string, tokens: Token[], m: Match<CueDef>, role: StanceCue['role'], flipped?: boolean): StanceCue {
  const start = tokens[m.from]!.start;
  const end = tokens[m.to - 1]!.end;
  const c: StanceCue = { text: text.slice(start, end), start, end, role };
  if (flipped) c.flipped = true;
  return c;
}

const MODIFIER_ROLE = { negator: 'negation', rejection: 'negation', intensifier: 'intensifier', hedge: 'hedge', pivot: 'contrast', concessive: 'contrast' } as const;

function addModifierCues(cues: StanceCue[], text: string, tokens: Token[], mods: Match<CueDef>[], used: Set<Match<CueDef>>): void {
  for (const m of mods) {
    const kind = m.value.kind;
    if (kind === 'pivot' || kind === 'concessive' || used.has(m)) {
      if (kind in MODIFIER_ROLE) cues.push(cue(text, tokens, m, MODIFIER_ROLE[kind as keyof typeof MODIFIER_ROLE]));
    }
  }
}
