// Which tokens belong to which term set (target, sector, family, ...), and proximity questions over them.
import { LEXICON } from './lexicon.ts';
import { selectLongest, type Match } from './patterns.ts';
import type { Token } from './tokens.ts';

export const NEAR_WINDOW = 8;

export interface TermMarks {
  has(set: string, i: number): boolean;
  /** Distance from the span [from, to) to the nearest token of `set` in the same sentence, within `window`; Infinity if none. */
  distance(set: string, from: number, to: number, window?: number): number;
  /** Regime-term spans (longest, non-overlapping) for display. */
  targets: Match<string>[];
  any(set: string): boolean;
}

export function markTerms(tokens: Token[], sentence: Int32Array): TermMarks {
  const marks = new Map<string, Uint8Array>();
  const all = LEXICON.terms.matchAll(tokens);
  for (const m of all) {
    let arr = marks.get(m.value);
    if (!arr) marks.set(m.value, (arr = new Uint8Array(tokens.length)));
    for (let i = m.from; i < m.to; i++) arr[i] = 1;
  }
  return new Marks(marks, sentence, tokens.length, selectLongest(all.filter((m) => m.value === 'target')));
}

/** A class rather than closures: scoring builds one per quote, and tsx names every closure it creates. */
class Marks implements TermMarks {
  constructor(
    private marks: Map<string, Uint8Array>,
    private sentence: Int32Array,
    private length: number,
    readonly targets: Match<string>[],
  ) {}

  has(set: string, i: number): boolean {
    return this.marks.get(set)?.[i] === 1;
  }

  any(set: string): boolean {
    return this.marks.has(set);
  }

  distance(set: string, from: number, to: number, window = NEAR_WINDOW): number {
    const arr = this.marks.get(set);
    if (!arr) return Infinity;
    const sentence = this.sentence;
    for (let d = 1; d <= window; d++) {
      const l = from - d;
      const r = to - 1 + d;
      if (l >= 0 && arr[l] && sentence[l] === sentence[from]) return d;
      if (r < this.length && arr[r] && sentence[r] === sentence[from]) return d;
    }
    return Infinity;
  }
}
