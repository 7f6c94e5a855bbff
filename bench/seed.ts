// `npm run bench:seed [-- --force] [PATH]`: builds the 200k-article / 1M-quote benchmark database (reused if present).
import { statSync } from 'node:fs';
import { buildSeed, FULL_SIZE, seedExists } from './lib/seed-db.ts';

export const DEFAULT_BENCH_DB = '.tmp/bench.db';

export function ensureSeed(path = DEFAULT_BENCH_DB, force = false): void {
  if (!force && seedExists(path)) {
    console.log(`bench:seed: reusing ${path} (${(statSync(path).size / 1e6).toFixed(0)} MB); --force rebuilds it`);
    return;
  }
  console.log(`bench:seed: building ${path}: ${FULL_SIZE.articles} articles, ~${FULL_SIZE.articles * FULL_SIZE.quotesPerArticle} quotes`);
  const t0 = Date.now();
  buildSeed(path, FULL_SIZE, (m) => console.log(m));
  console.log(`bench:seed: built in ${((Date.now() - t0) / 1000).toFixed(0)} s, ${(statSync(path).size / 1e6).toFixed(0)} MB`);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const args = process.argv.slice(2);
  ensureSeed(args.find((a) => !a.startsWith('--')) ?? DEFAULT_BENCH_DB, args.includes('--force'));
}
