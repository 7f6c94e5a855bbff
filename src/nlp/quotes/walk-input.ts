// What the walk over one article carries: the article's layout and speakers, and the quotes found so far.
import type { QuoteKind } from '../../types.ts';
import type { MarkSpan } from './marks.ts';
import type { Passage } from './passages.ts';
import type { PhraseContext } from './speaker-ref.ts';
import type { Speaker, SpeakerState } from './speakers.ts';
import type { Paragraph } from './text.ts';

export interface Found {
  start: number;
  end: number;
  text: string;
  kind: QuoteKind;
  speaker: Speaker | null;
  cue: string | null;
  para: number;
  confidence: number;
}

export interface WalkInput {
  text: string;
  masked: string;
  paras: Paragraph[];
  sentences: Array<Array<[number, number]>>;
  passages: Passage[];
  spans: MarkSpan[];
  phrase: PhraseContext;
  state: SpeakerState;
}
