// Turns a matched cue category into a position on the regime, given who speaks and what the cue is near.
import type { CueCategory } from './lexicon.ts';
import type { Match } from './patterns.ts';
import type { CueDef } from './lexicon.ts';
import type { TermMarks } from './terms.ts';
import type { Token } from './tokens.ts';

/** Whose side the speaker is on: an inspectorate's own people, or everyone else (the sector, politicians, academics). */
export type Side = 'inspectorate' | 'sector';

export interface CueSituation {
  side: Side;
  negated: boolean;
  /** The negation rejects a claim outright ("we do not accept that …"). */
  rejected: boolean;
  /** The lead-in or the article frames this quote as a reply to Ofsted's criticism. */
  rebuttal: boolean;
  tokens: Token[];
  sentence: Int32Array;
  terms: TermMarks;
  /** A contrast marker ("but", "however") occurs after this token. */
  pivotAfter(i: number): boolean;
}

export interface Resolved {
  role: 'supports' | 'opposes';
  factor: number;
  flipped?: boolean;
  /** The inspectorate judging itself: shown as opposition, weighing little. */
  concession?: boolean;
}

/** An inspectorate's own criticism of inspection is a concession: shown, but it weighs little. */
const CONCESSION = 0.3;
const REBUTTAL = 0.8;
const PREFACE = 0.8;
const WORKFORCE_WINDOW = 6;
const REPORTING = new Set(['found', 'find', 'finds', 'said', 'say', 'says', 'concluded', 'judged', 'warned', 'warn', 'warns', 'reported', 'saw', 'see', 'seen', 'identified', 'highlighted', 'noted', 'observed', 'told']);
const AUXILIARY = new Set(['have', 'has', 'had', 'also', 'often', 'consistently', 'sometimes', 'did', 'do', 'may', 'might', 'clearly', 'simply', 'not']);
const PASSIVE = new Set(['been', 'was', 'were', 'is', 'are', 'be', 'being']);
const COPULA = new Set(['was', 'is', 'are', 'were', 'has', 'have', 'been', 'be', 'now', 'very', 'really', 'consistently', 'rated', 'judged', 'remains', 'remain']);
/** "a council rated inadequate": a grade label the sector names, not a finding it takes up. */
const RATED = new Set(['rated', 'judged', 'deemed']);
const FIRST_PERSON = new Set(['we', "we've", "we're", 'i', "i've", 'ofsted', 'inspectors']);

const supports = (factor = 1, flipped?: boolean): Resolved => ({ role: 'supports', factor, flipped });
const opposes = (factor = 1, flipped?: boolean): Resolved => ({ role: 'opposes', factor, flipped });
const concede = (): Resolved => ({ role: 'opposes', factor: CONCESSION, concession: true });

/** A cue whose evaluation is aimed away from the regime and the inspected services: at families, or at who does what. */
export const OFF_TARGET = 'offTarget';
type Resolution = Resolved | typeof OFF_TARGET | null;

export function resolveCue(kind: CueCategory, m: Match<CueDef>, s: CueSituation): Resolution {
  const own = s.side === 'inspectorate';
  switch (kind) {
    case 'endorse':
      return s.negated ? opposes(1, true) : supports();
    case 'welcome':
      // The inspectorate welcoming something ("staff who welcomed our inspectors") is not a position on itself.
      if (own) return null;
      if (s.negated) return opposes(1, true);
      if (s.terms.distance('removal', m.from, m.to, 12) < Infinity) return opposes();
      return supports(s.terms.distance('target', m.from, m.to, 12) < Infinity ? 0.8 : 0.5);
    case 'criticise':
      if (s.negated) return supports(s.rejected ? 1 : 0.5, true);
      // From its own people, criticism aimed at the sector ("practice is inconsistent") is the verdict.
      if (own && aimedAtSector(m, s)) return verdict(m, s);
      return own ? concede() : opposes();
    case 'remove':
      // The inspectorate refusing to scrap or dilute its own judgements is a full defence of them.
      if (s.negated) return supports(own ? 1 : 0.5, true);
      // "Scrapping grades would be a gift to weak councils": the removal is framed as a loss, so it defends the regime.
      if (followedBy(s, 'lossFrame', m.to, 6)) return supports();
      return own ? concede() : opposes();
    case 'verdict':
      return s.negated ? null : verdict(m, s);
    case 'sectorPraise':
      return s.negated ? flip(verdict(m, s)) : null;
    case 'concern':
      if (s.negated) return null;
      if (own) return s.terms.distance('sector', m.from, m.to) < Infinity ? verdict(m, s) : null;
      if (followedBy(s, 'finding', m.to, 8)) return supports();
      return s.terms.distance('target', m.from, m.to) < Infinity ? opposes() : null;
    case 'takeUp':
      if (s.negated) return null;
      if (own) return verdict(m, s);
      // "a wake-up call for the inspectorate": the lesson is for the regime, so it is criticism of it.
      return forRegime(m.to, s) ? opposes() : supports();
    case 'selfPraise':
      return !s.negated && own && selfRefIsSubject(m.from, s) ? supports() : null;
    case 'rebuttal':
      return !own && s.rebuttal ? opposes(REBUTTAL) : null;
    case 'preface':
      return !own && s.pivotAfter(m.to) ? opposes(PREFACE) : null;
    case 'disown':
      // "We do not recognise the picture": the sector rejecting Ofsted's account, or Ofsted rejecting the sector's.
      return own ? supports() : opposes();
    case 'ownUp':
      return own || s.negated ? null : supports();
    case 'doubt':
      return own || s.negated ? null : opposes();
    case 'servicePraise':
      // Praise of the inspected services is Ofsted's positive verdict; about families or itself it is not.
      if (!own || s.negated) return null;
      if (s.terms.distance('family', m.from, m.to, 4) < s.terms.distance('sector', m.from, m.to)) return null;
      return selfRefIsSubject(m.from, s) ? null : supports();
    case 'remit':
      // "the responsibility of chief executives to ...": a job the inspected services are failing to do is a verdict.
      return followedBy(s, 'sector', m.to, 3) ? null : OFF_TARGET;
  }
}

const flip = (r: Resolution): Resolution => (r && r !== OFF_TARGET ? { ...r, flipped: true } : r);

/** Ofsted's critique of the sector: supports from its own people, unless it is about families or about Ofsted itself. */
function verdict(m: Match<CueDef>, s: CueSituation): Resolution {
  // From the sector, a verdict right after a finding ("the findings highlight serious weaknesses") takes it up.
  if (s.side !== 'inspectorate') return precededBy(s, 'finding', m.from, 6) && !RATED.has(s.tokens[m.from - 1]?.w ?? '') ? supports() : null;
  const family = s.terms.distance('family', m.from, m.to, 4);
  const sector = Math.min(s.terms.distance('sector', m.from, m.to), s.terms.distance('target', m.from, m.to));
  if (family < sector) return OFF_TARGET;
  // "Too many of them carry caseloads that are too high": sympathy with the workforce, not a verdict on the services.
  const workforce = s.terms.distance('workforce', m.from, m.to, WORKFORCE_WINDOW);
  if (workforce < Math.min(s.terms.distance('leadership', m.from, m.to), s.terms.distance('target', m.from, m.to))) return OFF_TARGET;
  if (concession(m.from, s)) return concede();
  return supports();
}

function aimedAtSector(m: Match<CueDef>, s: CueSituation): boolean {
  const sector = s.terms.distance('sector', m.from, m.to);
  return sector < Infinity && sector < s.terms.distance('target', m.from, m.to) && sector < s.terms.distance('selfRef', m.from, m.to);
}

/** The inspectorate judging its own people ("one in three inspectors ... not good enough", "we got it wrong"). */
function concession(at: number, s: CueSituation): boolean {
  let k = at - 1;
  while (k > 0 && (AUXILIARY.has(s.tokens[k]!.w) || PASSIVE.has(s.tokens[k]!.w))) k--;
  if (FIRST_PERSON.has(s.tokens[k]?.w ?? '')) return true;
  for (let j = at - 1; j >= Math.max(0, at - 8) && s.sentence[j] === s.sentence[at]; j--) {
    if (s.terms.has('sector', j)) return false;
    if (s.terms.has('selfRef', j)) return !reports(s.tokens, j + 1);
  }
  return false;
}

/** "inspectors (have) found ...": the inspectorate reporting a finding, not judging itself ("inspectors were identified as ..." is passive). */
function reports(tokens: Token[], i: number): boolean {
  let passive = false;
  while (AUXILIARY.has(tokens[i]?.w ?? '') || PASSIVE.has(tokens[i]?.w ?? '')) passive ||= PASSIVE.has(tokens[i++]!.w);
  return !passive && REPORTING.has(tokens[i]?.w ?? '');
}

/** "the organisation was good", "Ofsted is rigorous": the praise is predicated of the inspectorate itself. */
function selfRefIsSubject(at: number, s: CueSituation): boolean {
  let j = at - 1;
  while (j >= 0 && COPULA.has(s.tokens[j]!.w)) j--;
  return j < at - 1 && j >= 0 && s.terms.has('selfRef', j);
}

/** "… for Ofsted", "… for the inspectorate": the phrase is aimed at the regime itself. */
function forRegime(at: number, s: CueSituation): boolean {
  if (s.tokens[at]?.w !== 'for') return false;
  for (let j = at + 1; j < Math.min(s.tokens.length, at + 4) && s.sentence[j] === s.sentence[at]; j++) {
    if (s.terms.has('selfRef', j) || s.terms.has('target', j)) return !s.terms.has('sector', j);
  }
  return false;
}

function precededBy(s: CueSituation, set: string, at: number, window: number): boolean {
  for (let j = at - 1; j >= Math.max(0, at - window) && s.sentence[j] === s.sentence[at]; j--) {
    if (s.terms.has(set, j)) return true;
  }
  return false;
}

function followedBy(s: CueSituation, set: string, from: number, window: number): boolean {
  for (let j = from; j < Math.min(s.tokens.length, from + window) && s.sentence[j] === s.sentence[from - 1]; j++) {
    if (s.terms.has(set, j)) return true;
  }
  return false;
}
