// Source health: last run, last success, consecutive failures, last error, items collected; admins can
// start a crawl of one source now when the scheduler is running.
import { Hono } from 'hono';
import type { DB } from '../../src/db/connection.ts';
import { NotFound } from '../../src/errors.ts';
import type { Logger } from '../../src/log.ts';
import { recentCrawlErrors, recentCrawlRuns, sourceHealth, type SourceHealth } from '../../src/db/source-health.ts';
import { requireAdmin, type AppEnv } from '../lib/auth.ts';
import { csvStream } from '../lib/csv.ts';
import { formatDate } from '../lib/dates.ts';
import { ExternalLink } from '../views/components.tsx';

function when(iso: string | null): string {
  if (!iso) return 'never';
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : `${formatDate(iso)} ${d.toISOString().slice(11, 16)} UTC`;
}

function Health({ s }: { s: SourceHealth }) {
  // `stancewatch import --source ID` files articles under a source that is never crawled: not a broken one.
  if (s.kind === 'import') return <span class="badge health-off">imported files</span>;
  if (!s.enabled) return <span class="badge health-off">disabled</span>;
  if (!s.last_run_at) return <span class="badge health-new">not crawled yet</span>;
  if (s.consecutive_failures > 0) return <span class="badge health-bad">failing ×{s.consecutive_failures}</span>;
  return <span class="badge health-ok">ok</span>;
}

export function sourceRoutes(db: DB, crawlNow: ((id: string) => Promise<unknown>) | undefined, log: Logger): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  app.get('/sources', (c) => {
    const sources = sourceHealth(db);
    const runs = recentCrawlRuns(db, 20);
    const errors = recentCrawlErrors(db, 20);
    const csrf = c.get('csrf');
    const started = c.req.query('started');
    return c.render(
      <>
        <h1>Sources</h1>
        {started && <p class="notice" role="status">A crawl of {started} has started. Reload this page to see how it went.</p>}
        <div class="table-wrap">
          <table class="sources">
            <caption>Health of each source, failing sources first</caption>
            <thead><tr><th scope="col">Source</th><th scope="col">Health</th><th scope="col">Last run</th><th scope="col">Last success</th><th scope="col">Articles</th><th scope="col">Last error</th>{csrf && crawlNow ? <th scope="col">Admin</th> : null}</tr></thead>
            <tbody>
              {sources.map((s) => (
                <tr>
                  <th scope="row"><a href={`/?source=${encodeURIComponent(s.id)}`}>{s.name}</a> <span class="subtle">{s.kind}</span></th>
                  <td><Health s={s} /></td>
                  <td>{when(s.last_run_at)}{s.last_status ? ` (${s.last_status}${s.last_items_new !== null ? `, ${s.last_items_new} new` : ''}${s.last_items_failed ? `, ${s.last_items_failed} failed` : ''})` : ''}</td>
                  <td>{when(s.last_success_at)}</td>
                  <td>{s.article_count.toLocaleString('en-GB')}</td>
                  <td class="error-cell">{s.last_error ?? '—'}</td>
                  {csrf && crawlNow ? (s.kind === 'import' ? <td></td> : (
                    <td>
                      <form method="post" action={`/sources/${encodeURIComponent(s.id)}/crawl`}>
                        <input type="hidden" name="_csrf" value={csrf} />
                        <button type="submit">Crawl now<span class="visually-hidden"> {s.name}</span></button>
                      </form>
                    </td>
                  )) : null}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        {sources.length === 0 && <p class="empty">No sources are registered yet.</p>}
        <h2>Recent crawl runs</h2>
        {runs.length === 0 ? <p>No crawls yet.</p> : (
          <ul class="runs">{runs.map((r) => <li>{when(r.started_at)} · {r.source_id} · {r.status} · {r.items_new} new, {r.items_updated} updated, {r.items_failed} failed{r.error ? ` · ${r.error}` : ''}</li>)}</ul>
        )}
        <h2>Recent errors</h2>
        {errors.length === 0 ? <p>No recent errors.</p> : (
          <ul class="runs">{errors.map((e) => <li>{when(e.at)} · {e.source_id} · {e.url ? <ExternalLink href={e.url}>{e.url}</ExternalLink> : null} · {e.reason}</li>)}</ul>
        )}
      </>,
      { title: 'Sources' },
    );
  });

  app.get('/sources.json', (c) => c.json({ ok: true, rows: sourceHealth(db), runs: recentCrawlRuns(db, 50), errors: recentCrawlErrors(db, 50) }));

  app.get('/sources.csv', (c) => {
    const keys = ['id', 'name', 'kind', 'enabled', 'last_run_at', 'last_success_at', 'consecutive_failures', 'last_error', 'next_attempt_at', 'items_total', 'article_count', 'last_status'] as const;
    return c.body(csvStream(keys.map((k) => ({ header: k, value: (s: SourceHealth) => s[k] })), sourceHealth(db)[Symbol.iterator]()), 200, {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': 'attachment; filename="stancewatch-sources.csv"',
    });
  });

  app.post('/sources/:id/crawl', requireAdmin(), (c) => {
    const id = c.req.param('id');
    if (!crawlNow) throw new NotFound('Crawling on demand is only available while the scheduler runs.');
    if (!sourceHealth(db).some((s) => s.id === id)) throw new NotFound(`There is no source "${id}".`);
    log.info('crawl requested', { source: id, actor: c.get('admin')!.actor });
    crawlNow(id).catch((err) => log.error('requested crawl failed', { source: id, error: err }));
    return c.redirect(`/sources?started=${encodeURIComponent(id)}`, 303);
  });

  return app;
}
