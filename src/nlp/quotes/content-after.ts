// Reported content that the plain "verb (that) content" reading (contentStart) turns down: a phrase between the verb and
// "that" ("said in a briefing to members that …"), and a participle's object that holds quoted words ("with inspectors
// finding “serious and widespread” weaknesses in …").
import type { Cue } from './cues.ts';
import { THAT_ONLY_CUES } from './lexicon.ts';

/** "in a briefing to members that", "at the launch of its review that": where and to whom, then the content. */
const PHRASE_THEN_THAT = /^\s*(?:in|at|during|on|to|before|via|through|from|for)\s+([^,;:.!?§"“”‘’()]{2,70}?)\s+that\s+/i;
/** Nouns whose "that" clause is their own content, not the speaker's ("said in response to claims that …"). */
const NOUN_COMPLEMENT = /\b(?:claims?|reports?|requests?|demands?|recommendations?|decisions?|conclusions?|requirements?|rules?|conditions?|expectations?|understanding|basis|grounds|principle|premise|messages?|suggestions?|fears?|concerns?|allegations?|news|warnings?|criticisms?|findings?|evidence|calls?|fact|idea|views?|beliefs?|hopes?|assumptions?|notion|arguments?|proposals?|plans?|rumou?rs?|speculation|accusations?|complaints?|revelations?|admissions?|recognition|assurances?|promises?|pledges?|signs?|risks?|dangers?|possibility|likelihood|chances?|way|extent|point|such|so|given)$/i;
/** "said in research that was published …": a relative "that" runs straight into its verb. */
const RELATIVE_THAT = /^(?:was|were|is|are|has|have|had|will|would|could|can|may|might|should|must|shows?|showed|finds?|found|[a-z]+ed)\b/;
/** A quoted fragment within the first few words of a participle's object. */
const FRAGMENT_OBJECT = /^\s*(?:[\p{L}’'-]+\s+){0,3}["“‘']§/u;

/** Where the content starts in `s` (the text right after the cue's verb), or -1 when neither form applies. */
export function contentAfterPhrase(s: string, cue: Cue): number {
  const m = PHRASE_THEN_THAT.exec(s);
  if (m && !NOUN_COMPLEMENT.test(m[1]!.trim()) && !RELATIVE_THAT.test(s.slice(m[0].length))) return m[0].length;
  // "with inspectors finding “…” weaknesses": without "that", only quoted words make the object the source's own.
  if (/ing$/.test(cue.verb) && THAT_ONLY_CUES.has(cue.verb) && FRAGMENT_OBJECT.test(s)) return s.search(/\S/);
  return -1;
}
