// Stance over time, overall, for one organisation, and organisation by organisation: volume by stance and net
// stance as SVG charts with a data table, and the same data as .json and .csv. The query is src/db/trends.ts.
import { Hono, type Context } from 'hono';
import type { DB } from '../../src/db/connection.ts';
import { BadRequest } from '../../src/errors.ts';
import { organisationBySlug, organisationOptions } from '../../src/db/profiles.ts';
import { checkDate } from '../../src/db/search.ts';
import { stanceTrends, type TrendOptions, type TrendRow } from '../../src/db/trends.ts';
import type { AppEnv } from '../lib/auth.ts';
import { urlWith } from '../lib/params.ts';
import { csvStream } from '../lib/csv.ts';
import { NetChart, TrendTable, VolumeChart, fmtNet } from '../views/stance-chart.tsx';

const PERIODS = ['month', 'quarter'] as const;
const SMALL_MULTIPLES = 4;

interface TrendParams {
  orgName: string | null;
  opts: TrendOptions;
  params: Record<string, string>;
}

function parseTrendParams(db: DB, c: Context): TrendParams {
  const q = c.req.query();
  const params: Record<string, string> = {};
  const opts: TrendOptions = { groupBy: 'none' };
  let orgName: string | null = null;
  // Ignoring it would answer with everyone's trend as if it were the speaker's.
  if (q.speaker) throw new BadRequest(`Trends here are by organisation. A speaker's stance over time is on their page, /speakers/${encodeURIComponent(q.speaker.slice(0, 80).toLowerCase())}.json, and in "stancewatch trends --speaker".`);
  if (q.org) {
    const o = organisationBySlug(db, q.org.toLowerCase());
    if (!o) throw new BadRequest(`There is no organisation "${q.org.slice(0, 80)}".`);
    orgName = o.name;
    params.org = opts.org = o.slug;
  }
  if (q.from) params.from = opts.from = checkDate('from', q.from);
  if (q.to) params.to = opts.to = checkDate('to', q.to);
  if (q.period) {
    if (!(PERIODS as readonly string[]).includes(q.period)) throw new BadRequest(`period must be one of ${PERIODS.join(', ')}.`);
    params.period = q.period;
    opts.by = q.period as TrendOptions['by'];
  }
  return { orgName, opts, params };
}

/** Per-organisation rows, largest organisations first, each with its periods in order. */
function byOrganisation(db: DB, opts: TrendOptions): { slug: string; name: string; total: number; rows: TrendRow[] }[] {
  const groups = new Map<string, { slug: string; name: string; total: number; rows: TrendRow[] }>();
  for (const r of stanceTrends(db, { ...opts, org: undefined, groupBy: 'organisation' })) {
    if (!r.group) continue;
    const g = groups.get(r.group) ?? { slug: r.group, name: r.groupName ?? r.group, total: 0, rows: [] };
    g.total += r.total;
    g.rows.push(r);
    groups.set(r.group, g);
  }
  return [...groups.values()].sort((a, b) => b.total - a.total);
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

function OrganisationMultiples({ groups, params, period }: { groups: ReturnType<typeof byOrganisation>; params: Record<string, string>; period: string }) {
  if (!groups.length) return null;
  return (
    <section aria-labelledby="by-org-h">
      <h2 id="by-org-h">By organisation</h2>
      <div class="table-wrap">
        <table>
          <caption>Organisations by number of quotes, with their net stance over the whole range</caption>
          <thead><tr><th scope="col">Organisation</th><th scope="col">Quotes</th><th scope="col">Net stance</th></tr></thead>
          <tbody>
            {groups.slice(0, 15).map((g) => {
              const s = g.rows.reduce((a, r) => ({ sup: a.sup + r.supports, opp: a.opp + r.opposes, pos: a.pos + r.positioned }), { sup: 0, opp: 0, pos: 0 });
              return <tr><th scope="row"><a href={urlWith('/trends', { ...params, org: g.slug })}>{g.name}</a></th><td>{g.total}</td><td>{fmtNet(s.pos ? (s.sup - s.opp) / s.pos : null)}</td></tr>;
            })}
          </tbody>
        </table>
      </div>
      {groups.slice(0, SMALL_MULTIPLES).map((g, i) => (
        <>
          <h3><a href={urlWith('/trends', { ...params, org: g.slug })}>{g.name}</a></h3>
          <NetChart id={`org-${i}`} title={`Net stance per ${period}: ${g.name}`} rows={g.rows} />
        </>
      ))}
    </section>
  );
}

export function trendRoutes(db: DB): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  app.get('/trends', (c) => {
    const t = parseTrendParams(db, c);
    const rows = stanceTrends(db, t.opts);
    const who = t.orgName ?? 'everyone quoted';
    const period = t.opts.by ?? 'month';
    return c.render(
      <>
        <h1>Stance over time{t.orgName && <span class="subtle">: {t.orgName}</span>}</h1>
        <p>How often {who} {t.orgName ? 'is' : 'are'} quoted about Ofsted's inspection regime, and which way the quotes lean. Net stance is (supportive − opposed) ÷ quotes that took a position, from −1 (all opposed) to +1 (all supportive).</p>
        <TrendForm db={db} params={t.params} />
        {rows.length === 0 ? <p class="empty">No dated quotes in this range.</p> : (
          <>
            <h2>Volume by stance</h2>
            <VolumeChart id="volume" title={`Quotes per ${period} by stance: ${who}`} rows={rows} />
            <h2>Net stance</h2>
            <NetChart id="net" title={`Net stance per ${period}: ${who}`} rows={rows} />
            <TrendTable rows={rows} caption={`Stance by ${period}: ${who}`} />
          </>
        )}
        {!t.orgName && <OrganisationMultiples groups={byOrganisation(db, t.opts)} params={t.params} period={period} />}
        <p class="exports">Export: <a href={urlWith('/trends.csv', t.params)} download>CSV</a> · <a href={urlWith('/trends.json', t.params)}>JSON</a></p>
      </>,
      { title: 'Trends' },
    );
  });

  /** Without an organisation the data is per organisation (group = its slug); with one, it is that organisation's,
   * and each row still names it, so exports for several organisations can be put together. */
  const data = (t: TrendParams): TrendRow[] => {
    if (!t.opts.org) return stanceTrends(db, { ...t.opts, groupBy: 'organisation' });
    return stanceTrends(db, { ...t.opts, groupBy: 'none' }).map((r) => ({ ...r, group: t.opts.org!, groupName: t.orgName }));
  };

  app.get('/trends.json', (c) => {
    const t = parseTrendParams(db, c);
    return c.json({ ok: true, filters: t.params, rows: data(t) });
  });

  app.get('/trends.csv', (c) => {
    const t = parseTrendParams(db, c);
    const keys = ['period', 'group', 'groupName', 'supports', 'opposes', 'mixed', 'neutral', 'unrelated', 'total', 'positioned', 'net'] as const;
    return c.body(csvStream(keys.map((k) => ({ header: k === 'groupName' ? 'organisation' : k === 'group' ? 'organisation_slug' : k, value: (r: TrendRow) => r[k] })), data(t)[Symbol.iterator]()), 200, {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': 'attachment; filename="stancewatch-trends.csv"',
    });
  });

  return app;
}
