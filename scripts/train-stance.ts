// Trains the statistical stance fallback on data/stance/examples.jsonl: picks the model kind and
// regularisation by 5-fold cross-validation on the training file only, then trains on all of it, measures
// the separate held-out file (data/stance/examples-test.jsonl) and writes data/stance/model.json.
import { writeFileSync } from 'node:fs';
import { classifyWithModel, compileStanceModel } from '../src/nlp/stance/classifier.ts';
import { readStanceExamples, scoreStance, type StanceScores } from '../src/nlp/stance/classifier-eval.ts';
import { trainStanceModel, type StanceExample, type TrainOptions } from '../src/nlp/stance/classifier-train.ts';
import { FOLDS, readWordClasses, SEED, splitFolds, stanceDataUrl as dataUrl } from './lib/stance-training.ts';

const PRUNE = 0.05;
const wordClasses = readWordClasses();
const GRID: TrainOptions[] = [
  ...[0.0001, 0.0003, 0.001].flatMap((reg) => [1, 2].map((minCount) => ({ kind: 'logreg' as const, reg, minCount, wordClasses }))),
  ...[1].flatMap((reg) => [1, 2].map((minCount) => ({ kind: 'cnb' as const, reg, minCount, wordClasses }))),
];

function evaluate(train: StanceExample[], test: StanceExample[], opts: TrainOptions): StanceScores {
  const model = compileStanceModel(trainStanceModel(train, { ...opts, prune: PRUNE }));
  return scoreStance(test.map((e) => e.label), test.map((e) => classifyWithModel(model, e.text, e.speaker_side).label));
}

function crossValidate(examples: StanceExample[], opts: TrainOptions): number {
  const folds = splitFolds(examples);
  return folds.reduce((total, { train, test }) => {
    const s = evaluate(train, test, opts);
    return total + (s.favg + s.accuracy) / 2;
  }, 0) / folds.length;
}

const fmt = (s: StanceScores): string =>
  `acc ${s.accuracy.toFixed(3)} acc4 ${s.accuracy4.toFixed(3)} Favg ${s.favg.toFixed(3)} ` +
  Object.entries(s.f1).map(([k, v]) => `${k} ${v.toFixed(2)}`).join(' ');

const train = readStanceExamples(dataUrl('examples.jsonl'));
const heldOut = readStanceExamples(dataUrl('examples-test.jsonl'));
let best = { opts: GRID[0], cv: -1 };
for (const opts of GRID) {
  const cv = crossValidate(train, opts);
  console.log(`cv ${opts.kind} reg=${opts.reg} minCount=${opts.minCount}: ${cv.toFixed(3)}`);
  if (cv > best.cv) best = { opts, cv };
}
const model = trainStanceModel(train, { ...best.opts, prune: PRUNE });
const compiled = compileStanceModel(model);
const scores = scoreStance(heldOut.map((e) => e.label), heldOut.map((e) => classifyWithModel(compiled, e.text, e.speaker_side).label));
console.log(`chosen ${best.opts.kind} reg=${best.opts.reg} minCount=${best.opts.minCount} cv ${best.cv.toFixed(3)}; ${Object.keys(model.weights).length} features`);
console.log(`held-out (${heldOut.length}): ${fmt(scores)}`);
const meta = {
  trainedAt: new Date().toISOString(),
  trainingSize: train.length,
  options: { kind: best.opts.kind, reg: best.opts.reg, minCount: best.opts.minCount, prune: PRUNE, folds: FOLDS, seed: SEED },
  crossValidation: Number(best.cv.toFixed(4)),
  heldOut: { n: scores.n, accuracy: scores.accuracy, accuracy4: scores.accuracy4, favg: scores.favg },
  note: 'Trained by scripts/train-stance.ts on hand-written examples (data/stance/examples.jsonl); weights are centred per feature.',
};
writeFileSync(dataUrl('model.json'), `${JSON.stringify({ meta, ...model })}\n`);
