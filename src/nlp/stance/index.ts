// Stance of a quote toward Ofsted's inspection regime, with the cues that decided it. See docs/stance.md.
import type { ArticleContext, ExtractedQuote, Stance, StanceResult } from '../../types.ts';
import { articleInfo, ledInAsReply, speakerRunBefore } from './context.ts';
import { scoreText, type Scored } from './score.ts';
import { sentimentOf } from './sentiment.ts';
import { speakerSide } from './speaker.ts';
import { classifyStanceStatistically, type StatisticalStance } from './classifier.ts';

/** Weight a side needs before it counts as a position. */
export const THRESHOLD = 0.5;
/** Mixed when the weaker side reaches this share of the stronger one. */
const MIXED_RATIO = 0.3;
/**
 * When no cue is decisive and the speaker is from the sector, the statistical model (data/stance/model.json, trained
 * on written examples) may name a position if it is at least this sure: sector positions are often argued in words
 * no lexicon lists. Not for the inspectorate's own people, whose descriptive findings the model over-reads as support.
 */
const MODEL_THRESHOLD = 0.6;
/** What the speaker said just before counts for less than the quote itself. */
const CONTEXT_WEIGHT = 0.6;

export function classifyStance(quote: ExtractedQuote, ctx: ArticleContext): StanceResult {
  const info = articleInfo(ctx);
  const side = speakerSide(quote, ctx);
  const opts = { side, rebuttal: side === 'sector' && (info.conflict || ledInAsReply(quote, ctx)) };
  const own = scoreText(quote.text, opts);
  let supports = own.supports;
  let opposes = own.opposes;
  // A cue-less continuation ("He said: 'It is important ...'") carries on what the speaker said just before: for the
  // sector only as a reply in a dispute, for the inspectorate only when it points back ("That has got to ...").
  const continues = opts.rebuttal || (side === 'inspectorate' && own.startsWithAnaphor);
  if (supports === 0 && opposes === 0 && continues) {
    const before = speakerRunBefore(quote, ctx);
    if (before) {
      const prior = scoreText(before, opts);
      if (side === 'inspectorate') supports += prior.supports * CONTEXT_WEIGHT;
      opposes += prior.opposes * CONTEXT_WEIGHT;
    }
  }
  const aboutRegime = own.target || info.relevant;
  const ruled = aboutRegime ? decide(supports, opposes, own, side) : { stance: 'unrelated' as Stance, confidence: 0.8 };
  if (ruled.stance === 'neutral' && Math.max(supports, opposes) < THRESHOLD && side === 'sector') {
    const model = classifyStanceStatistically(quote.text, side);
    const p = model.probs[model.label];
    if (POSITIONS.has(model.label) && p >= MODEL_THRESHOLD) {
      return { stance: model.label, confidence: round(p * 0.8), cues: [...own.cues, ...modelCues(quote.text, model)], sentiment: sentimentOf(quote.text) };
    }
  }
  return { stance: ruled.stance, confidence: round(ruled.confidence), cues: own.cues, sentiment: sentimentOf(quote.text) };
}

function decide(s: number, o: number, own: Scored, side: string): { stance: Stance; confidence: number } {
  const hi = Math.max(s, o);
  const lo = Math.min(s, o);
  if (hi < THRESHOLD) {
    const related = own.target || (side === 'inspectorate' && (own.aboutServices || hi > 0));
    // Sub-threshold cues make "no position" less certain.
    return { stance: related ? 'neutral' : 'unrelated', confidence: 0.7 - 0.3 * (hi / THRESHOLD) };
  }
  if (lo >= THRESHOLD && lo / hi >= MIXED_RATIO) return { stance: 'mixed', confidence: 0.45 + 0.3 * (lo / hi) };
  const strength = 1 - Math.exp(-hi);
  const margin = (hi - lo) / (hi + lo);
  return { stance: s > o ? 'supports' : 'opposes', confidence: 0.4 + 0.55 * strength * margin };
}

const POSITIONS = new Set<Stance>(['supports', 'opposes', 'mixed']);

/** The model's strongest word features that occur in the quote, as cues a reader can see highlighted. */
function modelCues(text: string, model: StatisticalStance): StanceResult['cues'] {
  const role = model.label === 'supports' || model.label === 'opposes' ? model.label : null;
  if (!role) return [];
  const lower = text.toLowerCase();
  const cues: StanceResult['cues'] = [];
  for (const { feature } of model.topFeatures) {
    const word = feature.replace(/^[a-z]+\|/, '').replace(/^not_/, '').replace(/_/g, ' ');
    if (!/^[a-z][a-z' ]{3,}$/.test(word)) continue;
    const at = lower.search(new RegExp(`\\b${word}\\b`));
    if (at >= 0) cues.push({ text: text.slice(at, at + word.length), start: at, end: at + word.length, role, model: true });
  }
  return cues;
}

const round = (x: number) => Math.round(Math.min(1, Math.max(0, x)) * 100) / 100;
