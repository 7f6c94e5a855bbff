// What the article around a quote says about it: is the article about inspection, is it framed as a dispute,
// how is the quote introduced, and what did its speaker say just before. Article facts are computed once per context.
import type { ArticleContext, ExtractedQuote } from '../../types.ts';
import { LEXICON } from './lexicon.ts';
import { tokenize } from './tokens.ts';

interface ArticleInfo {
  /** Headline or body names the regime: an implicit target ("it", "this framework") can be resolved to it. */
  relevant: boolean;
  /** Headline or opening frames the story as a dispute with Ofsted. */
  conflict: boolean;
  /** Start offsets of the body's paragraphs (blank-line separated), ascending. */
  paragraphs: number[];
}

const OPENING_CHARS = 800;
const LEAD_IN_CHARS = 400;
const PREVIOUS_CHARS = 700;
const STANCE_VERB_CHARS = 60;
const cache = new WeakMap<ArticleContext, ArticleInfo>();

export function articleInfo(ctx: ArticleContext): ArticleInfo {
  let info = cache.get(ctx);
  if (!info) {
    const opening = `${ctx.title}\n\n${ctx.text.slice(0, OPENING_CHARS)}`;
    info = {
      relevant: LEXICON.targetRegex.test(ctx.title) || LEXICON.targetRegex.test(ctx.text),
      conflict: LEXICON.conflict.matchAll(tokenize(opening)).length > 0,
      paragraphs: paragraphStarts(ctx.text),
    };
    cache.set(ctx, info);
  }
  return info;
}

function paragraphStarts(text: string): number[] {
  const starts = [0];
  for (const m of text.matchAll(/\n\s*\n/g)) starts.push(m.index + m[0].length);
  return starts;
}

function paragraphAt(starts: number[], offset: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** The quote's offsets are usable when they point at its text in this body. */
function placed(quote: ExtractedQuote, ctx: ArticleContext): boolean {
  return quote.start >= 0 && quote.end <= ctx.text.length && quote.start < quote.end;
}

/** Text of the quote's paragraph before the quote: the attribution and any "However," that introduces it. */
export function leadIn(quote: ExtractedQuote, ctx: ArticleContext): string {
  if (!placed(quote, ctx)) return '';
  const { paragraphs } = articleInfo(ctx);
  const from = Math.max(paragraphs[paragraphAt(paragraphs, quote.start)]!, quote.start - LEAD_IN_CHARS);
  return ctx.text.slice(from, quote.start);
}

/** A position-taking reporting verb right before the quote ("welcomed", "criticised"), or '' when there is none. */
export function stanceVerbBefore(quote: ExtractedQuote, ctx: ArticleContext): string {
  if (!placed(quote, ctx)) return '';
  const m = LEXICON.stanceVerbBefore.exec(ctx.text.slice(Math.max(0, quote.start - STANCE_VERB_CHARS), quote.start));
  return m ? m[0].trim() : '';
}

export function ledInAsReply(quote: ExtractedQuote, ctx: ArticleContext): boolean {
  const text = leadIn(quote, ctx);
  return text.length > 0 && LEXICON.rebuttalLeadIn.matchAll(tokenize(text)).length > 0;
}

/**
 * What the speaker said just before: the lead-in plus the previous paragraph, when that paragraph names them.
 * Used only when the quote itself carries no cue (a continuation such as "He said: 'It is important ...'").
 */
export function speakerRunBefore(quote: ExtractedQuote, ctx: ArticleContext): string {
  if (!placed(quote, ctx) || !quote.speaker) return '';
  const { paragraphs } = articleInfo(ctx);
  const p = paragraphAt(paragraphs, quote.start);
  if (p === 0) return '';
  const prevStart = paragraphs[p - 1]!;
  const prev = ctx.text.slice(Math.max(prevStart, paragraphs[p]! - PREVIOUS_CHARS), paragraphs[p]!);
  if (!namesSpeaker(prev, quote.speaker)) return '';
  return `${prev}\n\n${leadIn(quote, ctx)}`;
}

const TITLES = /^(sir|dame|lord|lady|baroness|dr|prof|professor|cllr|councillor|mr|mrs|ms|miss|mx|rev)\.?$/i;

/**
 * The paragraph mentions the speaker: their surname, not preceded by a different first name
 * (Karen Walsh is not Dean Walsh; "Prof Jones", "Sir Michael Wilshaw" and "Wilshaw" are all Wilshaw).
 */
function namesSpeaker(text: string, speaker: string): boolean {
  const words = speaker.trim().split(/\s+/).filter((w) => !TITLES.test(w));
  const surname = words.at(-1) ?? '';
  const first = words.length > 1 ? words[0] : null;
  if (surname.length < 2) return false;
  for (let i = text.indexOf(surname); i >= 0; i = text.indexOf(surname, i + surname.length)) {
    const before = /([A-Z][\w'’-]*)\s+$/.exec(text.slice(Math.max(0, i - 30), i))?.[1];
    if (!before || !first || before === first || TITLES.test(before)) return true;
  }
  return false;
}
