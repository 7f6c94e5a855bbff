// `npm run eval:articles [-- --min-f1 0.95] [-- --rounds N]`: scores extractArticle on the public
// article-extraction benchmark in ../shared/corpora/article-extraction with its own evaluate.mjs, and measures
// pages per second next to bare `new Readability(parseHTML(html).document).parse()` (the floor: our extractor
// is that plus metadata) and the rejected alternative (a cheerio-only paragraph-density heuristic). Ours and
// bare alternate for N rounds in one process so both see the same machine load; the best round of each is shown.
// Skips cleanly when ../shared is absent. Not tuned against individual benchmark pages.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Worker } from 'node:worker_threads';
import { Readability } from '@mozilla/readability';
import * as cheerio from 'cheerio';
import { parseHTML } from 'linkedom';
import { extractArticle } from '../scrapers/article.ts';

const root = resolve(import.meta.dirname, '..');
const corpus = resolve(root, '../shared/corpora/article-extraction');
const HELP = `usage: npm run eval:articles [-- --min-f1 F] [-- --rounds N]
  --min-f1 F   exit 1 when our F1 is below F (CI uses 0.95)
  --rounds N   timed passes of ours and of bare readability, alternating (default 3; the best of each is shown)`;

/** The speed floor: @mozilla/readability over linkedom with its defaults, nothing else. */
function bareReadability(html: string): string {
  return new Readability(parseHTML(html).document as unknown as Document).parse()?.textContent ?? '';
}

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
  /** Wall-clock throughput of each round: what a user sees, lower when other processes share the CPU. */
  pagesPerSecond: number[];
  /** Throughput per second of CPU time used (GC threads included) in each round: steadier on a busy machine. */
  pagesPerCpuSecond: number[];
}

type Extract = (p: Page) => string;

/** Times each extractor `rounds` times, alternating their order, and writes each one's texts for the scorer. */
function measure(extractors: Record<string, Extract>, pages: Page[], rounds: number, outDir: string): Record<string, Speed> {
  const names = Object.keys(extractors);
  const speeds: Record<string, Speed> = {};
  for (const name of names) {
    speeds[name] = { dir: join(outDir, name), pagesPerSecond: [], pagesPerCpuSecond: [] };
    mkdirSync(speeds[name].dir);
  }
  for (let r = 0; r < rounds; r++) {
    for (const name of r % 2 ? [...names].reverse() : names) {
      const started = performance.now();
      const cpu = process.cpuUsage();
      const texts = pages.map(extractors[name]!);
      const used = process.cpuUsage(cpu);
      const speed = speeds[name]!;
      speed.pagesPerSecond.push(pages.length / ((performance.now() - started) / 1000));
      speed.pagesPerCpuSecond.push(pages.length / ((used.user + used.system) / 1e6));
      if (r === 0) pages.forEach((p, i) => writeFileSync(join(speed.dir, `${p.id}.txt`), texts[i]!));
    }
  }
  return speeds;
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

function option(name: string): string | null {
  const i = process.argv.indexOf(name);
  return i > 0 ? (process.argv[i + 1] ?? null) : null;
}

const load = () => loadavg().map((n) => n.toFixed(2)).join(' ');
const best = (xs: number[]) => Math.max(...xs);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** Best round of each, and ours relative to bare round by round (the pairs ran back to back, under the same load). */
function printSpeeds(ours: Speed, bare: Speed, alt: Speed, rounds: number, loadBefore: string): void {
  const row = (name: string, s: Speed) =>
    `  ${name.padEnd(22)} ${best(s.pagesPerSecond).toFixed(1).padStart(6)} pages/s  ${best(s.pagesPerCpuSecond).toFixed(1).padStart(6)} pages per CPU-second`;
  console.log(`speed (one thread, best of ${rounds} alternating rounds; load average ${loadBefore} before, ${load()} after)`);
  console.log(row('readability-linkedom', ours));
  console.log(row('readability-bare', bare));
  console.log(row('cheerio-density', alt));
  const ratio = (k: 'pagesPerSecond' | 'pagesPerCpuSecond') => median(ours[k].map((v, r) => v / bare[k][r]!)).toFixed(2);
  console.log(`  ours / bare, median of ${rounds} rounds: ${ratio('pagesPerSecond')} wall clock, ${ratio('pagesPerCpuSecond')} CPU`);
}

async function main(): Promise<number> {
  if (process.argv.includes('--help')) {
    console.log(HELP);
    return 0;
  }
  if (!existsSync(join(corpus, 'evaluate.mjs'))) {
    console.log('eval:articles skipped: ../shared/corpora/article-extraction not found');
    return 0;
  }
  const minF1 = option('--min-f1') === null ? null : Number(option('--min-f1'));
  const rounds = Math.max(1, Number(option('--rounds') ?? 3) || 3);
  const truth = JSON.parse(readFileSync(join(corpus, 'ground-truth.json'), 'utf8')) as Record<string, { url?: string }>;
  const pages: Page[] = readdirSync(join(corpus, 'html'))
    .filter((f) => f.endsWith('.html'))
    .map((f) => {
      const id = f.replace(/\.html$/, '');
      return { id, html: readFileSync(join(corpus, 'html', f), 'utf8'), url: truth[id]?.url ?? 'https://example.invalid/' };
    });
  const out = mkdtempSync(join(tmpdir(), 'sw-eval-articles-'));
  try {
    const loadBefore = load();
    const { 'cheerio-density': alt } = measure({ 'cheerio-density': (p) => cheerioDensity(p.html) }, pages, 1, out);
    const { 'readability-bare': bare, 'readability-linkedom': ours } = measure(
      { 'readability-linkedom': (p) => extractArticle(p.html, p.url)?.text ?? '', 'readability-bare': (p) => bareReadability(p.html) },
      pages,
      rounds,
      out,
    );
    const workers = Math.max(1, Math.min(availableParallelism(), 8));
    const parallel = workers > 1 ? await measureParallel(pages, workers, out) : best(ours!.pagesPerSecond);
    const report = execFileSync(process.execPath, [join(corpus, 'evaluate.mjs'), alt!.dir, bare!.dir, ours!.dir], { encoding: 'utf8' });
    console.log(report.trim());
    printSpeeds(ours!, bare!, alt!, rounds, loadBefore);
    console.log(`  readability-linkedom ${parallel.toFixed(1)} pages/s with ${workers} worker threads (one per core)`);
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
