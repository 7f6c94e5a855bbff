// The step before the pipeline bench's input: HTML page → article text (scrapers/article.ts, Readability on linkedom),
// measured on real news pages when a directory of them is at hand (../shared holds the public extraction benchmark's
// 181 pages; the bench runs without it). CPU ms per page next to bare readDoc of the text it yields.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { extractArticle } from '../../scrapers/article.ts';
import { nlp } from '../../src/nlp/wink.ts';

export interface ExtractionCost { pages: number; meanKb: number; extractCpuMs: number; readDocCpuMs: number }

const cpuMs = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; };

/** Null when `dir` does not exist. Pages are extracted twice (the first pass warms the code) and timed the second time. */
export function extractionCost(dir: string, limit = 120): ExtractionCost | null {
  if (!existsSync(dir)) return null;
  const pages = readdirSync(dir).filter((f) => /\.html?$/.test(f)).sort().slice(0, limit).map((f) => readFileSync(join(dir, f), 'utf8'));
  if (!pages.length) return null;
  const extract = () => pages.map((html, i) => extractArticle(html, `https://pages.example/${i}`)?.text ?? '');
  extract();
  let t = cpuMs();
  const texts = extract();
  const extractCpuMs = (cpuMs() - t) / pages.length;
  t = cpuMs();
  for (const text of texts) nlp.readDoc(text);
  const readDocCpuMs = (cpuMs() - t) / pages.length;
  return { pages: pages.length, meanKb: pages.reduce((n, p) => n + p.length, 0) / pages.length / 1024, extractCpuMs, readDocCpuMs };
}
