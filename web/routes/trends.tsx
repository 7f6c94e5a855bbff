// Stance over time, overall or for one organisation: volume by stance and net stance, as SVG charts with a
// data table, and the same data as .json and .csv.
import { Hono, type Context } from 'hono';
import type { DB } from '../../src/db/connection.ts';
import { BadRequest } from '../../src/errors.ts';
import { organisationBySlug, organisationOptions } from '../../src/db/profiles.ts';
import { checkDate } from '../../src/db/search.ts';
import type { AppEnv } from '../lib/auth.ts';
import { urlWith } from '../lib/params.ts';
import { csvStream } from '../lib/csv.ts';
import { loadTrends, type TrendQuery } from '../lib/trend-data.ts';
import { NetChart, TrendTable, VolumeChart, type TrendRow } from '../views/stance-chart.tsx';

const PERIODS = ['month', 'quarter', 'year'] as const;

interface TrendParams {
  org: { id: number; slug: string; name: string } | null;
  query: TrendQuery;
  params: Record<string, string>;
}

function parseTrendParams(db: DB, c: Context): TrendParams {
  const q = c.req.query();
  const params: Record<string, string> = {};
  const query: TrendQuery = {};
  let org: TrendParams['org'] = null;
  if (q.org) {
    const o = organisationBySlug(db, q.org);
    if (!o) throw new BadRequest(`There is no organisation "${q.org.slice(0, 80)}".`);
    org = o;
    query.organisationId = o.id;
    params.org = o.slug;
  }
  if (q.from) params.from = query.from = checkDate('from', q.from);
  if (q.to) params.to = query.to = checkDate('to', q.to);
  if (q.period) {
    if (!(PERIODS as readonly string[]).includes(q.period)) throw new BadRequest(`period must be one of ${PERIODS.join(', ')}.`);
    params.period = q.period;
    query.period = q.period as TrendQuery['period'];
  }
  return { org, query, params };
}

function TrendForm({ db, params }: { db: DB; params: Record<string, string> }) {
  return (
    <form method="get" action="/trends" class="trend-form">
      <div class="field">
        <label for="t-org">Organisation</label>
        <select id="t-org" name="org">
          <option value="">All organisations</option>
          {organisationOptions(db).map((o) => <option value={o.slug} selected={o.slug === params.org}>{o.name}</option>)}
        </select>
      </div>
      <div class="field">
        <label for="t-period">Period</label>
        <select id="t-period" name="period">{PERIODS.map((p) => <option value={p} selected={(params.period ?? 'month') === p}>{p}</option>)}</select>
      </div>
      <div class="field"><label for="t-from">From</label><input id="t-from" type="date" name="from" value={params.from ?? ''} /></div>
      <div class="field"><label for="t-to">To</label><input id="t-to" type="date" name="to" value={params.to ?? ''} /></div>
      <button type="submit">Show</button>
    </form>
  );
}

export function trendRoutes(db: DB): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  app.get('/trends', (c) => {
    const t = parseTrendParams(db, c);
    const rows: TrendRow[] = loadTrends(db, t.query);
    const who = t.org ? t.org.name : 'everyone quoted';
    return c.render(
      <>
        <h1>Stance over time</h1>
        <p>How often {who} {t.org ? 'is' : 'are'} quoted about Ofsted's inspection regime, and which way the quotes lean. Net stance is supportive quotes minus opposed ones, as a share of all quotes in the period.</p>
        <TrendForm db={db} params={t.params} />
        {rows.length === 0 ? <p class="empty">No quotes in this range.</p> : (
          <>
            <h2>Volume by stance</h2>
            <VolumeChart id="volume" title={`Quotes per ${t.query.period ?? 'month'} by stance: ${who}`} rows={rows} />
            <h2>Net stance</h2>
            <NetChart id="net" title={`Net stance per ${t.query.period ?? 'month'}: ${who}`} rows={rows} />
            <TrendTable rows={rows} caption={`Stance by ${t.query.period ?? 'month'}: ${who}`} />
          </>
        )}
        <p class="exports">Export: <a href={urlWith('/trends.csv', t.params)} download>CSV</a> · <a href={urlWith('/trends.json', t.params)}>JSON</a></p>
      </>,
      { title: 'Trends' },
    );
  });

  app.get('/trends.json', (c) => {
    const t = parseTrendParams(db, c);
    return c.json({ ok: true, filters: t.params, rows: loadTrends(db, t.query) });
  });

  app.get('/trends.csv', (c) => {
    const t = parseTrendParams(db, c);
    const keys = ['period', 'supports', 'opposes', 'mixed', 'neutral', 'unrelated', 'total', 'net'] as const;
    const rows = loadTrends(db, t.query);
    return c.body(csvStream(keys.map((k) => ({ header: k, value: (r: TrendRow) => r[k] })), rows[Symbol.iterator]()), 200, {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': 'attachment; filename="stancewatch-trends.csv"',
    });
  });

  return app;
}
