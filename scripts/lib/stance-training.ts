// What the stance trainer and the cross-validation script share: the word classes the features use, and one
// seeded split of the examples into folds (so both scripts score the same folds).
import { readFileSync } from 'node:fs';
import type { StanceExample } from '../../src/nlp/stance/classifier-train.ts';
import { rng } from '../../bench/lib/generate.ts';

export const stanceDataUrl = (name: string): URL => new URL(`../../data/stance/${name}`, import.meta.url);

export const FOLDS = 5;
export const SEED = 20141;

export function readWordClasses(): Record<string, string[]> {
  return (JSON.parse(readFileSync(stanceDataUrl('word-classes.json'), 'utf8')) as { classes: Record<string, string[]> }).classes;
}

export function splitFolds(examples: StanceExample[]): { train: StanceExample[]; test: StanceExample[] }[] {
  const rand = rng(SEED);
  const fold = examples.map(() => Math.floor(rand() * FOLDS));
  return Array.from({ length: FOLDS }, (_, f) => ({ train: examples.filter((_, i) => fold[i] !== f), test: examples.filter((_, i) => fold[i] === f) }));
}
