// `npm run eval:articles [-- --min-f1 0.95]`: scores extractArticle on the public article-extraction benchmark
// in ../shared/corpora/article-extraction with its own evaluate.mjs, and measures pages per second. The same
// is done for the rejected alternative (a cheerio-only paragraph-density heuristic) for comparison.
// Skips cleanly when ../shared is absent. Not tuned against individual benchmark pages.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Worker } from 'node:worker_threads';
import * as cheerio from 'cheerio';
import { extractArticle } from '../scrapers/article.ts';

const root = resolve(import.meta.dirname, '..');
const corpus = resolve(root, '../shared/corpora/article-extraction');

/** The rejected alternative: keep the element whose direct <p> children hold the most text. */
function cheerioDensity(html: string): string {
  const $ = cheerio.load(html);
  $('script, style, noscript, nav, header, footer, aside, form, iframe').remove();
  let best: { el: ReturnType<typeof $> | null; score: number } = { el: null, score: 0 };
  $('p').parent().each((_, el) => {
    const node = $(el);
    const score = node.children('p').toArray().reduce((n, p) => n + $(p).text().trim().length, 0);
    if (score > best.score) best = { el: node, score };
  });
  if (!best.el) return $('body').text().replace(/\s+/g, ' ').trim();
  return best.el
    .children('p, h2, h3, blockquote, ul, ol')
    .toArray()
    .map((p) => $(p).text().replace(/\s+/g, ' ').trim())
    .filter(Boolean)
    .join('\n\n');
}

interface Page {
  id: string;
  html: string;
  url: string;
}

interface Speed {
  dir: string;
  /** Wall-clock throughput: what a user sees, lower when other processes share the CPU. */
  pagesPerSecond: number;
  /** Throughput per second of CPU time used: the extractor's own cost, stable on a busy machine. */
  pagesPerCpuSecond: number;
}

function measure(name: string, pages: Page[], extract: (p: Page) => string, outDir: string): Speed {
  const dir = join(outDir, name);
  mkdirSync(dir);
  const texts: [string, string][] = [];
  const started = performance.now();
  const cpu = process.cpuUsage();
  for (const p of pages) texts.push([p.id, extract(p)]);
  const used = process.cpuUsage(cpu);
  const seconds = (performance.now() - started) / 1000;
  for (const [id, text] of texts) writeFileSync(join(dir, `${id}.txt`), text);
  return { dir, pagesPerSecond: pages.length / seconds, pagesPerCpuSecond: pages.length / ((used.user + used.system) / 1e6) };
}

/** Throughput with one worker thread per core: extraction is CPU-bound and pages are independent. */
async function measureParallel(pages: Page[], workers: number, outDir: string): Promise<number> {
  const dir = join(outDir, 'parallel');
  mkdirSync(dir);
  const slices = Array.from({ length: workers }, (_, w) => pages.filter((_, i) => i % workers === w));
  const threads = slices.map(
    (slice) =>
      new Worker(new URL('./eval-articles-worker.mjs', import.meta.url), {
        workerData: { pages: slice.map((p) => ({ id: p.id, file: join(corpus, 'html', `${p.id}.html`), url: p.url })), outDir: dir },
      }),
  );
  const next = (w: Worker, msg: string) => new Promise<void>((res, rej) => {
    const onMessage = (m: unknown) => m === msg && (w.off('message', onMessage), res());
    w.on('message', onMessage);
    w.once('error', rej);
  });
  await Promise.all(threads.map((w) => next(w, 'ready')));
  const started = performance.now();
  const done = threads.map((w) => next(w, 'done'));
  for (const w of threads) w.postMessage('go');
  await Promise.all(done);
  const seconds = (performance.now() - started) / 1000;
  await Promise.all(threads.map((w) => w.terminate()));
  return pages.length / seconds;
}

async function main(): Promise<number> {
  if (!existsSync(join(corpus, 'evaluate.mjs'))) {
    console.log('eval:articles skipped: ../shared/corpora/article-extraction not found');
    return 0;
  }
  const minF1Arg = process.argv.indexOf('--min-f1');
  const minF1 = minF1Arg > 0 ? Number(process.argv[minF1Arg + 1]) : null;
  const truth = JSON.parse(readFileSync(join(corpus, 'ground-truth.json'), 'utf8')) as Record<string, { url?: string }>;
  const pages: Page[] = readdirSync(join(corpus, 'html'))
    .filter((f) => f.endsWith('.html'))
    .map((f) => {
      const id = f.replace(/\.html$/, '');
      return { id, html: readFileSync(join(corpus, 'html', f), 'utf8'), url: truth[id]?.url ?? 'https://example.invalid/' };
    });
  const out = mkdtempSync(join(tmpdir(), 'sw-eval-articles-'));
  try {
    const ours = measure('readability-linkedom', pages, (p) => extractArticle(p.html, p.url)?.text ?? '', out);
    const alt = measure('cheerio-density', pages, (p) => cheerioDensity(p.html), out);
    const workers = Math.max(1, Math.min(availableParallelism(), 8));
    const parallel = workers > 1 ? await measureParallel(pages, workers, out) : ours.pagesPerSecond;
    const report = execFileSync(process.execPath, [join(corpus, 'evaluate.mjs'), alt.dir, ours.dir], { encoding: 'utf8' });
    console.log(report.trim());
    console.log(`pages/s  readability-linkedom ${ours.pagesPerSecond.toFixed(1)}  cheerio-density ${alt.pagesPerSecond.toFixed(1)}  (${pages.length} pages, one thread, wall clock)`);
    console.log(`pages per CPU-second  readability-linkedom ${ours.pagesPerCpuSecond.toFixed(1)}  cheerio-density ${alt.pagesPerCpuSecond.toFixed(1)}`);
    console.log(`pages/s  readability-linkedom ${parallel.toFixed(1)} with ${workers} worker threads (one per core)`);
    const f1 = Number(report.trim().split('\n').at(-1)!.replace(/^F1\s+/, ''));
    if (minF1 !== null && !(f1 >= minF1)) {
      console.error(`eval:articles: F1 ${f1} is below the required ${minF1}`);
      return 1;
    }
    return 0;
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

process.exitCode = await main();
