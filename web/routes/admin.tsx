// Admin log in and out, the admin overview, and the corrections export (public: corrections are evaluation data).
import { Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { DB } from '../../src/db/connection.ts';
import type { Logger } from '../../src/log.ts';
import { iterateCorrections, type CorrectionExportRow } from '../../src/db/corrections.ts';
import { formText, requireAdmin, type AppEnv } from '../lib/auth.ts';
import { csvStream, type CsvColumn } from '../lib/csv.ts';
import { openExportConnection } from '../../src/db/timeline.ts';
import { ErrorBox } from '../views/components.tsx';

const COLUMNS: CsvColumn<CorrectionExportRow>[] = (
  ['id', 'created_at', 'actor', 'field', 'old_value', 'new_value', 'reason', 'quote_id', 'article_id', 'quote_start', 'quote_end', 'person_id', 'article_url', 'quote_text'] as const
).map((k) => ({ header: k, value: (r: CorrectionExportRow) => r[k] }));

function LoginForm({ csrf, error, enabled }: { csrf: string; error?: string; enabled: boolean }) {
  if (!enabled) return <p>Admin is switched off: set <code>STANCEWATCH_ADMIN_TOKEN</code> and restart to enable corrections.</p>;
  return (
    <form method="post" action="/admin/login" class="login-form">
      {error && <ErrorBox message={error} />}
      <input type="hidden" name="_csrf" value={csrf} />
      <div class="field"><label for="l-name">Your name (recorded with each correction)</label><input id="l-name" name="name" required maxlength={100} autocomplete="name" /></div>
      <div class="field"><label for="l-token">Admin token</label><input id="l-token" name="token" type="password" required autocomplete="current-password" /></div>
      <button type="submit">Log in</button>
    </form>
  );
}

export function adminRoutes(db: DB, log: Logger): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const auth = (c: { get: (k: 'auth') => AppEnv['Variables']['auth'] }) => c.get('auth');

  app.get('/admin/login', (c) => {
    const a = auth(c);
    return c.render(<><h1>Admin log in</h1><LoginForm csrf={a.enabled ? a.loginCsrf(c) : ''} enabled={a.enabled} /></>, { title: 'Admin log in' });
  });

  app.post('/admin/login', async (c) => {
    const a = auth(c);
    if (!a.enabled) throw new HTTPException(401, { message: 'Admin is switched off on this server.' });
    if (!a.checkLoginCsrf(c, await formText(c, '_csrf'))) throw new HTTPException(403, { message: 'This form has expired. Reload the log-in page and try again.' });
    const name = (await formText(c, 'name')).trim().slice(0, 100);
    if (!a.checkToken(await formText(c, 'token')) || !name) {
      log.warn('admin login failed', { url: c.req.path });
      c.status(401);
      return c.render(<><h1>Admin log in</h1><LoginForm csrf={a.loginCsrf(c)} enabled error={!name ? 'Please give your name.' : 'That token is not right.'} /></>, { title: 'Admin log in' });
    }
    await a.startSession(c, name);
    log.info('admin logged in', { actor: name });
    return c.redirect('/admin', 303);
  });

  app.post('/admin/logout', requireAdmin(), (c) => {
    auth(c).endSession(c);
    return c.redirect('/', 303);
  });

  app.get('/admin', (c) => {
    const admin = c.get('admin');
    if (!admin) throw new HTTPException(401, { message: 'You need to log in as an admin to see this page.' });
    const recent = (db.prepare('SELECT count(*) AS n FROM corrections').get() as { n: number }).n;
    return c.render(
      <>
        <h1>Admin</h1>
        <p>You are logged in as <strong>{admin.actor}</strong>. Corrections you make are recorded under this name.</p>
        <ul>
          <li>To correct a quote's speaker, organisation or stance, open the quote's page (its permalink) and use the form at the bottom.</li>
          <li>To merge or split people, open the speaker's page.</li>
          <li>To crawl a source now, use the <a href="/sources">sources page</a>.</li>
        </ul>
        <p>{recent} corrections so far: <a href="/corrections.csv">download them as CSV</a>.</p>
      </>,
      { title: 'Admin' },
    );
  });

  app.get('/corrections.json', (c) => c.json({ ok: true, rows: [...iterateCorrections(db)] }));

  app.get('/corrections.csv', (c) => {
    const reader = openExportConnection(db);
    const rows = iterateCorrections(reader ?? db);
    // An in-memory database cannot be reopened; its (small) corrections table is read at once instead.
    const source = reader ? rows : [...rows][Symbol.iterator]();
    return c.body(csvStream(COLUMNS, source, () => reader?.close()), 200, {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': 'attachment; filename="stancewatch-corrections.csv"',
    });
  });

  return app;
}
