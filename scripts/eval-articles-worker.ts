// Worker for `npm run eval:articles`: extracts a slice of the benchmark pages, timed by the parent.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import { extractArticle } from '../scrapers/article.ts';

interface Job {
  pages: { id: string; file: string; url: string }[];
  outDir: string;
}

const job = workerData as Job;
const pages = job.pages.map((p) => ({ ...p, html: readFileSync(p.file, 'utf8') }));
parentPort!.once('message', () => {
  const texts = pages.map((p) => [p.id, extractArticle(p.html, p.url)?.text ?? ''] as const);
  parentPort!.postMessage('done');
  for (const [id, text] of texts) writeFileSync(join(job.outDir, `${id}.txt`), text);
  parentPort!.postMessage('written');
});
parentPort!.postMessage('ready');
