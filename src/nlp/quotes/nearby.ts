// Speakers found around a quote rather than in its own sentence: the next sentence, the photo caption, the paragraph above,
// a name earlier in a pronoun's sentence.
import { findCues } from './cues.ts';
import { ROLE_WORDS } from './lexicon.ts';
import { findNames, type NameMention } from './names.ts';
import type { MarkSpan } from './marks.ts';
import { subjectAfter } from './subject-phrase.ts';
import type { SpeakerRef } from './speaker-ref.ts';
import type { Speaker } from './speakers.ts';
import type { Found, WalkInput } from './walk-input.ts';

const NAMED_AFTER = /^\s*(?:(?:That|This|Those|These|Such)\s+(?:was|were|is|are)\s+(?:the\s+)?(?:[a-z]+\s+){0,2}(?:words?|message|view|verdict|warning|response|reaction|comments?|assessment|thoughts|plea|claim|admission|conclusion|argument|opinion|answer|reply|experience|story|account)\s+(?:of|from)|(?:The|Those|These)\s+(?:words|warning|comments|remarks|message|plea|claim)\s+(?:came|come|comes)\s+from|(?:The|Those|These)\s+(?:words|comments|remarks)\s+(?:are|were)\s+(?:those\s+)?of|So\s+(?:said|says))\s+(.+?)(?=,\s*(?:who|whose|which)\b|[.;!?]|$)/;

/** "“…” / That was the view of Cllr X, leader of Y Council." — the speaker named right after the quote, in the next sentence. */
export function namedBelow(w: WalkInput, last: MarkSpan): SpeakerRef | null {
  let at = last.end + 1;
  const para = w.paras[last.para]!;
  if (!w.masked.slice(at, para.end).trim()) {
    const next = w.paras.slice(last.para + 1).find((q) => !q.furniture);
    if (!next) return null;
    at = next.start;
  }
  const line = w.masked.slice(at, w.paras.find((q) => q.start <= at && at <= q.end)?.end ?? at);
  const m = NAMED_AFTER.exec(line.replace(/^[\s,.;:!?]+/, ''));
  if (!m) return null;
  const lead = line.length - line.replace(/^[\s,.;:!?]+/, '').length;
  return subjectAfter(m[1]!, at + lead + m[0].length - m[1]!.length, w.phrase);
}

/** A quote before anyone has spoken, with no attribution, is the person the photo caption names (the page's subject). */
export function captionPerson(w: WalkInput): Speaker | null {
  for (const p of w.paras) {
    if (p.placement !== 'caption') continue;
    const s = w.masked.slice(p.start, p.end).split(/[.;]\s|\b(?:Picture|Photograph|Photo|Image|Credit|Pictured)\s*:/)[0]!;
    const ref = subjectAfter(s, p.start, w.phrase);
    if (ref?.type === 'person' && (ref.mention.given || ref.mention.title)) return w.state.resolve(ref);
  }
  return null;
}

/**
 * A quote paragraph right after narrative that introduces someone without quoting them
 * ("Jones, who runs a fostering agency, has seen this first hand.") belongs to that person, not the previous speaker.
 */
export function introducedPerson(w: WalkInput, para: number, out: Found[]): Speaker | null {
  let i = para - 1;
  while (i >= 0 && w.paras[i]!.furniture) i--;
  const above = w.paras[i];
  if (!above || above.placement !== 'body' || out.some((q) => q.para === i) || w.spans.some((m) => m.para === i)) return null;
  const opening = w.masked.slice(above.start, Math.min(above.end, above.start + 160));
  const lead = /^(?:(?:But|However|Meanwhile|Now|Today|Since then|For)\b,?\s+)?/.exec(opening)![0].length;
  let m: NameMention | null | undefined = findNames(opening.slice(lead), above.start + lead, w.phrase.orgs.find(opening, above.start)).find((n) => !n.possessive);
  if (!m || (m.start !== above.start + lead && !isPostBefore(w.masked.slice(above.start + lead, m.start)))) m = passiveAgent(w, above.start, above.end);
  if (!m) return null;
  const speaker = w.state.resolve({ type: 'person', mention: m, role: null, org: null });
  return speaker?.person && speaker.person !== w.state.last()?.person ? speaker : null;
}

const PASSIVE_BY = /\b(?:was|were|is|are|has been|have been|had been|being)\s+(?:[a-z]+ly\s+)?[a-z]+(?:ed|en)\s+by\s+([^.;!?§]{3,160}?)[.!?]?\s*$/;

/**
 * "The claims were rejected by Ofsted's national director, Eleanor Schooling.": the named agent of a passive at the end of
 * the sentence [s, e) is who the narrative introduces, like a subject.
 */
export function passiveAgent(w: WalkInput, s: number, e: number): NameMention | null {
  const sentence = w.masked.slice(s, e);
  const m = sentence.includes(' by ') ? PASSIVE_BY.exec(sentence) : null;
  if (!m) return null;
  const at = s + m.index + m[0].length - m[0].slice(m[0].indexOf(m[1]!)).length;
  const name = findNames(m[1]!, at, w.phrase.orgs.find(m[1]!, at)).find((n) => !n.possessive && (n.given || n.title));
  if (!name) return null;
  // "by Jenny Coles", "by ADCS president Jenny Coles", "by the ADCS president, Jenny Coles".
  const before = w.masked.slice(at, name.start);
  return !before.trim() || isPostBefore(before) || (!/[,;:]/.test(before) && ROLE_WORDS.test(before)) ? name : null;
}

/** "Ofsted's national director for social care, " before a name: the post the name holds, not a sentence of its own. */
export function isPostBefore(s: string): boolean {
  return /^[^,.;:!?§]{3,100},\s+$/.test(s) && ROLE_WORDS.test(s) && !findCues(s).length;
}

/** "Council leaders rounded on Sir X after he accused …": a person named earlier in the pronoun's own sentence, of its gender. */
export function antecedentInSentence(w: WalkInput, s: number, contentAt: number, pronoun: string): Speaker | null {
  if (pronoun !== 'he' && pronoun !== 'she') return null;
  const before = w.masked.slice(s, contentAt);
  const at = [...before.matchAll(/\b(?:he|she|He|She)\b/g)].at(-1)?.index;
  if (!at) return null;
  const names = findNames(before.slice(0, at), s, w.phrase.orgs.find(before.slice(0, at), s)).filter((n) => !n.possessive && (n.given || n.title));
  const m = names.at(-1);
  if (!m) return null;
  const sp = w.state.resolve({ type: 'person', mention: m, role: null, org: null });
  const want = pronoun === 'he' ? 'm' : 'f';
  return sp?.person && (sp.person.gender ?? want) === want ? sp : null;
}
