// Pipeline throughput: articles/s through ingest → NLP (quotes, speakers, stance) → store into a fresh SQLite file,
// next to bare wink-nlp `readDoc` articles/s on the very same texts in the same run, and the ratio of the two.
// Two store paths, each into its own database: one transaction per article (`ingestArticle`, as a crawl stores each
// item it fetches) and one commit per chunk of articles (`ingestArticles`, the same batches on one thread). The NLP stage
// alone (`analyseArticle`) on the same texts shows how much of the gap is NLP and how much the store.
// Everything above runs on one thread, timed in alternating chunks so load from other processes hits each path alike.
// Then the parallel import path (`ingestBatches`: the NLP stage on a pool of worker threads, one per core, while the
// main thread stores batches of 50) next to bare `readDoc` on a pool of the same size, in alternating segments: its
// rate is given against bare wink on one thread and against bare wink on the same number of threads.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { availableParallelism, cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../src/db/connection.ts';
import { ingestArticle, ingestArticles } from '../src/pipeline/ingest.ts';
import { analyseArticle } from '../src/nlp/analyse.ts';
import { createAnalysisPool } from '../src/pipeline/analysis-pool.ts';
import { ingestBatches } from '../src/pipeline/batch-ingest.ts';
import { createWorkerPool } from '../src/pipeline/worker-pool.ts';
import { nlp } from '../src/nlp/wink.ts';
import type { ScrapedArticle } from '../src/types.ts';
import { article, between, organisations, people, rng } from './lib/generate.ts';
import { record } from './lib/stats.ts';
import { extractionCost } from './lib/extraction-cost.ts';

const COUNT = Number(process.env.BENCH_PIPELINE_N ?? 5_000);
/** Real news pages for the HTML → text figure (optional). */
const PAGES = process.env.BENCH_PAGES_DIR ?? new URL('../../shared/corpora/article-extraction/html', import.meta.url).pathname;
const WARMUP = 100;
/**
 * Articles that warm the worker pools before they are timed. Each thread is a fresh V8 isolate that compiles and
 * optimises the NLP code again: on this machine a thread's first few hundred articles cost ~1.5× the CPU of later ones
 * (tsx/V8 tiering, regexps compiled on first use). Both pools get the same warm-up; its cost is printed apart.
 */
const WARMUP_THREADS = 600;
const CHUNK = 50;
/** Articles per turn of each parallel path: long enough for the pipeline to fill (several batches in flight). */
const SEGMENT = 1_000;

export function generateCorpus(n: number, seed = 7): ScrapedArticle[] {
  const r = rng(seed);
  const orgs = organisations(50);
  const ppl = people(2_000, orgs.length, r);
  const day0 = Date.UTC(2014, 0, 1);
  return Array.from({ length: n }, (_, i) => {
    // Prose with exactly the planted quotes as a reader counts them; the last fact sentence may pass `words` by < 15 words.
    const a = article(r, ppl, orgs, { quotes: between(r, 5, 20), words: between(r, 300, 1_485), readerCounted: true });
    const published = new Date(day0 + Math.floor(r() * 12 * 365) * 86_400_000).toISOString().slice(0, 10);
    return { url: `https://pipeline.example/news/${i}`, title: `${a.title} (${i})`, published, byline: 'Staff reporter', text: a.body };
  });
}

/** CPU seconds (every thread of the process) used by each path, filled in by `alternate`: load from other processes
 * lengthens wall time but hardly CPU time, so these say what each path costs when the machine is busy. */
const cpu = new Map<string, number>();
const cpuSeconds = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1e6; };
/** CPU seconds of the main thread alone (Linux: its /proc task entry, in clock ticks of 10 ms), or NaN elsewhere: in the
 * parallel path it stores while the worker threads analyse, so it shows which side bounds the rate. */
const mainThreadCpuSeconds = () => {
  try {
    const fields = readFileSync(`/proc/self/task/${process.pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return NaN;
  }
};
const mainCpu = new Map<string, number>();

/** Seconds spent in each function over the same items, timed in alternating chunks so that load from other
 * processes on the machine hits them all alike. Each function gets one chunk (its first and last index) at a time. */
function alternate(n: number, fns: Array<[string, (from: number, to: number) => void]>, chunk = CHUNK): number[] {
  const ms = fns.map(() => 0);
  for (let from = 0; from < n; from += chunk) {
    const to = Math.min(n, from + chunk);
    fns.forEach(([name, fn], k) => {
      const [t, c] = [performance.now(), cpuSeconds()];
      fn(from, to);
      ms[k]! += performance.now() - t;
      cpu.set(name, (cpu.get(name) ?? 0) + cpuSeconds() - c);
    });
  }
  return ms.map((m) => m / 1000);
}

/** `alternate` for asynchronous paths. */
async function alternateAsync(n: number, fns: Array<[string, (from: number, to: number) => Promise<void>]>, chunk: number): Promise<number[]> {
  const ms = fns.map(() => 0);
  for (let from = 0; from < n; from += chunk) {
    const to = Math.min(n, from + chunk);
    for (const [k, [name, fn]] of fns.entries()) {
      const [t, c, m] = [performance.now(), cpuSeconds(), mainThreadCpuSeconds()];
      await fn(from, to);
      ms[k]! += performance.now() - t;
      cpu.set(name, (cpu.get(name) ?? 0) + cpuSeconds() - c);
      mainCpu.set(name, (mainCpu.get(name) ?? 0) + mainThreadCpuSeconds() - m);
    }
  }
  return ms.map((m) => m / 1000);
}

const batchesOf = (articles: ScrapedArticle[]) =>
  Array.from({ length: Math.ceil(articles.length / CHUNK) }, (_, i) => articles.slice(i * CHUNK, (i + 1) * CHUNK).map((article) => ({ article })));

/** Articles/s of bare readDoc on a pool of worker threads and of the parallel import path, same texts. */
async function parallelRates(texts: ScrapedArticle[], warm: ScrapedArticle[], db: ReturnType<typeof openBenchDb>) {
  const cpuMsPerArticle = async (fn: () => Promise<unknown>) => {
    const c = cpuSeconds();
    await fn();
    return (1000 * (cpuSeconds() - c)) / warm.length;
  };
  const workers = availableParallelism();
  const bare = createWorkerPool<string, null>(new URL('./lib/read-doc-task.ts', import.meta.url), workers);
  const analysis = createAnalysisPool(workers);
  let failed = 0;
  const ingest = (articles: ScrapedArticle[]) =>
    ingestBatches(analysis.run, db, 'bench', batchesOf(articles), (_, results) => void (failed += results.filter((r) => r instanceof Error).length));
  try {
    const warmBare = await cpuMsPerArticle(() => Promise.all(warm.map((a) => bare.run(a.text))));
    const warmPipeline = await cpuMsPerArticle(() => ingest(warm));
    const [bareS, pipelineS] = await alternateAsync(texts.length, [
      ['winkParallel', async (from, to) => void (await Promise.all(texts.slice(from, to).map((a) => bare.run(a.text))))],
      ['pipelineParallel', (from, to) => ingest(texts.slice(from, to))],
    ], SEGMENT);
    return { workers, bareS: bareS!, pipelineS: pipelineS!, failed, warmBare, warmPipeline };
  } finally {
    await Promise.all([bare.close(), analysis.close()]);
  }
}

interface Spread { mean: number; min: number; max: number }
const spread = (xs: number[]): Spread => ({ mean: xs.reduce((s, x) => s + x, 0) / xs.length, min: Math.min(...xs), max: Math.max(...xs) });

function openBenchDb(dir: string, name: string) {
  const db = openDatabase(join(dir, name));
  db.prepare("INSERT INTO sources (id, name, kind) VALUES ('bench', 'Bench', 'feed')").run();
  return db;
}

export async function runPipelineBench(n = COUNT) {
  const corpus = generateCorpus(n + WARMUP_THREADS);
  const texts = corpus.slice(WARMUP_THREADS);
  const wordCounts = texts.map((a) => a.text.split(/\s+/).length);
  const words = wordCounts.reduce((s, w) => s + w, 0);
  const quoteCounts: number[] = [];
  const dir = mkdtempSync(join(tmpdir(), 'stancewatch-pipeline-'));
  const single = openBenchDb(dir, 'single.db');
  const batched = openBenchDb(dir, 'batched.db');
  const parallel = openBenchDb(dir, 'parallel.db');
  try {
    // Warm every path (JIT, model tables, statement caches) before timing any.
    const warm = corpus.slice(0, WARMUP);
    for (const a of warm) (nlp.readDoc(a.text), analyseArticle({ title: a.title, text: a.text, published: a.published ?? null }), ingestArticle(single, 'bench', a));
    ingestArticles(batched, 'bench', warm);
    let failed = 0;
    const [winkS, nlpS, singleS, batchedS] = alternate(n, [
      ['wink', (from, to) => { for (let i = from; i < to; i++) nlp.readDoc(texts[i]!.text); }],
      ['nlp', (from, to) => { for (let i = from; i < to; i++) analyseArticle({ title: texts[i]!.title, text: texts[i]!.text, published: texts[i]!.published ?? null }); }],
      ['pipeline', (from, to) => { for (let i = from; i < to; i++) quoteCounts.push(ingestArticle(single, 'bench', texts[i]!).quotes); }],
      ['pipelineBatched', (from, to) => { failed += ingestArticles(batched, 'bench', texts.slice(from, to)).filter((r) => r instanceof Error).length; }],
    ]) as [number, number, number, number];
    const par = await parallelRates(texts, corpus.slice(0, WARMUP_THREADS), parallel);
    failed += par.failed;
    const quotes = quoteCounts.reduce((s, q) => s + q, 0);
    const stored = (db: typeof single) => db.prepare('SELECT count(*) FROM articles').pluck().get() as number;
    const figures = {
      articles: n, words, quotes, wordsPerArticle: spread(wordCounts), quotesPerArticle: spread(quoteCounts), stored: stored(single), storedBatched: stored(batched), storedParallel: stored(parallel), failed,
      cores: availableParallelism(), cpu: cpus()[0]?.model ?? 'unknown', workers: par.workers,
      winkParallel: n / par.bareS, pipelineParallel: n / par.pipelineS,
      ratioParallelVsOneThread: winkS / par.pipelineS, ratioParallelVsSameThreads: par.bareS / par.pipelineS,
      wink: n / winkS, nlp: n / nlpS, pipeline: n / singleS, pipelineBatched: n / batchedS,
      ratio: winkS / singleS, ratioBatched: winkS / batchedS, ratioNlp: winkS / nlpS,
      // Seconds per article beyond the NLP stage, in units of one bare readDoc: the store's own cost.
      storeInWinkUnits: (singleS - nlpS) / winkS, storeBatchedInWinkUnits: (batchedS - nlpS) / winkS,
      cpuMsPerArticle: Object.fromEntries([...cpu].map(([name, sec]) => [name, (1000 * sec) / n])),
      mainThreadCpuMsPerArticle: Object.fromEntries([...mainCpu].map(([name, sec]) => [name, (1000 * sec) / n])),
      threadWarmup: { articles: WARMUP_THREADS, bareCpuMs: par.warmBare, pipelineCpuMs: par.warmPipeline },
    };
    const pct = (r: number) => `${(100 * r).toFixed(0)}% of bare wink`;
    const verdict = (r: number) => `target ≥ 50%: ${r >= 0.5 ? 'MET' : 'NOT MET'}`;
    const range = (s: Spread) => `mean ${s.mean.toFixed(1)}, min ${s.min}, max ${s.max}`;
    console.log(`pipeline corpus: ${n} articles, ${words} words (per article ${range(figures.wordsPerArticle)}), ${quotes} quotes extracted and stored ` +
      `(per article ${range(figures.quotesPerArticle)}; spec: 300–1,500 words, 5–20 quotes); one thread, chunks of ${CHUNK}`);
    console.log(`bare wink-nlp readDoc:                  ${figures.wink.toFixed(1)} articles/s`);
    console.log(`NLP stage alone (analyseArticle):       ${figures.nlp.toFixed(1)} articles/s  = ${pct(figures.ratioNlp)} (the ceiling for the pipeline)`);
    console.log(`ingest → NLP → store, one commit each:  ${figures.pipeline.toFixed(1)} articles/s  = ${pct(figures.ratio)}  ${verdict(figures.ratio)}  (crawl path)`);
    console.log(`ingest → NLP → store, one commit/${CHUNK}:   ${figures.pipelineBatched.toFixed(1)} articles/s  = ${pct(figures.ratioBatched)}  ${verdict(figures.ratioBatched)}  (ingestArticles, one thread)`);
    console.log(`store beyond NLP: ${figures.storeInWinkUnits.toFixed(2)} (one commit each) / ${figures.storeBatchedInWinkUnits.toFixed(2)} (batched) × a bare readDoc per article; ${failed} failed`);
    console.log(`parallel, ${par.workers} worker threads on ${figures.cores} cores (${figures.cpu}), segments of ${SEGMENT}, the main thread storing:`);
    console.log(`bare wink-nlp readDoc, ${par.workers} threads:        ${figures.winkParallel.toFixed(1)} articles/s`);
    console.log(`ingest → NLP on ${par.workers} threads → store, one commit/${CHUNK}: ${figures.pipelineParallel.toFixed(1)} articles/s  = ${pct(figures.ratioParallelVsOneThread)} on one thread  ${verdict(figures.ratioParallelVsOneThread)};  ` +
      `${(100 * figures.ratioParallelVsSameThreads).toFixed(0)}% of bare wink on the same ${par.workers} threads  ${verdict(figures.ratioParallelVsSameThreads)}  (stancewatch import)`);
    const c = figures.cpuMsPerArticle;
    console.log(`CPU ms per article (all threads; hardly changed by load from other processes): bare readDoc ${c.wink!.toFixed(1)}, NLP stage ${c.nlp!.toFixed(1)}, ` +
      `one commit each ${c.pipeline!.toFixed(1)}, one commit/${CHUNK} ${c.pipelineBatched!.toFixed(1)}; on ${par.workers} threads: bare readDoc ${c.winkParallel!.toFixed(1)}, ` +
      `ingest → NLP → store ${c.pipelineParallel!.toFixed(1)} (bare readDoc on one thread / that = ${(c.wink! / c.pipelineParallel!).toFixed(2)}), ` +
      `of which the main thread (checks, store, messages) ${figures.mainThreadCpuMsPerArticle.pipelineParallel!.toFixed(1)}`);
    console.log(`warm-up of fresh threads (untimed above): their first ${WARMUP_THREADS} articles cost ${par.warmBare.toFixed(1)} CPU ms each (bare readDoc) and ` +
      `${par.warmPipeline.toFixed(1)} (ingest → NLP → store)`);
    const ex = extractionCost(PAGES);
    if (ex) {
      console.log(`before the pipeline (not in the figures above): HTML page → text (extractArticle) on ${ex.pages} real news pages (mean ${ex.meanKb.toFixed(0)} KB): ` +
        `${ex.extractCpuMs.toFixed(1)} CPU ms a page, ${(ex.extractCpuMs / ex.readDocCpuMs).toFixed(1)}× a bare readDoc of the text it yields (${ex.readDocCpuMs.toFixed(1)} ms)`);
    }
    await record('pipeline', { ...figures, extraction: ex });
    return figures;
  } finally {
    single.close();
    batched.close();
    parallel.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await runPipelineBench();
