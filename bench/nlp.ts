// NLP stage speed: extractQuotes alone and the full analysis (quotes + stance) over the pipeline bench's corpus (5–20
// quotes an article as a reader counts them), next to bare wink-nlp readDoc of the same texts in the same run.
// Target: full analysis at ≥ 50% of the bare readDoc rate. Timed in alternating chunks, so load from other processes
// hits every path alike; CPU ms per article (process.cpuUsage) is the figure to compare across runs on a busy machine.
//   npm run bench:nlp   (BENCH_NLP_N articles, default 3000)
import { loadavg } from 'node:os';
import { analyseArticle } from '../src/nlp/analyse.ts';
import { extractQuotes } from '../src/nlp/quotes/index.ts';
import { sentimentOf } from '../src/nlp/stance/sentiment.ts';
import { nlp } from '../src/nlp/wink.ts';
import type { ArticleContext } from '../src/types.ts';
import { article, between, organisations, people, rng } from './lib/generate.ts';
import { record } from './lib/stats.ts';

const N = Number(process.env.BENCH_NLP_N ?? 3_000);
const WARMUP = 200;
const CHUNK = 50;

/** The same articles as bench/pipeline.ts generates (seed 7). */
function corpus(n: number): ArticleContext[] {
  const r = rng(7);
  const orgs = organisations(50);
  const ppl = people(2_000, orgs.length, r);
  return Array.from({ length: n }, (_, i) => {
    const a = article(r, ppl, orgs, { quotes: between(r, 5, 20), words: between(r, 300, 1_485), readerCounted: true });
    return { title: `${a.title} (${i})`, text: a.body, published: '2016-07-21' };
  });
}

const cpuMs = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; };

/** Wall and CPU ms of each path over the same items, one chunk of each at a time. */
function alternate(items: ArticleContext[], fns: Array<(ctx: ArticleContext) => unknown>): Array<{ wall: number; cpu: number }> {
  const out = fns.map(() => ({ wall: 0, cpu: 0 }));
  for (let i = 0; i < items.length; i += CHUNK) {
    const part = items.slice(i, i + CHUNK);
    fns.forEach((fn, k) => {
      const [t, c] = [performance.now(), cpuMs()];
      for (const ctx of part) fn(ctx);
      out[k]!.wall += performance.now() - t;
      out[k]!.cpu += cpuMs() - c;
    });
  }
  return out;
}

const all = corpus(N + WARMUP);
const [warm, items] = [all.slice(0, WARMUP), all.slice(WARMUP)];
// Sentiment (a lite readDoc per quote) is part of the stance step; timed apart on the quotes the stage finds.
const quoteTexts = new Map(all.map((ctx) => [ctx, extractQuotes(ctx).map((q) => q.text)]));
const bare = (ctx: ArticleContext) => nlp.readDoc(ctx.text);
const sentiment = (ctx: ArticleContext) => { for (const t of quoteTexts.get(ctx)!) sentimentOf(t); };
const paths = [bare, extractQuotes, analyseArticle, sentiment];
alternate(warm, paths);
const load = loadavg()[0]!;
const [bareT, extractT, fullT, sentT] = alternate(items, paths) as [{ wall: number; cpu: number }, { wall: number; cpu: number }, { wall: number; cpu: number }, { wall: number; cpu: number }];
const rate = (t: { wall: number }) => items.length / (t.wall / 1000);
const per = (t: { cpu: number }) => t.cpu / items.length;
const kb = items.reduce((n, c) => n + c.text.length, 0) / items.length / 1024;
const quotes = items.reduce((n, c) => n + quoteTexts.get(c)!.length, 0);

console.log(`articles: ${items.length} (mean ${kb.toFixed(1)} KiB), quotes found: ${quotes}; load average ${load.toFixed(2)} → ${loadavg()[0]!.toFixed(2)}`);
console.log(`bare wink readDoc:        ${rate(bareT).toFixed(0)} articles/s, ${per(bareT).toFixed(2)} CPU ms/article`);
console.log(`extractQuotes:            ${rate(extractT).toFixed(0)} articles/s (${((100 * rate(extractT)) / rate(bareT)).toFixed(0)}% of bare), ${per(extractT).toFixed(2)} CPU ms/article`);
console.log(`full analysis (+stance):  ${rate(fullT).toFixed(0)} articles/s (${((100 * rate(fullT)) / rate(bareT)).toFixed(0)}% of bare; target ≥ 50%), ${per(fullT).toFixed(2)} CPU ms/article`);
console.log(`  of which sentiment:     ${per(sentT).toFixed(2)} CPU ms/article (a lite readDoc per quote)`);
await record('nlp', {
  articles: items.length, quotes, load,
  bare: { rate: rate(bareT), cpuMs: per(bareT) },
  extract: { rate: rate(extractT), cpuMs: per(extractT) },
  full: { rate: rate(fullT), cpuMs: per(fullT) },
  sentimentCpuMs: per(sentT),
});
