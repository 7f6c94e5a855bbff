import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { classifyStanceStatistically, classifyWithModel, compileStanceModel, shippedStanceModel } from '../../../src/nlp/stance/classifier.ts';
import { readStanceExamples, scoreStance } from '../../../src/nlp/stance/classifier-eval.ts';
import { stanceTokens, type SpeakerSide } from '../../../src/nlp/stance/classifier-features.ts';
import { trainStanceModel, type StanceExample } from '../../../src/nlp/stance/classifier-train.ts';
import { STANCES, type Stance } from '../../../src/types.ts';

const dataUrl = (name: string): URL => new URL(`../../../data/stance/${name}`, import.meta.url);
const wordClasses = (JSON.parse(readFileSync(dataUrl('word-classes.json'), 'utf8')) as { classes: Record<string, string[]> }).classes;

describe('shipped stance model', () => {
  const meta = (JSON.parse(readFileSync(dataUrl('model.json'), 'utf8')) as { meta: { trainingSize: number } }).meta;

  it('loads, and was trained on the current examples file', () => {
    expect(shippedStanceModel().weights.size).toBeGreaterThan(1000);
    expect(meta.trainingSize).toBe(readStanceExamples(dataUrl('examples.jsonl')).length);
  });

  // Floors sit a few points under what the trainer measured (acc 0.85, Favg 0.83 on 187 held-out examples).
  it('scores the held-out examples above the measured floor', () => {
    const heldOut = readStanceExamples(dataUrl('examples-test.jsonl'));
    const predicted = heldOut.map((e) => classifyStanceStatistically(e.text, e.speaker_side).label);
    const scores = scoreStance(heldOut.map((e) => e.label), predicted);
    expect(scores.n).toBeGreaterThan(150);
    expect(scores.accuracy).toBeGreaterThan(0.8);
    expect(scores.favg).toBeGreaterThan(0.78);
  });

  it('keeps held-out examples apart from training examples', () => {
    const train = new Set(readStanceExamples(dataUrl('examples.jsonl')).map((e) => e.text.toLowerCase()));
    expect(readStanceExamples(dataUrl('examples-test.jsonl')).filter((e) => train.has(e.text.toLowerCase()))).toEqual([]);
  });
});

describe('classifyStanceStatistically', () => {
  it.each<[Stance, SpeakerSide, string]>([
    ['supports', 'inspectorate', 'Too many councils are still failing the children in their care, and leaders must take responsibility.'],
    ['supports', 'sector', 'We accept the findings and thank the inspectors for a fair and thorough report.'],
    ['opposes', 'sector', 'The framework is flawed and the grades are simply not credible.'],
    ['opposes', 'sector', 'We welcome the decision to pause inspections while the system is reformed.'],
    ['mixed', 'sector', 'We welcome the new framework, but the single-word judgement is unhelpful and should go.'],
    ['neutral', 'inspectorate', 'The consultation on the new framework will close in March and we will publish our response in the summer.'],
    ['unrelated', 'sector', 'Councils need a long-term funding settlement to recruit and keep social workers.'],
  ])('%s: [%s] %s', (label, side, text) => {
    expect(classifyStanceStatistically(text, side).label).toBe(label);
  });

  it('returns probabilities over all labels and the features behind the winner', () => {
    const r = classifyStanceStatistically('The inspection was brutal and the judgement unfair.', 'sector');
    expect(Object.keys(r.probs).sort()).toEqual([...STANCES].sort());
    expect(Object.values(r.probs).reduce((a, b) => a + b, 0)).toBeCloseTo(1, 6);
    expect(r.probs[r.label]).toBe(Math.max(...Object.values(r.probs)));
    expect(r.topFeatures.length).toBeGreaterThan(0);
    const weights = r.topFeatures.map((f) => f.weight);
    expect(weights).toEqual([...weights].sort((a, b) => b - a));
    expect(weights.every((w) => w > 0)).toBe(true);
  });

  it('lets the speaker side change the reading of the same words', () => {
    const text = 'Leadership was weak and children were left at risk.';
    const inspectorate = classifyStanceStatistically(text, 'inspectorate').probs.supports;
    expect(inspectorate).toBeGreaterThan(classifyStanceStatistically(text, 'other').probs.supports);
  });
});

describe('features', () => {
  it('marks up to three words after a negator, stopping at a clause break', () => {
    expect(stanceTokens("It is not credible, and we don't trust the grades at all.")).toEqual([
      'it', 'is', 'not', 'not_credible', ',', 'and', 'we', "don't", "not_trust", 'not_the', 'not_grades', 'at', 'all', ',',
    ]);
  });
});

describe('training', () => {
  const tiny: StanceExample[] = [
    { text: 'The framework is flawed and punitive.', speaker_side: 'sector', label: 'opposes' },
    { text: 'Scrap the grades now, they are flawed.', speaker_side: 'sector', label: 'opposes' },
    { text: 'The inspection was fair and thorough.', speaker_side: 'sector', label: 'supports' },
    { text: 'Too many councils are failing children.', speaker_side: 'inspectorate', label: 'supports' },
    { text: 'Fair in parts, but the grade is flawed.', speaker_side: 'sector', label: 'mixed' },
    { text: 'Inspections will begin in January.', speaker_side: 'inspectorate', label: 'neutral' },
    { text: 'We need more social workers and more funding.', speaker_side: 'sector', label: 'unrelated' },
  ];
  const opts = { kind: 'logreg' as const, reg: 0.001, minCount: 1, prune: 0.05, wordClasses };

  it('is deterministic', () => {
    expect(trainStanceModel(tiny, opts)).toEqual(trainStanceModel(tiny, opts));
  });

  it('fits its own training examples', () => {
    const model = compileStanceModel(trainStanceModel(tiny, opts));
    expect(tiny.map((e) => classifyWithModel(model, e.text, e.speaker_side).label)).toEqual(tiny.map((e) => e.label));
  });

  it('rejects a malformed example line with its line number', () => {
    const path = join(mkdtempSync(join(tmpdir(), 'stance-ex-')), 'bad.jsonl');
    writeFileSync(path, `${JSON.stringify(tiny[0])}\n{"text":"x","speaker_side":"council","label":"opposes"}\n`);
    expect(() => readStanceExamples(path)).toThrow(/bad\.jsonl:2/);
  });
});
