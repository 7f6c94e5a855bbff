// Contrast ("X but Y", "Whilst X, Y") and modifier look-ups: how much each token's cue counts.
import type { Match } from './patterns.ts';
import type { CueDef } from './lexicon.ts';
import type { Token } from './tokens.ts';

const CONCEDED = 0.7;
const STRESSED = 1.3;
const AFTER_CONCESSIVE = 1.2;

function sentenceStart(sentence: Int32Array, i: number): boolean {
  return i === 0 || sentence[i - 1] !== sentence[i];
}

/** Per-token multipliers from contrast markers: what a marker concedes counts less, what follows it more. */
export function contrastWeights(matches: Match<CueDef>[], tokens: Token[], sentence: Int32Array): Float32Array {
  const w = new Float32Array(tokens.length).fill(1);
  const scale = (from: number, to: number, f: number) => {
    for (let i = Math.max(0, from); i < Math.min(to, tokens.length); i++) w[i]! *= f;
  };
  for (const m of matches) {
    const s = sentence[m.from]!;
    const sEnd = endOfSentence(sentence, m.from);
    if (m.value.kind === 'pivot') {
      if (sentenceStart(sentence, m.from)) {
        scale(startOfSentence(sentence, m.from - 1), m.from, s > 0 ? CONCEDED : 1);
      } else {
        scale(startOfSentence(sentence, m.from), m.from, CONCEDED);
      }
      scale(m.to, sEnd, STRESSED);
    } else if (m.value.kind === 'concessive' && sentenceStart(sentence, m.from)) {
      // Only a sentence-opening concessive subordinates its clause ("Although X, Y"); after a main clause ("We welcome
      // X, while warning that Y", "…, although we believe Y") both halves are asserted and count in full.
      let i = m.to;
      while (i < sEnd && !tokens[i]!.punct) i++;
      scale(m.to, i, CONCEDED);
      scale(i, sEnd, AFTER_CONCESSIVE);
    }
  }
  return w;
}

function startOfSentence(sentence: Int32Array, i: number): number {
  if (i < 0) return 0;
  let j = i;
  while (j > 0 && sentence[j - 1] === sentence[i]) j--;
  return j;
}

function endOfSentence(sentence: Int32Array, i: number): number {
  let j = i;
  while (j < sentence.length && sentence[j] === sentence[i]) j++;
  return j;
}

/** The nearest modifier of a kind that ends at most `maxGap` tokens before `at`, in the same clause. */
export function modifierBefore(
  mods: Match<CueDef>[],
  kind: CueDef['kind'],
  at: number,
  maxGap: number,
  clause: Int32Array,
): Match<CueDef> | undefined {
  let best: Match<CueDef> | undefined;
  for (const m of mods) {
    if (m.value.kind !== kind || m.to > at || at - m.to > maxGap) continue;
    if (clause[m.from] !== clause[at]) continue;
    if (!best || m.to > best.to) best = m;
  }
  return best;
}
