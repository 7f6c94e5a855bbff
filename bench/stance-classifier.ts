// Throughput of the statistical stance fallback: every held-out and training example, scored repeatedly.
import { performance } from 'node:perf_hooks';
import { classifyStanceStatistically, shippedStanceModel } from '../src/nlp/stance/classifier.ts';
import { readStanceExamples } from '../src/nlp/stance/classifier-eval.ts';

const t0 = performance.now();
shippedStanceModel();
const loadMs = performance.now() - t0;
const examples = [
  ...readStanceExamples(new URL('../data/stance/examples.jsonl', import.meta.url)),
  ...readStanceExamples(new URL('../data/stance/examples-test.jsonl', import.meta.url)),
];
const ROUNDS = 20;
for (const e of examples) classifyStanceStatistically(e.text, e.speaker_side);
const start = performance.now();
let sink = 0;
for (let r = 0; r < ROUNDS; r++) for (const e of examples) sink += classifyStanceStatistically(e.text, e.speaker_side).probs.supports;
const ms = performance.now() - start;
const n = ROUNDS * examples.length;
console.log(`stance classifier: model load ${loadMs.toFixed(1)} ms; ${n} quotes in ${ms.toFixed(0)} ms = ${Math.round((n / ms) * 1000)} quotes/s (${((ms / n) * 1000).toFixed(1)} µs/quote; checksum ${sink.toFixed(2)})`);
