// Q&A interviews: answers printed without quote marks under the interviewer's questions are the interviewee's words.
import { findNames } from './names.ts';
import { captionPerson } from './nearby.ts';
import type { Speaker } from './speakers.ts';
import { subjectAfter } from './subject-phrase.ts';
import type { Paragraph } from './text.ts';
import type { Found, WalkInput } from './walk-input.ts';

const INTERVIEW_LINE = /^(?:interview|q\s*&\s*a|q and a|in conversation(?: with)?|the interview|ask the expert)\b[^:–—]{0,40}[:–—]\s*/i;
/** "'We knew it' – interview with Jane Doe": a headline or label that names the interviewee after "interview with". */
const INTERVIEW_WITH = /\b(?:interview|in conversation) with\s+/i;
const Q_PREFIX = /^q[:.]\s+/i;
const A_PREFIX = /^a[:.]\s+/i;
const FIRST_PERSON = /\b(?:I|I'm|I’m|I've|I’ve|we|We|our|Our|us|my|My|me)\b/;

/**
 * The answers of a Q&A interview, keyed by their first paragraph: each answer runs from the paragraph after a question to
 * the next question (a one-sentence remark in the third person between answers is the interviewer's prompt, and starts a
 * new answer). Only when the page names its interviewee and asks at least two questions; null otherwise.
 */
export function interviewAnswers(w: WalkInput): Map<number, Found> | null {
  const body = (p: Paragraph) => !p.furniture && p.placement === 'body';
  const line = (p: Paragraph) => w.text.slice(p.start, p.end).trim();
  const isQuestion = (p: Paragraph) => body(p) && (Q_PREFIX.test(line(p)) || (/\?["”’']?$/.test(line(p)) && line(p).split(/\s+/).length <= 60));
  const questions = w.paras.filter(isQuestion);
  if (questions.length < 2) return null;
  // Question crossheads are common in news; only a page that says it is an interview (or prints Q:/A:) is read as one.
  const speaker = interviewee(w) ?? (questions.every((q) => Q_PREFIX.test(line(q))) ? captionPerson(w) : null);
  if (!speaker) return null;
  const answers = new Map<number, Found>();
  let current: Paragraph[] = [];
  const close = () => {
    if (current.length) answers.set(current[0]!.index, answerOf(w, current, speaker));
    current = [];
  };
  for (let i = questions[0]!.index; i < w.paras.length; i++) {
    const p = w.paras[i]!;
    if (p.furniture) break;
    if (isQuestion(p)) { close(); continue; }
    if (!body(p) || /^["“‘']/.test(line(p))) { close(); continue; }
    const prompt = current.length > 0 && !FIRST_PERSON.test(line(p)) && !/[.!?]["”’']?\s+\S/.test(line(p)) && w.paras[i + 1] && !isQuestion(w.paras[i + 1]!);
    if (prompt) { close(); continue; }
    current.push(p);
  }
  close();
  return answers.size ? answers : null;
}

/** The person a Q&A page interviews, named on an "Interview: X, role" line near its top. */
function interviewee(w: WalkInput): Speaker | null {
  for (const p of w.paras.slice(0, 6)) {
    const s = w.masked.slice(p.start, p.end);
    const lead = INTERVIEW_LINE.exec(s) ?? INTERVIEW_WITH.exec(s);
    if (!lead) continue;
    const at = lead.index + lead[0].length;
    const rest = s.slice(at);
    if (!findNames(rest, p.start + at, w.phrase.orgs.find(rest, p.start + at)).length) continue;
    const ref = subjectAfter(rest, p.start + at, w.phrase);
    if (ref?.type === 'person') return w.state.resolve(ref);
  }
  return null;
}

function answerOf(w: WalkInput, paras: Paragraph[], speaker: Speaker): Found {
  const first = paras[0]!;
  const start = first.start + (A_PREFIX.exec(w.text.slice(first.start, first.end))?.[0].length ?? 0);
  const text = [w.text.slice(start, first.end), ...paras.slice(1).map((p) => w.text.slice(p.start, p.end))].map((t) => t.trim()).join(' ');
  return { start, end: paras.at(-1)!.end, text, kind: 'direct', speaker, cue: 'Q&A', para: first.index, confidence: 0.7 };
}
