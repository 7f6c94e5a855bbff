// stanceTrends on the seeded 1M-quote database (`npm run bench:seed`): median and worst of a few runs per query shape.
//   npx tsx bench/trends.ts [DB]
import { openDatabase } from '../src/db/connection.ts';
import { stanceTrends, type TrendOptions } from '../src/db/trends.ts';

const path = process.argv[2] ?? '.tmp/bench.db';
const RUNS = Number(process.env.BENCH_TRENDS_RUNS ?? 7);
const db = openDatabase(path, { readonly: true });
const quotes = db.prepare('SELECT count(*) FROM quotes').pluck().get() as number;
const topOrg = db.prepare('SELECT o.slug FROM organisations o JOIN quotes q ON q.organisation_id = o.id GROUP BY o.id ORDER BY count(*) DESC LIMIT 1').pluck().get() as string;
const topPerson = db.prepare('SELECT p.slug FROM people p WHERE p.id = (SELECT person_id FROM quotes WHERE person_id IS NOT NULL GROUP BY person_id ORDER BY count(*) DESC LIMIT 1)').pluck().get() as string;

const cases: [string, TrendOptions][] = [
  [`one organisation (${topOrg}), by quarter`, { by: 'quarter', org: topOrg }],
  [`one organisation, by month, 2018–2020`, { by: 'month', org: topOrg, from: '2018', to: '2020' }],
  [`one speaker (${topPerson}), by month`, { by: 'month', speaker: topPerson }],
  ['all quotes, by month, grouped by organisation', { by: 'month' }],
  ['all quotes, by quarter, grouped by speaker', { by: 'quarter', groupBy: 'speaker' }],
  ['all quotes, by month, no grouping', { by: 'month', groupBy: 'none' }],
];
console.log(`${path}: ${quotes} quotes`);
for (const [name, opts] of cases) {
  const ms: number[] = [];
  let rows = 0;
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    rows = stanceTrends(db, opts).length;
    ms.push(performance.now() - t);
  }
  ms.sort((a, b) => a - b);
  console.log(`${name.padEnd(56)} ${rows.toString().padStart(6)} rows  median ${ms[RUNS >> 1]!.toFixed(1).padStart(7)} ms  max ${ms.at(-1)!.toFixed(1).padStart(7)} ms`);
}
db.close();
