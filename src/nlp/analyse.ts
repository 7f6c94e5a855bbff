// The whole NLP stage for one article: quotes with speakers, then each quote's stance.
import type { AnalysedQuote, ArticleContext } from '../types.ts';
import { extractQuotes } from './quotes/index.ts';
import { classifyStance } from './stance/index.ts';

/** Bump when extraction or stance rules change, so `reprocess` knows which articles are stale. */
export const NLP_VERSION = 5;

export function analyseArticle(ctx: ArticleContext): AnalysedQuote[] {
  return extractQuotes(ctx).map((quote) => {
    const stance = classifyStance(quote, ctx);
    return { ...quote, stance: stance.stance, stanceConfidence: stance.confidence, stanceCues: stance.cues, sentiment: stance.sentiment };
  });
}
