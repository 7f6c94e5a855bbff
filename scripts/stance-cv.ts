// Cross-validated estimate of the whole stance tagger (rules + statistical fallback) on the hand-written examples,
// used to choose the fallback's per-side thresholds without looking at any gold article.
// Each fold trains the model on the other folds, then runs classifyStance on the fold's examples, each placed in a
// one-paragraph article about inspection with a speaker of its side.
// It also sweeps the stricter threshold for sector quotes that name no regime term (UNNAMED_THRESHOLD).
// Usage: npx tsx scripts/stance-cv.ts [--test] [--score FILE.jsonl [--verbose]]
//   --test also scores data/stance/examples-test.jsonl with the model trained on all of examples.jsonl;
//   --score only scores FILE with the shipped model (first sight of a new batch of examples, before it joins training);
//   --verbose lists the batch's misses at the shipped thresholds.
import { readFileSync } from 'node:fs';
import { compileStanceModel, shippedStanceModel, type CompiledStanceModel } from '../src/nlp/stance/classifier.ts';
import { readStanceExamples, scoreStance } from '../src/nlp/stance/classifier-eval.ts';
import type { SpeakerSide } from '../src/nlp/stance/classifier-features.ts';
import { trainStanceModel, type StanceExample } from '../src/nlp/stance/classifier-train.ts';
import { classifyStance, MODEL_THRESHOLD, UNNAMED_THRESHOLD } from '../src/nlp/stance/index.ts';
import type { ExtractedQuote, Stance } from '../src/types.ts';
import { readWordClasses, splitFolds, stanceDataUrl as dataUrl } from './lib/stance-training.ts';

const model = JSON.parse(readFileSync(dataUrl('model.json'), 'utf8')) as { meta: { options: { reg: number; minCount: number; prune: number } } };
const trainOpts = { kind: 'logreg' as const, ...model.meta.options, wordClasses: readWordClasses() };

const SPEAKERS: Record<SpeakerSide, { name: string; org: string | null; role: string | null }> = {
  inspectorate: { name: 'Alex Reviewer', org: 'Ofsted', role: 'national director' },
  sector: { name: 'Sam Director', org: 'ADCS', role: 'president' },
  government: { name: 'Department for Education', org: 'Department for Education', role: 'spokesperson' },
  other: { name: 'Robin Academic', org: null, role: 'professor' },
};
const THRESHOLDS = [0.5, 0.55, 0.6, 0.65, 0.7, 0.8, 0.85, 0.9, 2];

function predict(e: StanceExample, m: CompiledStanceModel, threshold: Record<SpeakerSide, number>, unnamed = UNNAMED_THRESHOLD): Stance {
  const sp = SPEAKERS[e.speaker_side];
  const text = `${sp.name} said: "${e.text}"`;
  const start = text.indexOf(e.text);
  const quote: ExtractedQuote = { text: e.text, kind: 'direct', start, end: start + e.text.length, speaker: sp.name, speakerOrg: sp.org, speakerRole: sp.role, cue: 'said', placement: 'body', confidence: 1 };
  return classifyStance(quote, { title: 'Inspection of children’s services', text, published: null }, { model: m, modelThreshold: threshold, unnamedThreshold: unnamed }).stance;
}

const fold = (s: Stance): Stance => (s === 'unrelated' ? 'neutral' : s);
const same = (t: number): Record<SpeakerSide, number> => ({ inspectorate: t, sector: t, government: t, other: t });
const line = (name: string, gold: Stance[], pred: Stance[]): string => {
  const s = scoreStance(gold, pred);
  return `${name.padEnd(34)} n ${String(s.n).padStart(4)}  acc4 ${s.accuracy4.toFixed(3)}  Favg ${s.favg.toFixed(3)}  sup ${s.f1.supports.toFixed(2)} opp ${s.f1.opposes.toFixed(2)} mix ${s.f1.mixed.toFixed(2)}`;
};

/** Per side and threshold, the fold predictions pooled: every example is predicted once by a model that never saw it. */
function sweep(folds: { model: CompiledStanceModel; test: StanceExample[] }[]): void {
  for (const side of ['all', 'inspectorate', 'sector', 'government', 'other'] as const) {
    for (const t of [...THRESHOLDS, null]) {
      const gold: Stance[] = [];
      const pred: Stance[] = [];
      for (const { model: m, test } of folds) {
        for (const e of test) {
          if (side !== 'all' && e.speaker_side !== side) continue;
          gold.push(e.label);
          pred.push(predict(e, m, t === null ? MODEL_THRESHOLD : same(t)));
        }
      }
      console.log(line(`${side} threshold ${t === null ? 'as shipped' : t === 2 ? 'rules only' : t}`, gold, pred));
    }
  }
}

/** The stricter threshold for sector quotes that name no regime term, at the shipped per-side thresholds. */
function sweepUnnamed(folds: { model: CompiledStanceModel; test: StanceExample[] }[]): void {
  for (const t of [0.6, 0.7, 0.8, 0.85, 0.9, 0.95, 2]) {
    const gold: Stance[] = [];
    const pred: Stance[] = [];
    for (const { model: m, test } of folds) {
      for (const e of test.filter((x) => x.speaker_side !== 'inspectorate')) {
        gold.push(e.label);
        pred.push(predict(e, m, MODEL_THRESHOLD, t));
      }
    }
    console.log(line(`not inspectorate, unnamed ${t === 2 ? 'never' : t}${t === UNNAMED_THRESHOLD ? ' (shipped)' : ''}`, gold, pred));
  }
}

const scoreFile = process.argv.indexOf('--score');
if (scoreFile > 0) {
  const batch = readStanceExamples(process.argv[scoreFile + 1]!);
  sweep([{ model: shippedStanceModel(), test: batch }]);
  if (process.argv.includes('--verbose')) {
    for (const e of batch) {
      const got = predict(e, shippedStanceModel(), MODEL_THRESHOLD);
      if (fold(got) !== fold(e.label)) console.log(`  ${e.speaker_side} gold ${e.label} got ${got}: ${e.text}`);
    }
  }
  process.exit(0);
}
const examples = readStanceExamples(dataUrl('examples.jsonl'));
const folds = splitFolds(examples).map(({ train, test }) => ({ model: compileStanceModel(trainStanceModel(train, trainOpts)), test }));
sweep(folds);
sweepUnnamed(folds);
if (process.argv.includes('--test')) {
  const heldOut = readStanceExamples(dataUrl('examples-test.jsonl'));
  console.log('examples-test.jsonl, model trained on all of examples.jsonl');
  sweep([{ model: compileStanceModel(trainStanceModel(examples, trainOpts)), test: heldOut }]);
}
