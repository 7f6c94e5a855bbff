// Builds an article context around a quote, the way the pipeline hands one to classifyStance.
import { classifyStance } from '../../../src/nlp/stance/index.ts';
import type { ArticleContext, ExtractedQuote, StanceResult } from '../../../src/types.ts';

export interface Speaker {
  name: string;
  org: string | null;
  role?: string | null;
}

export const OFSTED_CHIEF: Speaker = { name: 'Dame Example Inspector', org: 'Ofsted', role: 'chief inspector' };
export const OFSTED_REPORT: Speaker = { name: 'Ofsted', org: 'Ofsted', role: 'annual report' };
export const DIRECTORS: Speaker = { name: 'Pat Director', org: 'ADCS', role: 'president' };
export const UNION: Speaker = { name: 'Sam Organiser', org: 'NAHT', role: 'general secretary' };
export const COUNCIL: Speaker = { name: 'Cllr Lee Leader', org: 'LGA', role: 'chair' };

/** `paragraphs` is the body; the quote is the first occurrence of `quote` in it. */
export function stanceIn(title: string, paragraphs: string[], quote: string, speaker: Speaker): StanceResult {
  const text = paragraphs.join('\n\n');
  const start = text.indexOf(quote);
  if (start < 0) throw new Error(`quote not in body: ${quote}`);
  const ctx: ArticleContext = { title, text, published: '2024-05-01' };
  const q: ExtractedQuote = {
    text: quote,
    kind: 'direct',
    start,
    end: start + quote.length,
    speaker: speaker.name,
    speakerOrg: speaker.org,
    speakerRole: speaker.role ?? null,
    cue: 'said',
    placement: 'body',
    confidence: 0.9,
  };
  return classifyStance(q, ctx);
}

/** A quote as the whole of a one-paragraph article with a headline about inspection. */
export function stanceOf(quote: string, speaker: Speaker, title = 'Ofsted publishes inspection findings'): StanceResult {
  return stanceIn(title, [`${quote}, said ${speaker.name}.`], quote, speaker);
}
