// Letters signed by several people speak as their first signatory (the annotators' convention for open letters).
import { subjectAfter } from './subject-phrase.ts';
import type { WalkInput } from './walk-input.ts';

const SIGNED_BY = /\b(?:letter|statement|petition)\b[^.]*?\bsigned by\s+/i;

/**
 * "The letter, seen by LGC, is signed by Sarah Whitford, chief executive of X, Richard Okoye, … and six others": from here
 * "the letter says", "It says" and the letter's unattributed paragraphs are the first signatory's. True when noted.
 */
export function noteSignatories(w: WalkInput, s: number, e: number): boolean {
  const m = SIGNED_BY.exec(w.masked.slice(s, e));
  if (!m) return false;
  const at = s + m.index + m[0].length;
  const ref = subjectAfter(w.masked.slice(at, e).replace(/[.\s]+$/, ''), at, w.phrase);
  const speaker = ref?.type === 'person' ? w.state.resolve(ref) : null;
  if (!speaker) return false;
  w.state.noteDocument('letter', speaker);
  return true;
}
