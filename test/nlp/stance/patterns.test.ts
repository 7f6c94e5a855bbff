import { describe, expect, it } from 'vitest';
import { PatternSet, selectLongest } from '../../../src/nlp/stance/patterns.ts';
import { tokenize } from '../../../src/nlp/stance/tokens.ts';

const matchesOf = (phrases: string[], text: string) => {
  const set = new PatternSet<string>();
  for (const p of phrases) set.add(p, p);
  const tokens = tokenize(text);
  return selectLongest(set.matchAll(tokens)).map((m) => [m.value, text.slice(tokens[m.from]!.start, tokens[m.to - 1]!.end)]);
};

describe('stance patterns', () => {
  it('tokenizes curly apostrophes like straight ones and keeps offsets', () => {
    const text = 'Ofsted’s “flawed” framework – isn’t it?';
    const tokens = tokenize(text);
    expect(tokens.map((t) => t.w)).toEqual(["ofsted's", 'flawed', 'framework', '–', "isn't", 'it', '?']);
    for (const t of tokens) expect(text.slice(t.start, t.end).toLowerCase().replace('’', "'")).toBe(t.w);
  });

  it.each([
    [['letting ** down'], 'letting vulnerable children down', 'letting vulnerable children down'],
    [['inspect*'], 'the inspectorate said', 'inspectorate'],
    [['*n\'t'], 'it doesn’t work', 'doesn’t'],
    [['single word judgement*'], 'single-word judgements', 'single-word judgements'],
  ])('%j matches in "%s"', (phrases, text, hit) => {
    expect(matchesOf(phrases, text).map(([, t]) => t)).toEqual([hit]);
  });

  it('a gap never crosses punctuation', () => {
    expect(matchesOf(['letting ** down'], 'letting them, and others down')).toEqual([]);
  });

  it('prefers the longest match and never claims a word twice', () => {
    expect(matchesOf(['not', 'not good enough', 'good enough'], 'It is not good enough')).toEqual([['not good enough', 'not good enough']]);
  });
});
