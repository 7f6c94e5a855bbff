// Reported (indirect) speech in one narrative sentence: "X said (that) …", "…, X said", "according to X, …", "X called Y “…”".
import { contentAfterPhrase } from './content-after.ts';
import { demonstrativeSource } from './demonstrative.ts';
import { beforeVerb, contentStart, CUE_FIRST_WORDS, findCues } from './cues.ts';
import { PASSIVE_CUE, ROLE_WORDS, TRAILING_CONTEXT } from './lexicon.ts';
import { buildLetterTree, type LetterNode } from './letter-tree.ts';
import { readPhrase } from './read-phrase.ts';
import type { PhraseContext, SpeakerRef } from './speaker-ref.ts';
import { subjectAfter, subjectBefore } from './subject-phrase.ts';
import { subjectOfCue } from './attribution.ts';

export interface Reported {
  start: number;
  end: number;
  /** null for a passive ("leaders were urged to …"): the agent comes from the context. */
  ref: SpeakerRef | null;
  cue: string;
}

const SPEECH_AT_END = /^(?:said|says|has said|have said|had said|added|warned|warns|argued|argues|claimed|claims|have claimed|has claimed|has warned|have warned|insisted|revealed|reveals|revealed today|found|concluded|believes|writes|wrote|explained|suggested|suggests|suggest|show|shows|showed|reveal|reveals|indicate|indicates|stressed|admitted|told [A-Z][\p{L}]*|reported|announced|confirmed|according to)$/u;
const CONTEXT_AFTER_QUOTE = /(§["”’'])\s+(?:after|following|amid|in the wake of|ahead of|in response to)\s[^§]*$/u;
/** Where or when something was said, at the end of the content: the reporter's words, not the speaker's. */
const REPORTING_OCCASION = /,?\s+(?:in (?:a|an|its|his|her|their) (?:statement|interview|letter|submission|blog post)(?: to [\p{L} ]+)?|in evidence to (?:MPs|peers|the [\p{L} ]+)|on (?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)|yesterday)[.\s]*$/u;
const TRAILING_ADVERB = /\s+(?:on (?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)|today|yesterday|last week|this week|in a statement|in (?:(?:its|a|an|his|her|their|the) )?(?:[a-z-]+ ){0,3}(?:report|statement|speech|interview|letter|review|submission|blog post)|earlier|recently)$/;

/**
 * The reported passage of a narrative sentence [from, to) of `masked` (quote contents blanked), if any.
 * `stops` are opening marks of full direct quotes inside the sentence: reported content ends before them.
 */
export function findReported(masked: string, from: number, to: number, stops: number[], ctx: PhraseContext): Reported | null {
  const s = masked.slice(from, to);
  if (!mayReport(s)) return null;
  return leadingAccording(s, from, ctx) ?? leadingAs(s, from, ctx) ?? trailingAttribution(s, from, stops, ctx) ?? passive(s, from, stops) ?? subjectVerb(s, from, stops, ctx);
}

/**
 * Words without which no pattern here reports anything: a cue's first word (findCues), "according", and the verbs of
 * "As X said" (AS_SAID), of an inverted tag (INVERTED) and of a passive (PASSIVE_CUE). Each pattern needs its word as a
 * whole run of ASCII letters; most narrative sentences have none of them and skip every pattern.
 */
const REPORTING_WORDS: ReadonlySet<string> = new Set([
  ...CUE_FIRST_WORDS, 'according',
  'said', 'says', 'argued', 'argues', 'noted', 'notes', 'put', 'pointed', 'warned', 'observed', 'suggested', 'wrote', 'writes', 'explained', 'acknowledged', 'admitted', 'told',
  'added', 'adds', 'warns', 'insisted', 'insists', 'claimed', 'claims', 'believes', 'suggests', 'explains', 'posted', 'tweeted',
  'called', 'urged', 'asked', 'challenged',
]);
/** REPORTING_WORDS as a letter tree, walked case-blind along each run of ASCII letters. */
const REPORTING_TREE = buildLetterTree([...REPORTING_WORDS].map((w) => [w, true] as const));

/** `s` has one of REPORTING_WORDS as a whole run of ASCII letters, in any case. */
function mayReport(s: string): boolean {
  let node: LetterNode<true> | undefined = REPORTING_TREE;
  for (let i = 0; i <= s.length; i++) {
    // Upper-case ASCII letters fold onto lower-case ones (| 32); nothing else lands in a–z.
    const c = i < s.length ? s.charCodeAt(i) | 32 : 0;
    if (c >= 97 && c <= 122) {
      if (node) node = node.next[c - 97];
      continue;
    }
    if (node?.value) return true;
    node = REPORTING_TREE;
  }
  return false;
}

/** Where a sentence joins two clauses that may each report someone ("X says …, but the DfE insists …"). */
const CLAUSE_JOIN = /(?:,\s+(?:but|yet|while|whereas|although|as)|;)\s+/g;

/**
 * The reported passages of a sentence: usually one; two or more when it joins clauses that each have their own source
 * ("NAHT says inspections should stop, but the DfE insists they will go ahead").
 */
export function findReportedClauses(masked: string, from: number, to: number, stops: number[], ctx: PhraseContext): Reported[] {
  const s = masked.slice(from, to);
  if (!mayReport(s)) return [];
  const whole = findReported(masked, from, to, stops, ctx);
  // Two sources need two cues (or an "according to"); most sentences have fewer.
  if (findCues(s).length + (/according to/i.test(s) ? 1 : 0) < 2) return whole ? [whole] : [];
  const cuts = [...s.matchAll(CLAUSE_JOIN)].map((m) => [from + m.index, from + m.index + m[0].length] as const);
  if (!cuts.length) return whole ? [whole] : [];
  const bounds = [[from, from] as const, ...cuts, [to, to] as const];
  const parts: Reported[] = [];
  for (let i = 0; i + 1 < bounds.length; i++) {
    const [a, b] = [bounds[i]![1], bounds[i + 1]![0]];
    const r = findReported(masked, a, b, stops.filter((x) => x >= a && x < b), ctx);
    if (r) parts.push(r);
  }
  if (!whole) return parts;
  const sources = new Set(parts.map((r) => (r.ref && r.ref.type !== 'pronoun' ? sourceKey(r.ref) : null)).filter(Boolean));
  if (sources.size >= 2) return parts;
  // A later clause with a source of its own ends the first one there ("…, as union says …").
  const own = (r: Reported) => r.ref !== null && r.ref.type !== 'pronoun' && (!whole.ref || sourceKey(r.ref) !== sourceKey(whole.ref));
  const other = parts.find((r) => r.start > whole.start && own(r));
  const cut = other && [...cuts].reverse().find(([a, b]) => a > whole.start && b <= other.start);
  if (!cut) return [whole];
  const first = { ...whole, end: Math.min(whole.end, from + trimEnd(masked.slice(from, cut[0]), cut[0] - from)) };
  return [first, ...parts.filter((r) => r.start >= cut[1])];
}

function sourceKey(ref: SpeakerRef): string {
  switch (ref.type) {
    case 'person': return `p:${ref.mention.surname}`;
    case 'role': return `r:${ref.role}:${ref.org}`;
    case 'org': return `o:${ref.org}`;
    case 'institution': return `i:${ref.noun}:${ref.org}`;
    case 'generic': return `g:${ref.noun}`;
    case 'group': return `G:${ref.noun}`;
    default: return 'pronoun';
  }
}

const AS_SAID = /^\s*As\s+(.{2,80}?)\s+(?:has\s+|had\s+|once\s+)?(said|says|argued|argues|noted|notes|put it|pointed out|warned|observed|suggested|wrote|writes|explained|acknowledged|admitted|told [^,]{2,40})\b[^,]{0,80},\s*/;

/** "As Jane Smith argued in her review, inspection can …": the speaker leads, the content follows the comma. */
function leadingAs(s: string, base: number, ctx: PhraseContext): Reported | null {
  const m = AS_SAID.exec(s);
  if (!m) return null;
  const ref = readPhrase(m[1]!, base + m[0].indexOf(m[1]!), ctx);
  if (!ref || ref.type === 'pronoun' && !/^(?:he|she)$/.test(ref.pronoun)) return null;
  return { start: base + m[0].length, end: base + trimEnd(s, s.length), ref, cue: m[2]!.split(' ')[0]! };
}

const ACCORDING_NAME_POST = /^\s*(?:[A-Z][a-z]+,\s+)?according to ([^,]{2,80},\s+(?:the|a|an)\s+([^,]{2,60})),\s*/i;

function leadingAccording(s: string, base: number, ctx: PhraseContext): Reported | null {
  // "According to Andy Smith, the ADCS president, the reforms …": an appositive after the name belongs to the source.
  const withPost = ACCORDING_NAME_POST.exec(s);
  const m = withPost && ROLE_WORDS.test(withPost[2]!) && /\p{Lu}/u.test(withPost[1]!) ? withPost : /^\s*(?:[A-Z][a-z]+,\s+)?according to ([^,]{2,80}),\s*/i.exec(s);
  if (!m) return null;
  const ref = readPhrase(m[1]!, base + m[0].indexOf(m[1]!), ctx);
  return ref ? { start: base + m[0].length, end: base + trimEnd(s, s.length), ref, cue: 'according to' } : null;
}

/** "Content, SUBJECT (has) said." / "Content, said SUBJECT." / "Content, according to SUBJECT." */
function trailingAttribution(s: string, base: number, stops: number[], ctx: PhraseContext): Reported | null {
  if (stops.length) return null;
  // "…, according to the report, which was published today." — the relative clause is about the source.
  const relative = /,\s*(?:which|who|whose)\b[^,]*$/.exec(s);
  if (relative) return trailingAttribution(s.slice(0, relative.index), base, stops, ctx) ?? trailingAt(s, base, ctx);
  return trailingAt(s, base, ctx);
}

/**
 * The attribution may start at any of the last few commas: "…, said Jane Smith, director of X." / "…, the ADCS president,
 * Jenny Coles, said." — the leftmost comma that still opens a pure tag wins, so the appositive stays with the speaker.
 */
function trailingAt(s: string, base: number, ctx: PhraseContext): Reported | null {
  let comma = s.length;
  let best: Reported | null = null;
  for (let tries = 0; tries < 5; tries++) {
    comma = s.lastIndexOf(',', comma - 1);
    if (comma <= 0 || (tries > 0 && !pureTag(s.slice(comma + 1)))) break;
    const found = attributionFrom(s, comma, base, ctx);
    if (found) best = found;
    else if (best || found === null && !/^\s*(?:said|says)[\s.!?]*$/.test(s.slice(comma + 1))) break;
  }
  return best;
}

/** Verbs of an inverted tag ("…, said X"); "…, argues Joan Pryce" is a standfirst's or comment piece's present tense. */
const INVERTED = '(said|says|writes|wrote|added|adds|warned|warns|argued|argues|insisted|insists|claimed|claims|believes|suggests|explains|posted|tweeted)';
const INVERTED_TAG = new RegExp(`^${INVERTED}\\s+(.+)$`);
const INVERTED_START = new RegExp(`^\\s*${INVERTED}\\b`);

const NOT_A_NAME = /^(?:it|he|she|they|that|there)\b|\b(?:would|could|should|will|was|were|is|are|had|has|have|can|must|may)\b/i;

function pureTag(clause: string): boolean {
  if (/,\s*(?:but|and|while|as|which|who|whose|although|because)\b/i.test(clause)) return false;
  const cues = findCues(clause).length;
  return /^\s*according to\b/i.test(clause) ? cues === 0 : INVERTED_START.test(clause) ? cues === 1 : /(?:said|says)[\s.!?]*$/.test(clause) && cues === 1;
}

/** The tag after `comma`, if it is one (undefined: not a tag here, look further left; null: a tag nobody can be tied to). */
function attributionFrom(s: string, comma: number, base: number, ctx: PhraseContext): Reported | null | undefined {
  const clause = s.slice(comma + 1).replace(/[\s.!?]+$/, '').replace(TRAILING_ADVERB, '').trim();
  if (!clause || clause.split(/\s+/).length > 25 || /§/.test(clause)) return undefined;
  const clauseAt = base + comma + 1 + s.slice(comma + 1).indexOf(clause);
  let ref: SpeakerRef | null = null;
  let cue = '';
  const acc = /^according to (.+)$/i.exec(clause);
  const inverted = INVERTED_TAG.exec(clause);
  // After the verb comes a name or a title, not a clause ("said it could take a year" reports, it does not attribute).
  const head = (acc?.[1] ?? inverted?.[2] ?? '').split(',')[0]!;
  // Capitalised words are names and bodies ("a survey by the British Association of Social Workers"), not a clause.
  if ((acc || inverted) && (head.split(/\s+/).filter((x) => !/^\p{Lu}/u.test(x)).length > 7 || NOT_A_NAME.test(head))) return undefined;
  if (acc) [ref, cue] = [subjectAfter(acc[1]!, clauseAt + clause.length - acc[1]!.length, ctx), 'according to'];
  else if (inverted) [ref, cue] = [subjectAfter(inverted[2]!, clauseAt + inverted[1]!.length + 1, ctx), inverted[1]!];
  else {
    const cues = findCues(clause);
    const last = cues.at(-1);
    // "…, Abbott said the judgements reflected what inspectors had found" is a clause of its own, not a trailing tag.
    if (cues.length > 1 || !last || !SPEECH_AT_END.test(clause.slice(last.start).replace(/\s+/g, ' '))) return undefined;
    if (clause.slice(0, last.start).split(/\s+/).length > 14) return null;
    ref = subjectBefore(beforeVerb(clause.slice(0, last.start)), clauseAt, ctx);
    cue = last.verb;
  }
  if (!ref) return null;
  const start = base + (s.length - s.trimStart().length);
  const end = base + trimEnd(s, comma);
  return end - start > 10 ? { start, end, ref, cue } : null;
}

function passive(s: string, base: number, stops: number[]): Reported | null {
  const m = PASSIVE_CUE.exec(s);
  if (!m) return null;
  const start = m.index + m[0].length;
  return { start: base + start, end: base + contentEnd(s, start, stops.map((x) => x - base)), ref: null, cue: m[0].trim().split(/\s+/).slice(1).join(' ') };
}

const WH_SUBJECT = /\b(?:what|how|why|whatever)\s+(?:[\p{L}’'-]+\s+){0,3}$/iu;

/** "SUBJECT (has) VERB (that) content" — the first cue with a resolvable subject and some content. */
function subjectVerb(s: string, base: number, stops: number[], ctx: PhraseContext): Reported | null {
  const cues = findCues(s);
  const local = stops.map((x) => x - base);
  for (let k = 0; k < cues.length; k++) {
    const cue = cues[k]!;
    if (local.some((x) => x < cue.start)) break;
    const rest = s.slice(cue.end);
    const at = contentStart(rest, cue);
    const content = at >= 0 ? at : contentAfterPhrase(rest, cue);
    // "what it feels like", "how councils see it": a cue inside a wh-clause names a topic, it reports nothing.
    const subject = beforeVerb(s.slice(0, cue.start));
    if (content < 0 || WH_SUBJECT.test(subject)) continue;
    // "These visits found that …": a demonstrative subject points back to the work of the sentence before.
    const ref = subjectOfCue(s, base, cues, k, ctx) ?? demonstrativeSource(subject, base + subject.search(/\S|$/), ctx);
    if (!ref) continue;
    const start = cue.end + content;
    const end = contentEnd(s, start, local);
    // "says the same", "said as much": two words that report nothing.
    if (end - start < 8 || (!s.slice(start, end).includes('§') && s.slice(start, end).trim().split(/\s+/).length < 3)) continue;
    return { start: base + start, end: base + end, ref, cue: cue.verb };
  }
  return null;
}

/** Content runs to the sentence end, or to the next full quote, without a trailing cue ("…, and added:") or reporter's context. */
function contentEnd(s: string, start: number, stops: number[]): number {
  const stop = stops.find((x) => x > start);
  let end = stop ?? s.length;
  let piece = s.slice(start, end);
  if (stop !== undefined) piece = piece.replace(/[,;]?\s*(?:and\s+|before\s+|then\s+)?(?:(?:he|she|they|it)\s+)?(?:\w+\s+)?(?:added|adding|said|saying|continued|went on|told [\w\s]+|concluded)\s*[:,]?\s*$/i, '');
  piece = piece.replace(REPORTING_OCCASION, '');
  // "it “accepts the findings in full” after its services were rated …": after the quoted words, the reporter's context.
  piece = piece.replace(CONTEXT_AFTER_QUOTE, '$1');
  const ctxCut = TRAILING_CONTEXT.exec(piece);
  if (ctxCut && ctxCut.index > 20) piece = piece.slice(0, ctxCut.index);
  end = start + piece.length;
  return trimEnd(s, end);
}

function trimEnd(s: string, end: number): number {
  while (end > 0 && /[\s.,;:!?–—-]/.test(s[end - 1]!)) {
    if (/[!?]/.test(s[end - 1]!) && end >= 2 && /["”’']/.test(s[end - 2]!)) break;
    end--;
  }
  return end;
}
