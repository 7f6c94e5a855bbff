// Phrase patterns over tokens: compiled once from the data files, matched with a first-word index.
import type { Token } from './tokens.ts';
import { tokenize } from './tokens.ts';

type Element = { kind: 'word'; w: string } | { kind: 'prefix'; p: string } | { kind: 'gap'; max: number };

export interface Pattern<T> {
  elements: Element[];
  value: T;
}

export interface Match<T> {
  value: T;
  /** Token indices, end exclusive. */
  from: number;
  to: number;
}

const GAP_MAX = 3;
const PREFIX_KEY = 3;

function push<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** "letting ** down" → word, gap(3), word; "inspect*" → prefix; "*n't" → any word ending in n't. */
export function compilePhrase(phrase: string): Element[] {
  return phrase.trim().split(/\s+/).flatMap((part): Element[] => {
    if (part === '**') return [{ kind: 'gap', max: GAP_MAX }];
    if (part.endsWith('*') && part.length > 1) {
      return [{ kind: 'prefix', p: tokenize(part.slice(0, -1))[0]?.w ?? part.slice(0, -1) }];
    }
    return tokenize(part).map((t) => ({ kind: 'word', w: t.w }) as Element);
  });
}

/** An index of patterns by their first element, so matching costs one lookup per token. */
export class PatternSet<T> {
  private exact = new Map<string, Pattern<T>[]>();
  /** Prefix patterns by their first PREFIX_KEY letters. */
  private prefixed = new Map<string, Pattern<T>[]>();
  private suffixNt: Pattern<T>[] = [];

  add(phrase: string, value: T): void {
    const elements = compilePhrase(phrase);
    const first = elements[0];
    if (!first || first.kind === 'gap') throw new Error(`bad stance pattern: "${phrase}"`);
    const pattern = { elements, value };
    if (phrase.startsWith("*n't")) this.suffixNt.push({ elements: elements.slice(1), value });
    else if (first.kind === 'prefix') {
      if (first.p.length < PREFIX_KEY) throw new Error(`stance prefix pattern too short: "${phrase}"`);
      push(this.prefixed, first.p.slice(0, PREFIX_KEY), pattern);
    } else push(this.exact, first.w, pattern);
  }

  /** Every match starting at every token (overlaps included). */
  matchAll(tokens: Token[]): Match<T>[] {
    const out: Match<T>[] = [];
    // Most tokens start no pattern: no lookup that cannot hit and no empty array per miss.
    const prefixes = this.prefixed.size > 0;
    const nt = this.suffixNt.length > 0;
    for (let i = 0; i < tokens.length; i++) {
      const t = tokens[i]!;
      const exact = this.exact.get(t.w);
      if (exact) for (const p of exact) pushMatch(out, p, tokens, i, 1);
      if (t.punct) continue;
      const prefixed = prefixes && t.w.length >= PREFIX_KEY ? this.prefixed.get(t.w.slice(0, PREFIX_KEY)) : undefined;
      if (prefixed) {
        for (const p of prefixed) {
          if (p.elements[0]!.kind === 'prefix' && t.w.startsWith(p.elements[0]!.p)) pushMatch(out, p, tokens, i, 1);
        }
      }
      if (nt && t.w.endsWith("n't")) for (const p of this.suffixNt) pushMatch(out, p, tokens, i, 0, 1);
    }
    return out;
  }
}

function pushMatch<T>(out: Match<T>[], p: Pattern<T>, tokens: Token[], i: number, skip: number, consumed = 0): void {
  const to = matchFrom(p.elements, skip, tokens, i + (skip || consumed));
  if (to >= 0) out.push({ value: p.value, from: i, to });
}

function matchFrom(els: Element[], k: number, tokens: Token[], i: number): number {
  if (k === els.length) return i;
  const el = els[k]!;
  if (el.kind === 'gap') {
    for (let g = 0; g <= el.max && i + g <= tokens.length; g++) {
      if (g > 0 && tokens[i + g - 1]!.punct) break;
      const r = matchFrom(els, k + 1, tokens, i + g);
      if (r >= 0) return r;
    }
    return -1;
  }
  const t = tokens[i];
  if (!t) return -1;
  const ok = el.kind === 'word' ? t.w === el.w : !t.punct && t.w.startsWith(el.p);
  return ok ? matchFrom(els, k + 1, tokens, i + 1) : -1;
}

/** Longest matches first, no token claimed twice; ties go to the earlier-added (higher priority) value order. */
export function selectLongest<T>(matches: Match<T>[]): Match<T>[] {
  const sorted = [...matches].sort((a, b) => b.to - b.from - (a.to - a.from) || a.from - b.from);
  const taken = new Set<number>();
  const out: Match<T>[] = [];
  for (const m of sorted) {
    let free = true;
    for (let i = m.from; i < m.to && free; i++) if (taken.has(i)) free = false;
    if (!free) continue;
    for (let i = m.from; i < m.to; i++) taken.add(i);
    out.push(m);
  }
  return out.sort((a, b) => a.from - b.from);
}
