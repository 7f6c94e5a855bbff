// A press-release statement without quote marks (GOV.UK's blockquote as text) runs on through a paragraph that does not
// speak in the first person when the paragraph after it does: the reporter's prose never sits unattributed between two
// paragraphs of one person's statement.
import { findReportedClauses } from './reported.ts';
import type { Paragraph } from './text.ts';
import type { WalkInput } from './walk-input.ts';

const FIRST_PERSON = /\b(?:I|we|We|our|Our|us|my|My|me)\b/;

/** True when `para`, inside a running statement, lies between it and a first-person paragraph that continues it. */
export function bridgesStatement(w: WalkInput, para: Paragraph): boolean {
  const next = w.paras.slice(para.index + 1).find((p) => !p.furniture);
  if (!next || next.placement !== 'body' || w.spans.some((m) => m.para === para.index || m.para === next.index)) return false;
  const body = w.text.slice(next.start, next.end);
  if (!FIRST_PERSON.test(body) || !/[.!?]$/.test(body) || /:\s*$/.test(w.text.slice(para.start, para.end))) return false;
  // A paragraph that reports someone ("The inspectorate also said that …") is the reporter's, not the statement's.
  return !w.sentences[para.index]!.some(([s, e]) => findReportedClauses(w.masked, s, e, [], w.phrase).length > 0);
}
