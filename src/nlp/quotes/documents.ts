// Documents and who speaks through them: a letter speaks as its first signatory (the annotators' convention for open
// letters), a paper or report as the body that published it.
import { INSTITUTION_NOUNS } from './lexicon.ts';
import { subjectAfter } from './subject-phrase.ts';
import type { OrgMatcher } from './orgs.ts';
import type { Speaker } from './speakers.ts';
import type { Found, WalkInput } from './walk-input.ts';

const SIGNED_BY = /\b(?:letter|statement|petition)\b[^.]*?\bsigned by\s+|\bsignatories\b,?\s+(?:who\s+)?(?:include|including|are|were)\s+/i;

/**
 * "The letter, seen by LGC, is signed by Sarah Whitford, chief executive of X, Richard Okoye, … and six others": from here
 * "the letter says", "It says" and the letter's unattributed paragraphs are the first signatory's. True when noted.
 */
export function noteSignatories(w: WalkInput, s: number, e: number): Speaker | null {
  const m = SIGNED_BY.exec(w.masked.slice(s, e));
  if (!m) return null;
  const at = s + m.index + m[0].length;
  let rest = w.masked.slice(at, e).replace(/[.\s]+$/, '');
  // "The signatories, who include A of X and B of Y, say …": the first one named.
  if (!/signed by/i.test(m[0])) rest = rest.replace(/^([^,]*?)\s+and\s[^]*$/, '$1').replace(/,[^]*$/, '');
  const ref = subjectAfter(rest, at, w.phrase);
  const speaker = ref?.type === 'person' ? w.state.resolve(ref) : null;
  if (!speaker) return null;
  w.state.noteDocument('letter', speaker);
  return speaker;
}

/**
 * "Eight council chief executives have written to …, urging him to …" then "The letter … is signed by X, …": what the group
 * said through the letter, in the paragraphs just before, is its first signatory's (the annotators' convention).
 */
export function giveToSignatory(out: Found[], signatory: Speaker, before: number): void {
  for (let i = out.length - 1; i >= 0 && before - out[i]!.end < 1200; i--) {
    const sp = out[i]!.speaker;
    if (sp && !sp.person && !sp.org && sp.name && /^[a-z]/.test(sp.name)) out[i]!.speaker = signatory;
  }
}

const PUBLISHED = new RegExp(`\\b(?:has\\s+)?(?:today\\s+)?(?:published|publishes|released|releases|issued|issues|launched|launches)\\s+(?:today\\s+)?(?:a|an|its|the)\\s+(?:new\\s+|first\\s+|annual\\s+)?(?:[\\w’'-]+\\s+){0,2}?(${Object.keys(INSTITUTION_NOUNS).join('|')})\\b`);

/** "ADCS has today published a paper reflecting on …": from here "The paper finds" is ADCS's. True when noted. */
export function notePublisher(w: WalkInput, s: number, e: number): boolean {
  const sentence = w.masked.slice(s, e);
  const m = PUBLISHED.exec(sentence);
  if (!m) return false;
  const org = w.phrase.orgs.find(sentence.slice(0, m.index), s).at(-1)?.org;
  if (!org) return false;
  w.state.noteSource(INSTITUTION_NOUNS[m[1]!]!, org);
  return true;
}

const IN_A_DOCUMENT = new RegExp(`^\\s*(?:But\\s+|And\\s+)?In\\s+(?:a|an|its|their|the)\\s+(?:[\\w’'-]+\\s+){0,3}?(${Object.keys(INSTITUTION_NOUNS).join('|')})\\b`);

/**
 * "In a letter published today after its third visit, Ofsted said that …": the document is the body's, so "The letter
 * noted that …" and "The report also found that …" later are the body's too.
 */
export function noteDocumentOf(w: WalkInput, s: number, speaker: Speaker): void {
  const m = IN_A_DOCUMENT.exec(w.masked.slice(s, s + 200));
  if (m && !speaker.person && speaker.org) w.state.noteSource(INSTITUTION_NOUNS[m[1]!]!, speaker.org);
}

const PUBLISHED_BY = new RegExp(`\\b(${Object.keys(INSTITUTION_NOUNS).join('|')})\\b,?\\s+(?:was\\s+|is\\s+)?(?:published|commissioned|produced|written|carried out|conducted|compiled)\\b[^.;]{0,60}?\\bby\\s+(?:the\\s+)?`, 'gi');

/**
 * "A serious case review … has found that …" in a lead, then "The review, published on Thursday by the X board, said":
 * the body the article names as a source's publisher, wherever it names it, for a source no body has claimed yet.
 */
export function publishersNamed(masked: string, orgs: OrgMatcher): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of masked.matchAll(PUBLISHED_BY)) {
    const at = m.index + m[0].length;
    const org = orgs.find(masked.slice(at, at + 120), at)[0];
    const noun = INSTITUTION_NOUNS[m[1]!.toLowerCase()]!;
    if (org && org.start === at && !out.has(noun)) out.set(noun, org.org);
  }
  return out;
}
