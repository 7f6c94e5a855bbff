// Stance cost: classifyStance over every quoted span of generated articles, next to bare wink-nlp readDoc of the
// same articles. The NLP stage must keep ≥ 50% of bare wink speed, so stance should cost a small share of it.
//   npx tsx bench/stance.ts   (BENCH_STANCE_N articles, default 3000)
import { classifyStance } from '../src/nlp/stance/index.ts';
import { nlp } from '../src/nlp/wink.ts';
import type { ArticleContext, ExtractedQuote } from '../src/types.ts';
import { article, between, organisations, people, rng } from './lib/generate.ts';

const N = Number(process.env.BENCH_STANCE_N ?? 3_000);
const WARMUP = 100;
const QUOTED = /[“"]([^”"]{10,800})[”"]/g;

function quotesOf(text: string): ExtractedQuote[] {
  return Array.from(text.matchAll(QUOTED), (m) => ({
    text: m[1]!, kind: 'direct' as const, start: m.index + 1, end: m.index + 1 + m[1]!.length,
    speaker: 'A Speaker', speakerOrg: m.index % 3 ? 'ADCS' : 'Ofsted', speakerRole: null, cue: 'said', placement: 'body' as const, confidence: 1,
  }));
}

function seconds(fn: () => void): number {
  const t = performance.now();
  fn();
  return (performance.now() - t) / 1000;
}

function corpusOf(n: number) {
  const r = rng(11);
  const ppl = people(2_000, 50, r);
  const orgs = organisations(50);
  return Array.from({ length: n }, () => {
    const a = article(r, ppl, orgs, { quotes: between(r, 5, 20), words: between(r, 300, 1_500) });
    return { ctx: { title: a.title, text: a.body, published: null }, quotes: quotesOf(a.body) };
  });
}

const corpus = corpusOf(N + WARMUP);
const stanceAll = (items: { ctx: ArticleContext; quotes: ExtractedQuote[] }[]) => {
  for (const { ctx, quotes } of items) for (const q of quotes) classifyStance(q, ctx);
};
const warm = corpus.slice(0, WARMUP);
for (const { ctx } of warm) nlp.readDoc(ctx.text);
stanceAll(warm);
const timed = corpus.slice(WARMUP);
const quotes = timed.reduce((n, a) => n + a.quotes.length, 0);
// Interleaved in small batches, so a busy machine slows both sides alike.
const BATCH = 50;
let wink = 0;
let stance = 0;
for (let i = 0; i < timed.length; i += BATCH) {
  const batch = timed.slice(i, i + BATCH);
  wink += seconds(() => { for (const { ctx } of batch) nlp.readDoc(ctx.text); });
  stance += seconds(() => stanceAll(batch));
}
console.log(`${N} articles, ${quotes} quotes`);
console.log(`bare wink readDoc: ${(N / wink).toFixed(0)} articles/s`);
console.log(`classifyStance:    ${(N / stance).toFixed(0)} articles/s (${(quotes / stance).toFixed(0)} quotes/s) = ${(100 * stance / wink).toFixed(0)}% of the time of one readDoc per article`);
