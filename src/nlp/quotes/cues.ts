// Reporting verbs in narrative text, and where the reported content after a verb begins.
import { AUX, OBJECT_VERBS, SPEECH_VERBS } from './lexicon.ts';

export interface Cue {
  /** Offsets of the verb (or verb phrase) in the string searched. */
  start: number;
  end: number;
  verb: string;
  object: boolean;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s+');
const OBJECT_SET = new Set(OBJECT_VERBS);
const ALL = [...new Set([...OBJECT_VERBS, ...SPEECH_VERBS])].sort((a, b) => b.length - a.length);
const VERB_RE = new RegExp(`(?<![\\p{L}-])(?:${ALL.map(escape).join('|')})(?![\\p{L}-])`, 'gu');
const AUX_TAIL = new RegExp(`(?:\\s+(?:${AUX}|not|n't))+\\s*$`, 'i');
const SAY_AFTER = /\b(?:did|would|will|could|to|does|do|must|might|may|should)\s+$/i;

/** Every reporting verb in `s`, left to right. */
const memo = new Map<string, Cue[]>();

export function findCues(s: string): Cue[] {
  const hit = memo.get(s);
  if (hit) return hit;
  if (memo.size > 2_000) memo.clear();
  const out: Cue[] = [];
  memo.set(s, out);
  for (const m of s.matchAll(VERB_RE)) {
    const verb = m[0].toLowerCase().replace(/\s+/g, ' ');
    if (verb === 'say' && !SAY_AFTER.test(s.slice(0, m.index))) continue;
    // "… as he said" inside a clause, or a noun use ("the claims", "the calls"): need a subject, checked by the caller.
    out.push({ start: m.index, end: m.index + m[0].length, verb, object: OBJECT_SET.has(verb) });
  }
  return out;
}

/** The text before a verb with auxiliaries and adverbs removed ("Wilshaw has also" → "Wilshaw"). */
export function beforeVerb(s: string): string {
  return s.replace(AUX_TAIL, '');
}

/** A complement that opens with one of these is a circumstance, not reported content ("hit back after …"). */
const CLAUSE_LINK = /^(?:about|of|after|before|when|while|as|because|since|against|over|at|in|on|with|to|from|by|during|amid|until|if)\b/i;
/** Speech verbs that also take a plain object ("found a job", "announced a review"). */
const NP_TAKERS = /^(?:found|finds|revealed|reveals|reported|announced|announces|confirmed|confirms|accepted|accepts|highlighted|highlights|recommended|recommends|predicted|predicts|noted|admitted|admits|acknowledged|acknowledges|stressed|stresses|emphasised|emphasises)$/;
const CLAUSE_VERB = /\b(?:is|are|was|were|had|has|have|would|could|should|will|can|cannot|can't|won't|did|does|do|must|may|might|need|needs|needed|shall|been|being|remains|remained|seems|seemed|[a-z]{3,}ed|[a-z]+n't)\b/i;
const ADVERBIAL_AFTER = /^\s*(?:,\s*)?(?:on (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)|yesterday|today|last (?:week|month|year)|this (?:week|month|year)|in (?:a|an|its|his|her|their) (?:statement|interview|letter|report|speech|blog|submission|evidence)|at the time|earlier|recently|previously|again|also)\b\s*,?/i;
const TELL_OBJECT = /^\s*(?:(?:the|a|an|its|his|her)\s+)?(?:[A-Z][\p{L}’'.-]*\s+)*(?:MPs|peers|councillors|reporters|journalists|delegates|members|committee|conference|audience|parliament|inquiry|hearing|press|media|BBC|magazine|newspaper)?\s*(?:(?:last|this)\s+(?:week|month|year)|yesterday|today|on\s+\p{Lu}\p{L}+day)?\s*/u;

/**
 * Where the reported content begins after a cue (`s` continues right after the verb), or -1 when nothing reported follows
 * (a colon or a full quote: that is a direct quote's introduction; a full stop: a bare speech act).
 */
export function contentStart(s: string, cue: Cue): number {
  let i = 0;
  const skip = (re: RegExp) => { const m = re.exec(s.slice(i)); if (m && m.index === 0) i += m[0].length; };
  skip(ADVERBIAL_AFTER);
  if (/^(?:told|tells|asked|urged|urges|warned|warns)$/.test(cue.verb)) {
    const that = /^(?:[^,.;:]{0,60}?)\bthat\s+/.exec(s.slice(i));
    if (that) i += that[0].length;
    else if (cue.verb === 'told' || cue.verb === 'tells') skip(TELL_OBJECT);
  }
  skip(ADVERBIAL_AFTER);
  const beforeThat = i;
  skip(/^\s*that\s+/);
  const thatSkipped = i > beforeThat || /\bthat\s*$/.test(s.slice(0, i));
  skip(/^\s+/);
  const rest = s.slice(i);
  if (!rest || /^[:;.,!?)–—]/.test(rest) || CLAUSE_LINK.test(rest)) return -1;
  if (rest.replace(/[^\p{L}§]/gu, '').length < 6) return -1;
  // Without "that", a speech verb's content must read as a clause ("she found a new job" reports nothing).
  if (NP_TAKERS.test(cue.verb) && !thatSkipped && !rest.includes('§') && !CLAUSE_VERB.test(rest.split(/\s+/).slice(0, 14).join(' '))) return -1;
  return i;
}
