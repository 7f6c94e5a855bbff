// Reading the hand-written stance examples and scoring predictions against them (accuracy and
// SemEval-2016 Favg, the mean F1 of supports and opposes), shared by the trainer and the tests.
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { STANCES, type Stance } from '../../types.ts';
import { SPEAKER_SIDES } from './classifier-features.ts';
import type { StanceExample } from './classifier-train.ts';

const exampleSchema = z.object({
  text: z.string().min(1),
  speaker_side: z.enum(SPEAKER_SIDES),
  label: z.enum(STANCES),
  note: z.string().optional(),
});

/** Parses a JSONL file of examples; a malformed line throws with its line number. */
export function readStanceExamples(path: string | URL): StanceExample[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .map((line, i) => [line.trim(), i + 1] as const)
    .filter(([line]) => line !== '')
    .map(([line, n]) => {
      const parsed = exampleSchema.safeParse(JSON.parse(line));
      if (!parsed.success) throw new Error(`${String(path)}:${n}: ${parsed.error.message}`);
      return parsed.data;
    });
}

export interface StanceScores {
  n: number;
  accuracy: number;
  /** Accuracy with unrelated folded into neutral, as the quote eval reports it. */
  accuracy4: number;
  favg: number;
  f1: Record<Stance, number>;
}

export function scoreStance(gold: Stance[], predicted: Stance[]): StanceScores {
  const fold = (s: Stance): Stance => (s === 'unrelated' ? 'neutral' : s);
  let right = 0;
  let right4 = 0;
  gold.forEach((g, i) => {
    if (g === predicted[i]) right++;
    if (fold(g) === fold(predicted[i])) right4++;
  });
  const f1 = {} as Record<Stance, number>;
  for (const s of STANCES) {
    const tp = gold.filter((g, i) => g === s && predicted[i] === s).length;
    const p = predicted.filter((x) => x === s).length;
    const r = gold.filter((g) => g === s).length;
    f1[s] = tp === 0 ? 0 : (2 * tp) / (p + r);
  }
  const n = gold.length || 1;
  return { n: gold.length, accuracy: right / n, accuracy4: right4 / n, favg: (f1.supports + f1.opposes) / 2, f1 };
}
