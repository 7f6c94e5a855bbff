// Shared shapes that cross module boundaries (scrapers → pipeline → nlp → store → web).

export const STANCES = ['supports', 'opposes', 'mixed', 'neutral', 'unrelated'] as const;
export type Stance = (typeof STANCES)[number];

export const QUOTE_KINDS = ['direct', 'indirect', 'mixed'] as const;
export type QuoteKind = (typeof QUOTE_KINDS)[number];

/** Where in the page a quote sits; the UI can hide non-body quotes. */
export const PLACEMENTS = ['body', 'headline', 'standfirst', 'caption'] as const;
export type Placement = (typeof PLACEMENTS)[number];

/** A quote found in an article body: offsets are into that body text. */
export interface ExtractedQuote {
  text: string;
  kind: QuoteKind;
  start: number;
  end: number;
  speaker: string | null;
  speakerOrg: string | null;
  speakerRole: string | null;
  /** The reporting expression that attributes it ("said", "told MPs", "according to"). */
  cue: string | null;
  placement: Placement;
  /** 0..1: how sure the attribution is. */
  confidence: number;
}

export type StanceCueRole = 'supports' | 'opposes' | 'negation' | 'hedge' | 'contrast' | 'intensifier' | 'target';

export interface StanceCue {
  text: string;
  /** Offsets into the quote text. */
  start: number;
  end: number;
  role: StanceCueRole;
  /** Set when a negation flipped this cue's polarity. */
  flipped?: boolean;
  /** Set when the cue is a word the statistical model weighed, not a lexicon entry. */
  model?: boolean;
}

export interface StanceResult {
  stance: Stance;
  confidence: number;
  cues: StanceCue[];
  /** wink-nlp sentiment, -1..1; kept apart from stance on purpose. */
  sentiment: number;
}

/** A quote with its stance; the two confidences (attribution, stance) are kept apart. */
export interface AnalysedQuote extends ExtractedQuote {
  stance: Stance;
  stanceConfidence: number;
  stanceCues: StanceCue[];
  sentiment: number;
}

/** What the NLP stage needs to know about the article around a quote. */
export interface ArticleContext {
  title: string;
  text: string;
  /** ISO date (YYYY-MM-DD or full timestamp), when known. */
  published: string | null;
}

/** An article as a scraper hands it to the pipeline. */
export interface ScrapedArticle {
  url: string;
  canonicalUrl?: string | null;
  title: string;
  standfirst?: string | null;
  published?: string | null;
  modified?: string | null;
  byline?: string | null;
  /** Main text: paragraphs separated by a blank line. */
  text: string;
  /** The fetched document as received, kept (compressed) so later versions can reprocess it. */
  raw?: string | null;
  rawType?: 'html' | 'json' | 'text' | null;
  partial?: boolean;
  withdrawn?: boolean;
  documentType?: string | null;
}
