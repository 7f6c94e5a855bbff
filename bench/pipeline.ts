// Pipeline throughput: articles/s through ingest → NLP (quotes, speakers, stance) → store into a fresh SQLite file,
// next to bare wink-nlp `readDoc` articles/s on the very same texts in the same run, and the ratio of the two.
// (bench/nlp.ts measures the NLP stage alone; this one includes the store.)
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../src/db/connection.ts';
import { ingestArticle } from '../src/pipeline/ingest.ts';
import { nlp } from '../src/nlp/wink.ts';
import type { ScrapedArticle } from '../src/types.ts';
import { article, between, organisations, people, rng } from './lib/generate.ts';
import { record } from './lib/stats.ts';

const COUNT = Number(process.env.BENCH_PIPELINE_N ?? 5_000);
const WARMUP = 100;

export function generateCorpus(n: number, seed = 7): ScrapedArticle[] {
  const r = rng(seed);
  const orgs = organisations(50);
  const ppl = people(2_000, orgs.length, r);
  const day0 = Date.UTC(2014, 0, 1);
  return Array.from({ length: n }, (_, i) => {
    const a = article(r, ppl, orgs, { quotes: between(r, 5, 20), words: between(r, 300, 1_500) });
    const published = new Date(day0 + Math.floor(r() * 12 * 365) * 86_400_000).toISOString().slice(0, 10);
    return { url: `https://pipeline.example/news/${i}`, title: `${a.title} (${i})`, published, byline: 'Staff reporter', text: a.body };
  });
}

/** Seconds spent in each of two functions over the same items, timed in alternating chunks so that load from
 * other processes on the machine hits both alike. */
function alternate(n: number, a: (i: number) => void, b: (i: number) => void, chunk = 50): [number, number] {
  let ta = 0;
  let tb = 0;
  for (let from = 0; from < n; from += chunk) {
    const to = Math.min(n, from + chunk);
    let t = performance.now();
    for (let i = from; i < to; i++) a(i);
    ta += performance.now() - t;
    t = performance.now();
    for (let i = from; i < to; i++) b(i);
    tb += performance.now() - t;
  }
  return [ta / 1000, tb / 1000];
}

export async function runPipelineBench(n = COUNT) {
  const corpus = generateCorpus(n + WARMUP);
  const words = corpus.slice(WARMUP).reduce((s, a) => s + a.text.split(/\s+/).length, 0);
  const dir = mkdtempSync(join(tmpdir(), 'stancewatch-pipeline-'));
  const db = openDatabase(join(dir, 'pipeline.db'));
  db.prepare("INSERT INTO sources (id, name, kind) VALUES ('bench', 'Bench', 'feed')").run();
  try {
    // Warm both paths (JIT, model tables, statement cache) before timing either.
    for (let i = 0; i < WARMUP; i++) { nlp.readDoc(corpus[i]!.text); ingestArticle(db, 'bench', corpus[i]!); }
    let quotes = 0;
    const [winkSeconds, pipelineSeconds] = alternate(
      n,
      (i) => nlp.readDoc(corpus[WARMUP + i]!.text),
      (i) => { quotes += ingestArticle(db, 'bench', corpus[WARMUP + i]!).quotes; },
    );
    const wink = n / winkSeconds;
    const pipeline = n / pipelineSeconds;
    const stored = db.prepare('SELECT count(*) FROM articles').pluck().get() as number;
    const figures = { articles: n, words, wink, pipeline, ratio: pipeline / wink, quotes, stored };
    console.log(`pipeline corpus: ${n} articles, ${words} words (avg ${Math.round(words / n)}), ${quotes} quotes extracted and stored`);
    console.log(`bare wink-nlp readDoc: ${wink.toFixed(1)} articles/s`);
    console.log(`ingest → NLP → store:  ${pipeline.toFixed(1)} articles/s  = ${(100 * figures.ratio).toFixed(0)}% of bare wink  target ≥ 50%: ${figures.ratio >= 0.5 ? 'MET' : 'NOT MET'}`);
    await record('pipeline', figures);
    return figures;
  } finally {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await runPipelineBench();
