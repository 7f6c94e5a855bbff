// The pure part of ingesting an article: its quotes (the NLP stage) and its near-duplicate fingerprint. Needs no
// database, so it runs on any thread; `run` is the entry a worker pool calls (src/pipeline/worker-pool.ts).
import type { AnalysedQuote, ArticleContext } from '../types.ts';
import { analyseArticle } from '../nlp/analyse.ts';
import { simhash } from './near-duplicates.ts';

export interface ArticleAnalysis {
  quotes: AnalysedQuote[];
  fingerprint: string | null;
}

/** Analyses one article's title and (normalised) body. */
export function analyseForStore(ctx: ArticleContext): ArticleAnalysis {
  return { quotes: analyseArticle(ctx), fingerprint: simhash(ctx.text) };
}

export const run = analyseForStore;
