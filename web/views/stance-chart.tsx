// Stance over time as server-rendered SVG: stacked bars of quote volume by stance, and a line of net stance.
// Scales and shapes come from d3-scale/d3-shape; colours come from the stylesheet (classes), so CSP stays strict.
// Every chart has a title, a description and a data table alternative.
import { scaleBand, scaleLinear } from 'd3-scale';
import { line, stack } from 'd3-shape';

import type { TrendRow } from '../../src/db/trends.ts';

export type { TrendRow };

const KEYS = ['supports', 'opposes', 'mixed', 'neutral', 'unrelated'] as const;
const W = 720;
const H = 260;
const M = { top: 16, right: 16, bottom: 44, left: 44 };

/** The next period label after "2016-07" (month) or "2016-Q3" (quarter). */
function nextPeriod(p: string): string {
  const q = /^(\d{4})-Q([1-4])$/.exec(p);
  if (q) return +q[2]! === 4 ? `${+q[1]! + 1}-Q1` : `${q[1]}-Q${+q[2]! + 1}`;
  const [y, m] = p.split('-').map(Number) as [number, number];
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
}

/** Periods without quotes are missing from the data; a time axis needs them, empty, in their place. */
export function fillPeriods(rows: TrendRow[], max = 600): TrendRow[] {
  if (rows.length < 2 || !/^\d{4}-(\d{2}|Q[1-4])$/.test(rows[0]!.period)) return rows;
  const byPeriod = new Map(rows.map((r) => [r.period, r]));
  const out: TrendRow[] = [];
  const last = rows[rows.length - 1]!.period;
  for (let p = rows[0]!.period; out.length < max; p = nextPeriod(p)) {
    out.push(byPeriod.get(p) ?? { period: p, group: rows[0]!.group, groupName: rows[0]!.groupName, supports: 0, opposes: 0, mixed: 0, neutral: 0, unrelated: 0, total: 0, positioned: 0, net: null });
    if (p >= last) break;
  }
  return out;
}

export function fmtNet(net: number | null): string {
  return net === null ? '–' : `${net > 0 ? '+' : ''}${net.toFixed(2)}`;
}

function tickEvery(n: number): number {
  return Math.max(1, Math.ceil(n / 12));
}

export function VolumeChart({ id, title, rows: data }: { id: string; title: string; rows: TrendRow[] }) {
  const rows = fillPeriods(data);
  const x = scaleBand<string>().domain(rows.map((r) => r.period)).range([M.left, W - M.right]).padding(0.15);
  const max = Math.max(1, ...rows.map((r) => r.total));
  const y = scaleLinear().domain([0, max]).nice().range([H - M.bottom, M.top]);
  const series = stack<TrendRow, (typeof KEYS)[number]>().keys(KEYS)(rows);
  const every = tickEvery(rows.length);
  const peak = rows.reduce((best, r) => (r.total > (best?.total ?? -1) ? r : best), rows[0]);
  const desc = `Stacked bars: number of quotes per period by stance, ${rows.length} periods from ${rows[0]?.period ?? '-'} to ${rows[rows.length - 1]?.period ?? '-'}. ` +
    (peak ? `The busiest period was ${peak.period} with ${peak.total} quotes.` : '');
  return (
    <figure class="chart">
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-labelledby={`${id}-t ${id}-d`} class="chart-svg">
        <title id={`${id}-t`}>{title}</title>
        <desc id={`${id}-d`}>{desc}</desc>
        {y.ticks(5).map((t) => (
          <g class="gridline">
            <line x1={M.left} x2={W - M.right} y1={y(t)} y2={y(t)} />
            <text x={M.left - 6} y={y(t)} dy="0.32em" text-anchor="end">{t}</text>
          </g>
        ))}
        {series.map((s) => (
          <g class={`bar-${s.key}`}>
            {s.map((d) => (
              <rect x={x(d.data.period)} y={y(d[1])} width={x.bandwidth()} height={Math.max(0, y(d[0]) - y(d[1]))}>
                <title>{`${d.data.period}: ${d.data[s.key]} ${s.key}`}</title>
              </rect>
            ))}
          </g>
        ))}
        {rows.map((r, i) => (i % every === 0 ? <text class="axis-label" x={(x(r.period) ?? 0) + x.bandwidth() / 2} y={H - M.bottom + 16} text-anchor="middle">{r.period}</text> : null))}
      </svg>
      <figcaption><Legend /></figcaption>
    </figure>
  );
}

export function NetChart({ id, title, rows: data }: { id: string; title: string; rows: TrendRow[] }) {
  const rows = fillPeriods(data);
  const x = scaleBand<string>().domain(rows.map((r) => r.period)).range([M.left, W - M.right]).padding(0.15);
  // net is -1..1 (or null when no quote in the period took a position): a fixed scale keeps charts comparable.
  const y = scaleLinear().domain([-1, 1]).range([H - M.bottom, M.top]);
  const mid = (p: string) => (x(p) ?? 0) + x.bandwidth() / 2;
  const positioned = rows.filter((r) => r.net !== null);
  const path = line<TrendRow>().defined((r) => r.net !== null).x((r) => mid(r.period)).y((r) => y(r.net ?? 0))(rows) ?? '';
  const latest = positioned[positioned.length - 1];
  const every = tickEvery(rows.length);
  const desc = `Line: net stance per period (above zero leans supportive of the inspection regime, below zero leans opposed), ` +
    `${rows.length} periods. ${latest ? `Latest (${latest.period}): ${fmtNet(latest.net)}.` : 'No quote took a position.'}`;
  return (
    <figure class="chart">
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-labelledby={`${id}-t ${id}-d`} class="chart-svg">
        <title id={`${id}-t`}>{title}</title>
        <desc id={`${id}-d`}>{desc}</desc>
        {[-1, -0.5, 0, 0.5, 1].map((t) => (
          <g class={t === 0 ? 'gridline zero' : 'gridline'}>
            <line x1={M.left} x2={W - M.right} y1={y(t)} y2={y(t)} />
            <text x={M.left - 6} y={y(t)} dy="0.32em" text-anchor="end">{t}</text>
          </g>
        ))}
        <path class="net-line" d={path} />
        {positioned.map((r) => <circle class="net-point" cx={mid(r.period)} cy={y(r.net ?? 0)} r={3}><title>{`${r.period}: net ${fmtNet(r.net)} (${r.total} quotes)`}</title></circle>)}
        {rows.map((r, i) => (i % every === 0 ? <text class="axis-label" x={mid(r.period)} y={H - M.bottom + 16} text-anchor="middle">{r.period}</text> : null))}
      </svg>
    </figure>
  );
}

function Legend() {
  return (
    <ul class="legend-list">
      {KEYS.map((k) => <li><svg width="12" height="12" aria-hidden="true" class={`bar-${k}`}><rect width="12" height="12" /></svg> {k}</li>)}
    </ul>
  );
}

export function TrendTable({ rows, caption }: { rows: TrendRow[]; caption: string }) {
  return (
    <details class="data-table">
      <summary>Data table</summary>
      <div class="table-wrap">
        <table>
          <caption>{caption}</caption>
          <thead><tr><th scope="col">Period</th>{KEYS.map((k) => <th scope="col">{k}</th>)}<th scope="col">Total</th><th scope="col">Net</th></tr></thead>
          <tbody>
            {rows.map((r) => <tr><th scope="row">{r.period}</th>{KEYS.map((k) => <td>{r[k]}</td>)}<td>{r.total}</td><td>{fmtNet(r.net)}</td></tr>)}
          </tbody>
        </table>
      </div>
    </details>
  );
}
