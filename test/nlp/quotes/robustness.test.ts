// Scraped text is untrusted: any slice of a real-looking article, or junk, must give well-formed quotes and never throw.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractQuotes } from '../../../src/nlp/quotes/index.ts';

const dir = new URL('../../fixtures/quotes/', import.meta.url).pathname;
const bodies = readdirSync(dir).map((d) => readFileSync(join(dir, d, 'input.txt'), 'utf8'));

function rng(seed: number) {
  let s = seed;
  return () => ((s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
}

function wellFormed(text: string) {
  const quotes = extractQuotes({ title: '', text, published: null });
  for (const q of quotes) {
    expect(q.start).toBeGreaterThanOrEqual(0);
    expect(q.end).toBeGreaterThan(q.start);
    expect(q.end).toBeLessThanOrEqual(text.length);
    expect(q.text.trim()).not.toBe('');
    expect(q.confidence).toBeGreaterThanOrEqual(0);
    expect(q.confidence).toBeLessThanOrEqual(1);
  }
  return quotes;
}

describe('robustness', () => {
  it('returns [] for empty or blank text', () => {
    expect(extractQuotes({ title: '', text: '', published: null })).toEqual([]);
    expect(extractQuotes({ title: '', text: ' \n\n \t', published: null })).toEqual([]);
  });

  it('survives random slices of the fixture articles', () => {
    const r = rng(42);
    for (let i = 0; i < 300; i++) {
      const body = bodies[Math.floor(r() * bodies.length)]!;
      const a = Math.floor(r() * body.length), b = a + Math.floor(r() * (body.length - a));
      wellFormed(body.slice(a, b));
    }
  });

  it('survives stray, unbalanced and exotic marks', () => {
    for (const text of ['"', '“', "'''", '“”‘’""\'\'', 'He said: “', '“Unclosed, he said.\n\n“Still open', 'A § B said “x § y” and § z.', '” reversed “ marks ” said Jo Bloggs.', 'said said said: said']) {
      wellFormed(text);
    }
  });

  it('copes with a very long paragraph', () => {
    const text = 'Jane Carter, chair of the LGA, said: “' + 'Councils need help. '.repeat(2_000) + '”';
    const [q] = wellFormed(text);
    expect(q!.speaker).toBe('Jane Carter');
  });
});
