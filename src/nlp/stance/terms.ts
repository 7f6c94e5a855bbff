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
  const has = (set: string, i: number) => marks.get(set)?.[i] === 1;
  return {
    has,
    any: (set) => marks.has(set),
    targets: selectLongest(all.filter((m) => m.value === 'target')),
    distance(set, from, to, window = NEAR_WINDOW) {
      const arr = marks.get(set);
      if (!arr) return Infinity;
      for (let d = 1; d <= window; d++) {
        const l = from - d;
        const r = to - 1 + d;
        if (l >= 0 && arr[l] && sentence[l] === sentence[from]) return d;
        if (r < tokens.length && arr[r] && sentence[r] === sentence[from]) return d;
      }
      return Infinity;
    },
  };
}
