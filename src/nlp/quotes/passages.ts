// Groups quote-mark spans into passages (a quote that runs over paragraphs is one passage) and tells full quotes from fragments.
import { attributionAfter, isSpeechTail } from './attribution.ts';
import { findCues } from './cues.ts';
import type { MarkSpan } from './marks.ts';
import type { PhraseContext } from './speaker-ref.ts';
import type { Paragraph } from './text.ts';

export interface Passage {
  spans: MarkSpan[];
  /** Narrative right before the opening mark, within its sentence. */
  head: string;
  headAt: number;
  /** Narrative right after the closing mark, within its sentence. */
  tail: string;
  tailAt: number;
  /** A quote in its own right (not a fragment inside reported speech). */
  full: boolean;
}

export type SentenceOf = (para: number, at: number) => [number, number];

/** A span left open at a paragraph's end continues into the next real paragraph when that one opens with a mark. */
export function buildPassages(spans: MarkSpan[], paras: Paragraph[]): MarkSpan[][] {
  const out: MarkSpan[][] = [];
  for (let i = 0; i < spans.length; i++) {
    const group = [spans[i]!];
    while (!group.at(-1)!.closed && i + 1 < spans.length) {
      const next = spans[i + 1]!;
      const between = paras.slice(group.at(-1)!.para + 1, next.para);
      // A story's end ("Related stories") is furniture a quote never runs across: the teasers below are other stories.
      if (between.some((p) => !p.furniture || p.storyEnd) || (!next.continued && next.open !== paras[next.para]!.start)) break;
      group.push(next);
      i++;
    }
    out.push(group);
  }
  return out;
}

/** Fills head/tail and decides whether each group is a full quote; a head starts after the previous full quote in its sentence. */
export function describePassages(groups: MarkSpan[][], masked: string, sentenceOf: SentenceOf, ctx: PhraseContext): Passage[] {
  const out: Passage[] = [];
  groups.forEach((spans, gi) => {
    const first = spans[0]!, last = spans.at(-1)!;
    const prevFull = [...out].reverse().find((p) => p.full)?.spans.at(-1);
    const next = groups[gi + 1]?.[0];
    const [hs] = sentenceOf(first.para, first.open);
    const headAt = Math.max(hs, prevFull && prevFull.para === first.para && prevFull.closed ? prevFull.end + 1 : hs);
    const head = masked.slice(headAt, first.open);
    let tail = '', tailAt = last.end;
    if (last.closed) {
      const [, te] = sentenceOf(last.para, last.end);
      tailAt = last.end + 1;
      const stop = next && next.para === last.para && next.open < te ? next.open : te;
      tail = masked.slice(tailAt, Math.max(tailAt, stop));
    }
    out.push({ spans, head, headAt, tail, tailAt, full: isFull(head, tail, tailAt, ctx) });
  });
  return out;
}

function isFull(head: string, tail: string, tailAt: number, ctx: PhraseContext): boolean {
  if (!head.trim()) {
    if (!tail.trim() || /^\s*[,;:.!?–—-]/.test(tail)) return true;
    return attributionAfter(tail, tailAt, ctx) !== null || isSpeechTail(tail);
  }
  if (/:\s*$/.test(head)) return true;
  if (/,\s*$/.test(head)) {
    const cue = findCues(head).at(-1);
    return cue !== undefined && head.slice(cue.end).trim().split(/\s+/).length <= 4;
  }
  return false;
}
