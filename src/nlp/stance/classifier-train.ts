// Trains the stance classifier: an L2-regularised multinomial logistic regression (full-batch AdaGrad, so
// deterministic without a seed) or a complement naive Bayes, both stored as one linear model per label.
import { STANCES, type Stance } from '../../types.ts';
import { compileWordClasses, stanceFeatures, type SpeakerSide } from './classifier-features.ts';

export interface StanceExample {
  text: string;
  speaker_side: SpeakerSide;
  label: Stance;
  note?: string;
}

/** A linear model: score(label) = bias[label] + Σ weights[feature][label]; probabilities are its softmax. */
export interface LinearStanceModel {
  labels: readonly Stance[];
  /** The word classes the features were computed with (data/stance/word-classes.json at training time). */
  wordClasses: Record<string, string[]>;
  bias: number[];
  weights: Record<string, number[]>;
}

export interface TrainOptions {
  kind: 'logreg' | 'cnb';
  /** L2 strength (logreg) or additive smoothing (cnb). */
  reg: number;
  /** Features seen in fewer training examples are dropped before training. */
  minCount: number;
  iterations?: number;
  /** After training, features whose centred weights all stay below this are dropped. */
  prune?: number;
  wordClasses: Record<string, string[]>;
}

interface Encoded {
  index: Map<string, number>;
  docs: number[][];
  ys: number[];
}

function encode(examples: StanceExample[], minCount: number, wordClasses: Record<string, string[]>): Encoded {
  const classes = compileWordClasses(wordClasses);
  const feats = examples.map((e) => stanceFeatures(e.text, e.speaker_side, classes));
  const df = new Map<string, number>();
  for (const fs of feats) for (const f of fs) df.set(f, (df.get(f) ?? 0) + 1);
  const index = new Map<string, number>();
  for (const [f, n] of [...df].sort((a, b) => (a[0] < b[0] ? -1 : 1))) if (n >= minCount) index.set(f, index.size);
  const docs = feats.map((fs) => fs.flatMap((f) => (index.has(f) ? [index.get(f)!] : [])));
  return { index, docs, ys: examples.map((e) => STANCES.indexOf(e.label)) };
}

/** Inverse-frequency class weights so the rarer labels (mixed) are not drowned. */
function classWeights(ys: number[], k: number): number[] {
  const counts = new Array<number>(k).fill(0);
  for (const y of ys) counts[y]++;
  return counts.map((c) => (c ? ys.length / (k * c) : 0));
}

function trainLogReg(enc: Encoded, k: number, reg: number, iterations: number): { w: Float64Array; b: Float64Array } {
  const nf = enc.index.size;
  const w = new Float64Array(nf * k);
  const b = new Float64Array(k);
  const gw = new Float64Array(nf * k);
  const gb = new Float64Array(k);
  const hw = new Float64Array(nf * k);
  const hb = new Float64Array(k);
  const cw = classWeights(enc.ys, k);
  const scores = new Float64Array(k);
  const lr = 0.5;
  const n = enc.docs.length;
  for (let it = 0; it < iterations; it++) {
    gw.fill(0);
    gb.fill(0);
    enc.docs.forEach((doc, d) => {
      softmaxScores(doc, w, b, k, scores);
      const y = enc.ys[d];
      for (let c = 0; c < k; c++) {
        const g = (cw[y] * (scores[c] - (c === y ? 1 : 0))) / n;
        gb[c] += g;
        for (const f of doc) gw[f * k + c] += g;
      }
    });
    for (let i = 0; i < w.length; i++) {
      const g = gw[i] + reg * w[i];
      hw[i] += g * g;
      w[i] -= (lr * g) / (Math.sqrt(hw[i]) + 1e-8);
    }
    for (let c = 0; c < k; c++) {
      hb[c] += gb[c] * gb[c];
      b[c] -= (lr * gb[c]) / (Math.sqrt(hb[c]) + 1e-8);
    }
  }
  return { w, b };
}

function softmaxScores(doc: number[], w: Float64Array, b: Float64Array, k: number, out: Float64Array): void {
  for (let c = 0; c < k; c++) out[c] = b[c];
  for (const f of doc) for (let c = 0; c < k; c++) out[c] += w[f * k + c];
  softmaxInPlace(out);
}

export function softmaxInPlace(v: Float64Array | number[]): void {
  let max = -Infinity;
  for (let i = 0; i < v.length; i++) max = Math.max(max, v[i]);
  let sum = 0;
  for (let i = 0; i < v.length; i++) sum += v[i] = Math.exp(v[i] - max);
  for (let i = 0; i < v.length; i++) v[i] /= sum;
}

/** Complement NB (Rennie et al. 2003) with weight normalisation; weights are negated so higher = more likely. */
function trainCnb(enc: Encoded, k: number, alpha: number): { w: Float64Array; b: Float64Array } {
  const nf = enc.index.size;
  const counts = new Float64Array(nf * k);
  enc.docs.forEach((doc, d) => {
    for (const f of doc) counts[f * k + enc.ys[d]]++;
  });
  const w = new Float64Array(nf * k);
  for (let c = 0; c < k; c++) {
    let total = 0;
    for (let f = 0; f < nf; f++) for (let o = 0; o < k; o++) if (o !== c) total += counts[f * k + o];
    let norm = 0;
    for (let f = 0; f < nf; f++) {
      let comp = 0;
      for (let o = 0; o < k; o++) if (o !== c) comp += counts[f * k + o];
      w[f * k + c] = Math.log((comp + alpha) / (total + alpha * nf));
      norm += Math.abs(w[f * k + c]);
    }
    // Scaled so the mean weight magnitude is 1, comparable with the logistic model's weights.
    for (let f = 0; f < nf; f++) w[f * k + c] = (-w[f * k + c] / norm) * nf;
  }
  return { w, b: new Float64Array(k) };
}

function fit(enc: Encoded, k: number, opts: TrainOptions): { w: Float64Array; b: Float64Array } {
  return opts.kind === 'logreg' ? trainLogReg(enc, k, opts.reg, opts.iterations ?? 300) : trainCnb(enc, k, opts.reg);
}

/** Each feature's weights centred on their mean: softmax ignores a constant added to every label. */
function centredRows(enc: Encoded, w: Float64Array, k: number): Map<string, number[]> {
  const rows = new Map<string, number[]>();
  for (const [f, i] of enc.index) {
    const row = Array.from(w.subarray(i * k, i * k + k));
    const mean = row.reduce((s, x) => s + x, 0) / k;
    rows.set(f, row.map((x) => x - mean));
  }
  return rows;
}

/** Keeps only the listed features, renumbered, so the model can be refitted without the pruned ones. */
function restrict(enc: Encoded, keep: Set<string>): Encoded {
  const index = new Map<string, number>();
  const remap = new Map<number, number>();
  for (const [f, i] of enc.index) {
    if (!keep.has(f)) continue;
    remap.set(i, index.size);
    index.set(f, index.size);
  }
  return { index, ys: enc.ys, docs: enc.docs.map((doc) => doc.flatMap((i) => (remap.has(i) ? [remap.get(i)!] : []))) };
}

/** Trains, drops features whose centred weights all stay under `prune`, then refits on the rest. */
export function trainStanceModel(examples: StanceExample[], opts: TrainOptions): LinearStanceModel {
  const k = STANCES.length;
  let enc = encode(examples, opts.minCount, opts.wordClasses);
  let { w, b } = fit(enc, k, opts);
  const prune = opts.prune ?? 0;
  if (prune > 0) {
    const keep = new Set([...centredRows(enc, w, k)].filter(([, row]) => Math.max(...row.map(Math.abs)) >= prune).map(([f]) => f));
    enc = restrict(enc, keep);
    ({ w, b } = fit(enc, k, opts));
  }
  const weights: Record<string, number[]> = {};
  for (const [f, row] of centredRows(enc, w, k)) weights[f] = row.map(round);
  return { labels: STANCES, wordClasses: opts.wordClasses, bias: Array.from(b, round), weights };
}

const round = (x: number): number => Math.round(x * 1e4) / 1e4;
