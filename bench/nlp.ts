// NLP stage speed: extractQuotes alone and the full analysis (quotes + stance) over generated articles, next to bare
// wink-nlp readDoc of the same texts in the same run. Target: full analysis at ≥ 50% of the bare readDoc rate.
//   npm run bench:nlp   (BENCH_NLP_N articles, default 3000)
import { analyseArticle } from '../src/nlp/analyse.ts';
import { extractQuotes } from '../src/nlp/quotes/index.ts';
import { nlp } from '../src/nlp/wink.ts';
import type { ArticleContext } from '../src/types.ts';
import { article, between, organisations, people, rng } from './lib/generate.ts';

const N = Number(process.env.BENCH_NLP_N ?? 3_000);
const WARMUP = 200;

function corpus(n: number): ArticleContext[] {
  const r = rng(7);
  const ppl = people(2_000, 50, r);
  const orgs = organisations(50);
  return Array.from({ length: n }, () => {
    const a = article(r, ppl, orgs, { quotes: between(r, 3, 15), words: between(r, 300, 1_200) });
    return { title: a.title, text: a.body, published: '2016-07-21' };
  });
}

/** Articles/s of each method, timed in alternating chunks so that load from other processes hits all of them alike. */
function rates(items: ArticleContext[], fns: Array<(ctx: ArticleContext) => unknown>, chunk = 50): number[] {
  const ms = fns.map(() => 0);
  for (let i = 0; i < items.length; i += chunk) {
    const part = items.slice(i, i + chunk);
    fns.forEach((fn, k) => {
      const t = performance.now();
      for (const ctx of part) fn(ctx);
      ms[k]! += performance.now() - t;
    });
  }
  return ms.map((m) => items.length / (m / 1000));
}

const all = corpus(N + WARMUP);
const [warm, items] = [all.slice(0, WARMUP), all.slice(WARMUP)];
const bare = (ctx: ArticleContext) => nlp.readDoc(ctx.text);
let quotes = 0;
const countQuotes = (ctx: ArticleContext) => (quotes += extractQuotes(ctx).length);
rates(warm, [bare, extractQuotes, analyseArticle]);
const [bareRate, extractRate, fullRate] = rates(items, [bare, countQuotes, analyseArticle]) as [number, number, number];
const kb = items.reduce((n, c) => n + c.text.length, 0) / items.length / 1024;

console.log(`articles: ${items.length} (mean ${kb.toFixed(1)} KiB), quotes found: ${quotes}`);
console.log(`bare wink readDoc:        ${bareRate.toFixed(0)} articles/s`);
console.log(`extractQuotes:            ${extractRate.toFixed(0)} articles/s (${((100 * extractRate) / bareRate).toFixed(0)}% of bare)`);
console.log(`full analysis (+stance):  ${fullRate.toFixed(0)} articles/s (${((100 * fullRate) / bareRate).toFixed(0)}% of bare; target ≥ 50%)`);
