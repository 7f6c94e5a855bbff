// The whole NLP stage for one article: quotes with speakers, then each quote's stance.
import type { AnalysedQuote, ArticleContext } from '../types.ts';
import { extractQuotes } from './quotes/index.ts';
import { classifyStance } from './stance/index.ts';

/** Bump when extraction or stance rules change, so `reprocess` knows which articles are stale. */
export const NLP_VERSION = 6;

export function analyseArticle(ctx: ArticleContext): AnalysedQuote[] {
  const out: AnalysedQuote[] = [];
  for (const q of extractQuotes(ctx)) {
    const stance = classifyStance(q, ctx);
    // Built field by field (a new ExtractedQuote field must be added here): 2–3% of the stage's CPU less than a spread.
    out.push({
      text: q.text, kind: q.kind, start: q.start, end: q.end, speaker: q.speaker, speakerOrg: q.speakerOrg, speakerRole: q.speakerRole,
      cue: q.cue, placement: q.placement, confidence: q.confidence,
      stance: stance.stance, stanceConfidence: stance.confidence, stanceCues: stance.cues, sentiment: stance.sentiment,
    });
  }
  return out;
}
