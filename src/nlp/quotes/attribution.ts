// Who a direct quote belongs to, from the narrative around its marks: "“…,” he added", "X said: “…”", "said X", "X:".
import { beforeVerb, findCues } from './cues.ts';
import { readPhrase } from './read-phrase.ts';
import type { PhraseContext, SpeakerRef } from './speaker-ref.ts';
import { subjectAfter, subjectBefore } from './subject-phrase.ts';

export interface Attribution {
  ref: SpeakerRef;
  cue: string;
}

const MESSAGE_FROM = /^(?:was|were|is|are)\s+(?:the\s+)?(?:[a-z]+\s+){0,2}(?:message|verdict|view|warning|response|reaction|comments?|assessment|plea|claim|conclusion|argument|opinion|answer|reply|words)\s+(?:of|from)\s+(.+)$/;
const OBJECT_OR_ADVERB_BEFORE_QUOTE = /^\s*(?:[\p{L}’'.-]+\s*){0,5}[:,]?\s*$/u;

/** Attribution in the narrative after a closing mark, up to the end of its sentence: `, he said.` / `said Ofsted's chief inspector, X.` */
export function attributionAfter(tail: string, base: number, ctx: PhraseContext): Attribution | null {
  const lead = /^[\s,;:–—-]*/.exec(tail)![0].length;
  // "“…,” Dempsey said, adding that …": the participle's clause is a report of its own, not part of the tag.
  const body = tail.slice(lead).replace(/,\s+(?:adding|saying|noting|arguing|warning|insisting|stressing)\s+that\b[\s\S]*$/, '').replace(/[\s.!?]+$/, '');
  if (!body || body.split(/\s+/).length > 25) return null;
  const cue = findCues(body).find((c) => !c.object || c.verb.startsWith('told'));
  if (!cue && /^\s*[–—-]\s*$/.test(tail.slice(0, lead)) && /[–—-]/.test(tail.slice(0, lead))) {
    // List style: "“…” – Jane Smith, NSPCC"
    const ref = subjectAfter(body, base + lead, ctx);
    return ref && ref.type === 'person' ? { ref, cue: '–' } : null;
  }
  const message = cue ? null : MESSAGE_FROM.exec(body);
  if (message) {
    // "“The money is not there,” was the blunt message from Cllr X."
    const ref = subjectAfter(message[1]!, base + lead + body.length - message[1]!.length, ctx);
    return ref ? { ref, cue: 'message from' } : null;
  }
  if (!cue) {
    const acc = /^according to\s+(.+)$/i.exec(body);
    const ref = acc ? readPhrase(acc[1]!, base + lead + body.length - acc[1]!.length, ctx) : null;
    return ref ? { ref, cue: 'according to' } : null;
  }
  const pre = beforeVerb(body.slice(0, cue.start));
  if (!pre.trim()) {
    const ref = subjectAfter(body.slice(cue.end), base + lead + cue.end, ctx);
    return ref ? { ref, cue: cue.verb } : null;
  }
  if (pre.trim().split(/\s+/).length > 14) return null;
  const ref = subjectBefore(pre, base + lead, ctx);
  return ref ? { ref, cue: phraseOf(body, cue) } : null;
}

const SPEECH_TAIL = /^[\s,;:–—-]*(?:(?:said|says|added|adds|told|warned|explained|admitted)\s+\S|(?:[\p{L}'’-]+\s+){1,4}(?:said|says|added|adds|explained|admitted)\b)/u;

/** "“…,” said one head.": narrative after a quote that attributes it, whether or not we can tell to whom. */
export function isSpeechTail(tail: string): boolean {
  return SPEECH_TAIL.test(tail);
}

const VERDICT_OF = /(?:^|[.!?]\s+)(?:((?:[Tt]he\s+)?[^\s,:.;][^,:.;]{1,60}?)['’]s?|([Hh]is|[Hh]er))\s+(verdict|message|response|reaction|view|assessment|answer|reply|warning|advice|conclusion)(?:\s+to\s+[^,:;.]{1,40}?)?\s+(?:was|is)\b[^:;.]{0,30}:\s*$/;

/** Attribution in the narrative before an opening mark: `He said: ` / `X told MPs: ` / `Wilshaw: ` (captions). */
export function attributionBefore(head: string, base: number, ctx: PhraseContext): Attribution | null {
  const cues = findCues(head);
  for (let k = cues.length - 1; k >= 0; k--) {
    const cue = cues[k]!;
    if (!OBJECT_OR_ADVERB_BEFORE_QUOTE.test(head.slice(cue.end))) continue;
    const ref = subjectOfCue(head, base, cues, k, ctx);
    if (ref) return { ref, cue: phraseOf(head, cue) };
    break;
  }
  // "The chief inspector's verdict was blunt: “…”": the owner of the verdict speaks.
  const verdict = VERDICT_OF.exec(head);
  if (verdict) {
    const pronoun = verdict[2] ? (verdict[2].toLowerCase() === 'his' ? 'he' : 'she') : null;
    const ref: SpeakerRef | null = pronoun ? { type: 'pronoun', pronoun, at: base + verdict.index } : readPhrase(verdict[1]!, base + verdict.index + verdict[0].indexOf(verdict[1]!), ctx);
    if (ref && (pronoun || ref.type !== 'pronoun')) return { ref, cue: verdict[3]! };
  }
  // A label ("Wilshaw:") has no verb; a cue whose subject is nobody ("A figure close to X said:") is not a label.
  const label = cues.length ? null : /^\s*([^,:.]{2,60}):\s*$/.exec(head);
  if (label) {
    const ref = readPhrase(label[1]!, base + head.indexOf(label[1]!), ctx);
    if (ref && ref.type !== 'pronoun') return { ref, cue: ':' };
  }
  return null;
}

/** A sentence's own subject, before its first finite verb ("Eight directors … have written to …"). */
const MAIN_SUBJECT = /^\s*([^,;]{3,90}?)\s+(?:has|have|had|wrote|sent|published|issued|released|launched|signed|joined|took|went|appeared|spoke)\b/;
/** A participle right after the object of a preposition ("… to the chief inspector calling for"). */
const OBJECT_BEFORE_PARTICIPLE = /\b(?:to|at|from)\s+(?:the\s+|a\s+|an\s+)?(?:[\p{L}’'-]+,?\s+){1,8}$/u;

/** The subject of cue k; an elided subject ("Wood called X and added:") is the subject of an earlier cue. */
export function subjectOfCue(s: string, base: number, cues: ReturnType<typeof findCues>, k: number, ctx: PhraseContext): SpeakerRef | null {
  // "X wrote that the letter “…”, adding: “…”": a participle's subject is the main verb's, not the words before it.
  const participle = k > 0 && /ing$/.test(cues[k]!.verb) && /,\s*$/.test(s.slice(cues[k - 1]!.end, cues[k]!.start));
  // "Eight directors have written to the chief inspector calling for …": the object of a preposition is not who calls.
  if (!participle && /ing\b/.test(cues[k]!.verb)) {
    const main = MAIN_SUBJECT.exec(s.slice(0, cues[k]!.start));
    if (main && OBJECT_BEFORE_PARTICIPLE.test(s.slice(0, cues[k]!.start))) return subjectBefore(main[1]!, base, ctx);
  }
  for (let j = participle ? k - 1 : k; j >= 0; j--) {
    const ref = subjectBefore(beforeVerb(s.slice(0, cues[j]!.start)), base, ctx);
    if (ref) return ref;
    const between = s.slice(j > 0 ? cues[j - 1]!.end : 0, cues[j]!.start);
    if (!/^[^.;]*\b(?:and|then|but)\s*$/i.test(between) && !/,\s*$/.test(between)) return null;
  }
  return null;
}

function phraseOf(s: string, cue: { start: number; end: number }): string {
  const after = /^\s+(?:MPs|the [A-Z][\p{L} ]+|[A-Z][\p{L}]*(?: [A-Z][\p{L}]*)*)/u.exec(s.slice(cue.end));
  return (s.slice(cue.start, cue.end) + (after && /^(?:told|tells)$/.test(s.slice(cue.start, cue.end)) ? after[0] : '')).replace(/\s+/g, ' ');
}
