// CSV export at scale: streams /quotes.csv through the app for a filter that matches ~100,000 quotes and reports
// rows/s and this process's RSS (sampled every 20 ms) at each quarter of the export, to show memory stays flat.
import { openDatabase } from '../src/db/connection.ts';
import { loadConfig } from '../src/config.ts';
import { silentLogger } from '../src/log.ts';
import { createApp } from '../web/app.tsx';
import { mb, record, rssSampler } from './lib/stats.ts';
import { DEFAULT_BENCH_DB } from './seed.ts';

const ROWS = Number(process.env.BENCH_EXPORT_ROWS ?? 100_000);

export async function runExportBench(path = DEFAULT_BENCH_DB) {
  // Read-only: the seeded database is shared by every benchmark and must not change.
  const db = openDatabase(path, { readonly: true });
  // The day from which on about ROWS quotes were published: `from=` that day selects ~ROWS rows.
  const from = (db.prepare('SELECT published_at FROM quotes ORDER BY published_at DESC LIMIT 1 OFFSET ?').pluck().get(ROWS) as string).slice(0, 10);
  const app = createApp({ db, config: loadConfig({}, { dbPath: path }), log: silentLogger });
  global.gc?.();
  const rss = rssSampler(20);
  const t0 = performance.now();
  const res = await app.request(`/quotes.csv?from=${from}`);
  if (res.status !== 200 || !res.body) throw new Error(`/quotes.csv: HTTP ${res.status}`);
  const reader = res.body.getReader();
  let rows = -1; // the header line
  let bytes = 0;
  const atQuarter: number[] = [];
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    bytes += value.length;
    // CRLF ends each record; quoted cells may hold bare LF but never CRLF (csvCell keeps text as-is).
    for (let i = 0; i < value.length; i++) if (value[i] === 13 && value[i + 1] === 10) rows++;
    while (atQuarter.length < 4 && rows >= ((atQuarter.length + 1) * ROWS) / 4) atQuarter.push(process.memoryUsage.rss());
    if (rows >= ROWS) { await reader.cancel(); break; }
  }
  const seconds = (performance.now() - t0) / 1000;
  const mem = rss.stop();
  const figures = { from, rows, bytes, seconds, rowsPerSecond: rows / seconds, rssBefore: mem.first, rssPeak: mem.peak, rssAtQuarters: atQuarter };
  console.log(`CSV export /quotes.csv?from=${from}: ${rows} rows, ${mb(bytes)} in ${seconds.toFixed(2)} s = ${Math.round(rows / seconds)} rows/s`);
  console.log(`  RSS before ${mb(mem.first)}, at 25/50/75/100%: ${atQuarter.map(mb).join(' / ')}, peak ${mb(mem.peak)} (growth ${mb(mem.peak - mem.first)})`);
  await record('export', figures);
  db.close();
  return figures;
}

if (import.meta.url === `file://${process.argv[1]}`) await runExportBench(process.argv[2] ?? DEFAULT_BENCH_DB);
