// Speech laid out without quote marks: press-release statements under "X said:", and lists under "X found that:".
import { attributionBefore, type Attribution } from './attribution.ts';
import { bridgesStatement } from './statement-bridge.ts';
import { subjectBefore } from './subject-phrase.ts';
import type { Speaker } from './speakers.ts';
import type { Paragraph } from './text.ts';
import type { Found, WalkInput } from './walk-input.ts';

const FIRST_PERSON = /\b(?:I|we|We|our|Our|us|my|My|me)\b/;

/**
 * Press-release layout: "Minister X said:" on its own line, then the statement in plain paragraphs without marks.
 * The first paragraph belongs to the speaker; later ones while they speak in the first person. Returns the speaker while the statement runs.
 */
export function unmarkedStatement(w: WalkInput, para: Paragraph, current: Speaker | null, out: Found[]): Speaker | null {
  const body = w.text.slice(para.start, para.end);
  if (para.placement !== 'body') return null;
  const item = listItem(w, para, current, out);
  if (item) return item;
  if (!/[.!?]$/.test(body)) return null;
  // A paragraph without I/we between two of the statement's is still the statement (GOV.UK's blockquote).
  let speaker = current && (FIRST_PERSON.test(body) || bridgesStatement(w, para)) ? current : null;
  let cue: string | null = null;
  if (!speaker) {
    const a = introducedAbove(w, para.index);
    if (!a || a.cue === ':' && !/\bsaid:\s*$/.test(w.text.slice(w.paras[para.index - 1]!.start, w.paras[para.index - 1]!.end))) return null;
    speaker = w.state.resolve(a.ref);
    cue = a.cue;
    if (!speaker) return null;
  }
  w.state.remember(speaker);
  out.push({ start: para.start, end: para.end, text: body, kind: 'direct', speaker, cue, para: para.index, confidence: cue ? 0.75 : 0.6 });
  return speaker;
}

const LIST_ITEM = /^(?:[•*·▪–-]\s*)?[a-z]/;
const BULLET = /^[•*·▪–-]\s*/;
/** "The report found:" — a finding verb introduces a list whose items may open with a capital. */
const FINDINGS_INTRO = /\b(?:found|finds|concluded|concludes|shows|showed|revealed|reveals|highlights|highlighted|warns|warned|identified|identifies)(?:\s+that)?:\s*$/;

/** "The inspectors' report said:" above bulleted items: each bullet is what it said. */
const SAID_INTRO = /\b(?:said|says|added|adds|noted|notes|recommended|recommends|stated|states)(?:\s+that)?:\s*$/;

/**
 * "The report found that:" above a list: each item is what the source found (reported, so indirect), until the list ends.
 * Returns the speaker while the list runs.
 */
function listItem(w: WalkInput, para: Paragraph, current: Speaker | null, out: Found[]): Speaker | null {
  const body = w.text.slice(para.start, para.end);
  if (body.length > 400) return null;
  let prev = para.index - 1;
  while (prev >= 0 && w.paras[prev]!.furniture) prev--;
  const above = w.paras[prev];
  const continues = current && out.at(-1)?.para === prev && out.at(-1)?.kind === 'indirect';
  const intro = above ? w.text.slice(above.start, above.end) : '';
  // A capitalised item: right under a findings line, or bulleted, or on the next line of the same block as the item above.
  const capitalised = FINDINGS_INTRO.test(intro) || BULLET.test(body) || (continues && !/\n\s*\n/.test(w.text.slice(above!.end, para.start)));
  if (!LIST_ITEM.test(body) && !(capitalised && /^(?:[•*·▪–-]\s*)?\p{Lu}/u.test(body) && !/[.!?]\s+\p{Lu}/u.test(body))) return null;
  let speaker = continues ? current : null;
  if (!speaker) {
    if (!above || !(/\bthat:\s*$/.test(intro) || FINDINGS_INTRO.test(intro) || (BULLET.test(body) && SAID_INTRO.test(intro)))) return null;
    const a = introducedAbove(w, para.index);
    speaker = a ? w.state.resolve(a.ref) : null;
    if (!speaker) return null;
  }
  const start = para.start + (BULLET.exec(body)?.[0].length ?? 0);
  const end = para.start + body.replace(/[\s.;,]+$/, '').length;
  w.state.remember(speaker);
  out.push({ start, end, text: w.text.slice(start, end), kind: 'indirect', speaker, cue: 'that:', para: para.index, confidence: 0.7 });
  return speaker;
}

/** "Jo Cleary, chair of the College of Social Work:" or "He said:" on its own line, right above a quote paragraph. */
export function introducedAbove(w: WalkInput, para: number): Attribution | null {
  let i = para - 1;
  while (i >= 0 && w.paras[i]!.furniture) i--;
  const above = w.paras[i];
  if (!above) return null;
  const line = w.masked.slice(above.start, above.end);
  if (!/:\s*$/.test(line) || line.includes('§')) return null;
  const withCue = attributionBefore(line, above.start, w.phrase);
  if (withCue) return withCue;
  const ref = subjectBefore(line.replace(/:\s*$/, ''), above.start, w.phrase);
  return ref ? { ref, cue: ':' } : null;
}
