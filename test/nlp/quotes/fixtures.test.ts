// Golden articles, one per quote pattern and known error class: test/fixtures/quotes/<case>/{input.txt, expected.json}, and
// short articles in the sector press's everyday forms: test/fixtures/quotes-forms/<case>/ (same layout).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractQuotes } from '../../../src/nlp/quotes/index.ts';
import type { ExtractedQuote } from '../../../src/types.ts';

interface Expected {
  text: string;
  optional?: boolean;
  kind?: string;
  speaker?: string;
  org?: string | null;
  role?: string | null;
  placement?: string;
}

const root = new URL('../../fixtures/', import.meta.url).pathname;
const cases = ['quotes', 'quotes-forms'].flatMap((dir) => readdirSync(join(root, dir)).sort().map((name) => `${dir}/${name}`));
const load = (name: string) => ({
  text: readFileSync(join(root, name, 'input.txt'), 'utf8'),
  expected: JSON.parse(readFileSync(join(root, name, 'expected.json'), 'utf8')) as { title?: string; published?: string; quotes: Expected[] },
});
const words = (s: string) => s.toLowerCase().match(/[\p{L}\p{N}]+/gu)?.join(' ') ?? '';

describe.each(cases)('quotes fixture %s', (name) => {
  const { text, expected } = load(name);
  const got = extractQuotes({ title: expected.title ?? '', text, published: expected.published ?? null });
  const find = (e: Expected) => got.find((q) => q.text === e.text);

  it.each(expected.quotes.filter((e) => !e.optional).map((e) => [e.text.slice(0, 50), e] as const))('finds %s', (_t, e) => {
    const q = find(e);
    expect(q, `missing; got: ${JSON.stringify(got.map((g) => g.text))}`).toBeDefined();
    if (e.speaker !== undefined) expect(q!.speaker).toBe(e.speaker);
    if (e.org !== undefined) expect(q!.speakerOrg).toBe(e.org);
    if (e.role !== undefined) expect(q!.speakerRole).toBe(e.role);
    if (e.kind !== undefined) expect(q!.kind).toBe(e.kind);
    if (e.placement !== undefined) expect(q!.placement).toBe(e.placement);
  });

  it('finds nothing else', () => {
    const extra = got.filter((q) => !expected.quotes.some((e) => e.text === q.text || (e.optional && words(e.text) === words(q.text))));
    expect(extra.map((q: ExtractedQuote) => q.text)).toEqual([]);
  });

  // A quote that runs across a furniture line ("Advertisement") spans it; its text leaves the line out.
  it('places every quote at its offsets', () => {
    for (const q of got) {
      const at = words(text.slice(q.start, q.end)).split(' ');
      const want = words(q.text).split(' ');
      expect(at[0]).toBe(want[0]);
      expect(at.at(-1)).toBe(want.at(-1));
      let i = 0;
      for (const w of at) if (w === want[i]) i++;
      expect(i, `${q.text} not in order at ${q.start}..${q.end}`).toBe(want.length);
      expect(at.length - want.length).toBeLessThanOrEqual(3);
    }
  });
});
