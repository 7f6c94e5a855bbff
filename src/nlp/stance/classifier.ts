// Statistical stance fallback: a small linear model (trained by scripts/train-stance.ts on hand-written
// examples in data/stance/examples.jsonl) scored over the same sparse features the trainer used.
import { readFileSync } from 'node:fs';
import { STANCES, type Stance } from '../../types.ts';
import { compileWordClasses, forEachFeature, type SpeakerSide, type WordClasses } from './classifier-features.ts';
import { softmaxInPlace, type LinearStanceModel } from './classifier-train.ts';

export interface StatisticalStance {
  label: Stance;
  probs: Record<Stance, number>;
  /** Features that pushed hardest towards the chosen label, strongest first. */
  topFeatures: { feature: string; weight: number }[];
}

/** One feature's weights per label; `stamp` marks the last call that counted it, so repeats count once. */
interface WeightRow {
  w: Float64Array;
  stamp: number;
}

export interface CompiledStanceModel {
  classes: WordClasses;
  bias: Float64Array;
  weights: Map<string, WeightRow>;
  calls: number;
}

const TOP_FEATURES = 8;

export function compileStanceModel(model: LinearStanceModel): CompiledStanceModel {
  if (model.labels.join() !== STANCES.join()) throw new Error(`stance model labels ${model.labels.join()} do not match ${STANCES.join()}`);
  const weights = new Map<string, WeightRow>();
  for (const [f, row] of Object.entries(model.weights)) weights.set(f, { w: Float64Array.from(row), stamp: 0 });
  return { classes: compileWordClasses(model.wordClasses), bias: Float64Array.from(model.bias), weights, calls: 0 };
}

let shipped: CompiledStanceModel | undefined;

/** The model in data/stance/model.json, read and compiled on first use. */
export function shippedStanceModel(): CompiledStanceModel {
  shipped ??= compileStanceModel(JSON.parse(readFileSync(new URL('../../../data/stance/model.json', import.meta.url), 'utf8')) as LinearStanceModel);
  return shipped;
}

export function classifyWithModel(model: CompiledStanceModel, text: string, speakerSide: SpeakerSide): StatisticalStance {
  const k = STANCES.length;
  const scores = Float64Array.from(model.bias);
  const hits: [string, Float64Array][] = [];
  const stamp = ++model.calls;
  forEachFeature(text, speakerSide, model.classes, (f) => {
    const row = model.weights.get(f);
    if (!row || row.stamp === stamp) return;
    row.stamp = stamp;
    hits.push([f, row.w]);
    for (let c = 0; c < k; c++) scores[c] += row.w[c];
  });
  softmaxInPlace(scores);
  let best = 0;
  for (let c = 1; c < k; c++) if (scores[c] > scores[best]) best = c;
  const probs = {} as Record<Stance, number>;
  STANCES.forEach((s, c) => (probs[s] = scores[c]));
  const topFeatures = hits
    .filter(([, row]) => row[best] > 0)
    .sort((a, b) => b[1][best] - a[1][best])
    .slice(0, TOP_FEATURES)
    .map(([feature, row]) => ({ feature, weight: row[best] }));
  return { label: STANCES[best], probs, topFeatures };
}

/** Stance of a quote from the shipped model; for use when the rule tagger finds no decisive cue. */
export function classifyStanceStatistically(text: string, speakerSide: SpeakerSide): StatisticalStance {
  return classifyWithModel(shippedStanceModel(), text, speakerSide);
}
