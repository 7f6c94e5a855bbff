// Reporting verbs in narrative text, and where the reported content after a verb begins.
import { AUX, OBJECT_VERBS, PLURAL_THAT_VERBS, SPEECH_VERBS, THAT_ONLY_CUES } from './lexicon.ts';
import { buildLetterTree, type LetterNode } from './letter-tree.ts';

export interface Cue {
  /** Offsets of the verb (or verb phrase) in the string searched. */
  start: number;
  end: number;
  verb: string;
  object: boolean;
}

const OBJECT_SET = new Set(OBJECT_VERBS);
/** Verb phrases by first word, longest first, so a scan of lower-case words finds them without one huge regex. */
const BY_FIRST = new Map<string, string[][]>();
for (const v of [...new Set([...OBJECT_VERBS, ...SPEECH_VERBS])].sort((a, b) => b.length - a.length)) {
  const words = v.split(' ');
  BY_FIRST.set(words[0]!, [...(BY_FIRST.get(words[0]!) ?? []), words]);
}
/** The first words as a letter tree: a run of lower-case letters is walked down it as it is scanned. */
const FIRST_TREE = buildLetterTree([...BY_FIRST].filter(([first]) => /^[a-z]+$/.test(first)));
/** The first word of every cue phrase: findCues finds nothing in a text that has none of them as a word. */
export const CUE_FIRST_WORDS: ReadonlySet<string> = new Set([...BY_FIRST.keys()].filter((w) => /^[a-z]+$/.test(w)));
/** "Local authorities say", "Critics say": present-tense say after a plural noun (not "as they say"). */
const PLURAL_BEFORE = /\b[a-z]{2,}[a-rt-z]s\s+$|\b(?:staff|people|children)\s+$/i;
/** "The signatories, who include …, say": a plural subject with a who-aside before present-tense say. */
const PLURAL_WHO_ASIDE = /^\s*(?:the\s+|many\s+|some\s+)?(?:[a-z-]+\s+){0,2}[a-z]{2,}[a-rt-z]s,\s+who\b[^,;]*,\s+$/i;
const SAY_AFTER = /\b(?:did|would|will|could|to|does|do|must|might|may|should)\s+(?:also\s+|now\s+|today\s+|later\s+)?$/i;
const AUX_TAIL = new RegExp(`(?:\\s+(?:${AUX}|not|n't))+\\s*$`);
const isLetter = (c: string | undefined) => c !== undefined && (/[a-z-]/i.test(c) || c > '\u007f' && /\p{L}/u.test(c));
const memo = new Map<string, Cue[]>();
const MODIFIER_BEFORE = /(?:\p{L}['’]s?|\b(?:its|their|his|her|our|the|a|an|this|these|those))\s+$/u;

/** Every reporting verb in `s`, left to right. */
export function findCues(s: string): Cue[] {
  const hit = memo.get(s);
  if (hit) return hit;
  if (memo.size > 2_000) memo.clear();
  const out: Cue[] = [];
  memo.set(s, out);
  // Runs of lower-case ASCII letters, scanned by hand (a regex match per word cost most of this function) and walked down
  // the letter tree of first words.
  for (let i = 0; i < s.length; ) {
    const c = s.charCodeAt(i);
    if (c < 97 || c > 122) {
      i++;
      continue;
    }
    const at = i;
    let node: LetterNode<string[][]> | undefined = FIRST_TREE.next[c - 97];
    for (i++; i < s.length; i++) {
      const d = s.charCodeAt(i);
      if (!isLowerAscii(d)) break;
      if (node) node = node.next[d - 97];
    }
    const phrases = node?.value;
    if (!phrases || isLetter(s[at - 1])) continue;
    // After a possessive or a determiner the word is an adjective or a noun ("Ofsted's proposed framework", "the claims").
    if (MODIFIER_BEFORE.test(s.slice(Math.max(0, at - 12), at))) continue;
    for (const words of phrases) {
      const end = matchPhrase(s, at, words);
      if (end < 0) continue;
      const verb = words.join(' ');
      if (verb === 'say' && !SAY_AFTER.test(s.slice(0, at)) && !PLURAL_BEFORE.test(s.slice(Math.max(0, at - 30), at)) && !PLURAL_WHO_ASIDE.test(s.slice(0, at))) break;
      if (PLURAL_THAT.has(verb) && SAY_AFTER.test(s.slice(Math.max(0, at - 30), at))) break;
      out.push({ start: at, end, verb, object: OBJECT_SET.has(verb) });
      i = end;
      break;
    }
  }
  return out;
}

const PLURAL_THAT = new Set(PLURAL_THAT_VERBS);
const isLowerAscii = (c: number) => c >= 97 && c <= 122;

/** End of the phrase `words` at `at` (whitespace between words, a word boundary after), or -1. */
function matchPhrase(s: string, at: number, words: string[]): number {
  let i = at;
  for (let k = 0; k < words.length; k++) {
    if (k > 0) {
      const sp = /^\s+/.exec(s.slice(i, i + 4));
      if (!sp) return -1;
      i += sp[0].length;
    }
    if (!s.startsWith(words[k]!, i)) return -1;
    i += words[k]!.length;
  }
  return isLetter(s[i]) ? -1 : i;
}

/** The text before a verb with auxiliaries and adverbs removed ("Wilshaw has also" → "Wilshaw"). */
export function beforeVerb(s: string): string {
  return s.replace(AUX_TAIL, '');
}

/** A complement that opens with one of these is a circumstance, not reported content ("hit back after …"). */
const CLAUSE_LINK = /^(?:about|of|after|before|when|while|as|because|since|against|over|at|in|on|with|to|from|by|during|amid|until|if)\b/i;
const WH_TOPIC = /^(?:what|how|why|where|when|which|who|whom)\b/i;
/** Speech verbs that also take a plain object ("found a job", "announced a review"). */
const NP_TAKERS = /^(?:posted|proposes|proposed|propose|find|accept|acknowledge|showed|shows|identified|outlined|disclosed|denied|disputed|demanded|promised|pledged|expects|estimated|indicated|signalled|repeated|reiterated|judged|found|finds|revealed|reveals|reported|announced|announces|confirmed|confirms|accepted|accepts|highlighted|highlights|recommended|recommends|predicted|predicts|noted|admitted|admits|acknowledged|acknowledges|stressed|stresses|emphasised|emphasises)$/;
const CLAUSE_VERB = /\b(?:is|are|was|were|had|has|have|would|could|should|will|can|cannot|can't|won't|did|does|do|must|may|might|need|needs|needed|shall|been|being|remains|remained|seems|seemed|[a-z]{3,}ed|[a-z]+n't)\b/i;
const ADVERBIAL_AFTER = /^\s*(?:,\s*)?(?:in (?:19|20)\d\d|in (?:january|february|march|april|may|june|july|august|september|october|november|december)(?: (?:19|20)\d\d)?|last (?:autumn|spring|summer|winter)|on (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)|yesterday|today|last (?:week|month|year)|this (?:week|month|year|morning|afternoon|evening)|in (?:a|an|its|his|her|their) (?:[a-z-]+ ){0,2}(?:statement|interview|letter|report|speech|blog|submission|evidence|response|post|article|column|foreword)|on (?:x|twitter|linkedin|facebook|instagram|bluesky|threads|social media|(?:its|his|her|their|the) (?:website|blog))|at the time|earlier|recently|previously|again|also)\b\s*,?/i;
const TELL_OBJECT = /^\s*(?:(?:the|a|an|its|his|her|this|our)\s+)?(?:[A-Z][\p{L}’'.-]*\s+)*(?:MPs|peers|councillors|reporters|journalists|delegates|members|committee|conference|audience|parliament|inquiry|hearing|press|media|BBC|magazine|newspaper|colleagues|staff|parents|families|pupils|ministers|officials|inquest|court|tribunal|jury|coroner|listeners|viewers|readers|friends|us|me|him|her|them)?\s*(?:(?:last|this)\s+(?:week|month|year)|yesterday|today|on\s+\p{Lu}\p{L}+day)?\s*/u;

/**
 * Where the reported content begins after a cue (`s` continues right after the verb), or -1 when nothing reported follows
 * (a colon or a full quote: that is a direct quote's introduction; a full stop: a bare speech act).
 */
export function contentStart(s: string, cue: Cue): number {
  let i = skip(ADVERBIAL_AFTER, s, 0);
  if (/^(?:told|tells|tell|asked|urged|urges|urging|warned|warns)$/.test(cue.verb)) {
    const that = /^(?:[^,.;:]{0,60}?)\bthat\s+/.exec(s.slice(i));
    // "urged councils to make clear that …": the content starts at the object, not at a "that" inside the infinitive.
    if (that && !(cue.verb !== 'told' && cue.verb !== 'tells' && /\bto\s+\p{L}/u.test(that[0]))) i += that[0].length;
    else if (cue.verb === 'told' || cue.verb === 'tells') i = skip(TELL_OBJECT, s, i);
  }
  i = skip(ADVERBIAL_AFTER, s, i);
  const beforeThat = i;
  i = skip(THAT, s, i);
  const thatSkipped = i > beforeThat || /\bthat\s*$/.test(s.slice(0, i));
  if (THAT_ONLY_CUES.has(cue.verb) && !thatSkipped) return -1;
  i = skip(SPACE, s, i);
  const rest = s.slice(i);
  if (!rest || /^[:;.,!?)–—]/.test(rest) || (!thatSkipped && CLAUSE_LINK.test(rest))) return -1;
  // "He told us what has changed", "confirmed how it will inspect": a wh-clause names the topic, not what was said.
  if (!thatSkipped && WH_TOPIC.test(rest)) return -1;
  if (rest.replace(/[^\p{L}§]/gu, '').length < 6) return -1;
  // Without "that", a speech verb's content must read as a clause ("she found a new job" reports nothing).
  if (NP_TAKERS.test(cue.verb) && !thatSkipped && !rest.includes('§') && !CLAUSE_VERB.test(rest.split(/\s+/).slice(0, 14).join(' '))) return -1;
  return i;
}

const THAT = /^\s*that\s+/;
const SPACE = /^\s+/;

/** `i` moved past a match of `re` (anchored) at `i` in `s`. A function, not a closure: contentStart runs per cue. */
function skip(re: RegExp, s: string, i: number): number {
  const m = re.exec(s.slice(i));
  return m && m.index === 0 ? i + m[0].length : i;
}
