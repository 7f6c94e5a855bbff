// "These found that …", "These visits found that …": a demonstrative source that points back to the work the sentence
// before described ("Ofsted carried out 60 focused visits"), so it speaks for the body that did that work.
import type { PhraseContext, SpeakerRef } from './speaker-ref.ts';

/** Plural nouns for work a body carries out and reports on. */
const WORK = 'visits|inspections|reviews|reports|studies|surveys|audits|checks|assessments|evaluations|investigations|inquiries|findings|results|figures|data|statistics|responses|interviews';
const DEMONSTRATIVE = new RegExp(`^\\s*(?:(?:these|those)(?:\\s+(?:[a-z-]+\\s+){0,2}(${WORK}))?|the\\s+(?:[a-z-]+\\s+){0,2}(visits|inspections|checks|assessments|investigations))\\s*$`, 'i');
const WORK_PHRASE = new RegExp(`\\b((?:[a-z-]+\\s+(?:and\\s+)?){0,3}?(?:${WORK}))\\b(?![^.;]*\\b(?:${WORK})\\b)`);
const INSPECTION_WORK = /^(?:visits|inspections|checks)$/;

/**
 * The source a demonstrative subject means, or null: the body the sentence before is about (its first named
 * organisation), with the work it did as the role; inspection work with no body named is the inspectorate's.
 */
export function demonstrativeSource(subject: string, base: number, ctx: PhraseContext): SpeakerRef | null {
  const m = DEMONSTRATIVE.exec(subject);
  if (!m) return null;
  const noun = (m[1] ?? m[2])?.toLowerCase() ?? null;
  // A bare "These" needs a body's work in the sentence before to point to ("These found" after "… carried out 60 visits").
  const work = WORK_PHRASE.exec(ctx.orgs.slice(ctx.orgs.sentenceBefore(base), base))?.[1]?.trim() ?? null;
  if (!noun && !work) return null;
  // The body the sentence before names did that work only when it describes work ("Ofsted carried out 60 visits").
  const org = work ? ctx.orgs.ownerBefore(base) : null;
  const role = noun && work?.endsWith(noun) ? work : noun ?? work!;
  if (org) return { type: 'institution', noun: role, org };
  return INSPECTION_WORK.test(noun ?? work!.split(/\s+/).at(-1)!) ? { type: 'institution', noun: role, org: null, inspection: true } : null;
}
