// Who is quoted: /organisations and /speakers, most quoted first, as HTML, JSON and CSV. Counts are cached
// briefly: they read every quote.
import { Hono, type Context } from 'hono';
import { dataVersion, type DB } from '../../src/db/connection.ts';
import { organisationDirectory, speakerDirectory, type DirectoryRow } from '../../src/db/directory.ts';
import type { AppEnv } from '../lib/auth.ts';
import { csvStream } from '../lib/csv.ts';
import { TtlCache } from '../lib/ttl-cache.ts';

interface Kind {
  path: '/organisations' | '/speakers';
  title: string;
  load: (db: DB) => DirectoryRow[];
}

const KINDS: Kind[] = [
  { path: '/organisations', title: 'Organisations', load: organisationDirectory },
  { path: '/speakers', title: 'Speakers', load: (db) => speakerDirectory(db) },
];

function DirectoryPage({ kind, rows }: { kind: Kind; rows: DirectoryRow[] }) {
  return (
    <>
      <h1>{kind.title}</h1>
      <p>Most quoted first. Each links to a profile with roles, stance over time and latest quotes. <a href={`${kind.path}.csv`} download>CSV</a> · <a href={`${kind.path}.json`}>JSON</a></p>
      {rows.length === 0 ? <p class="empty">None yet.</p> : (
        <div class="table-wrap">
          <table>
            <caption class="visually-hidden">{kind.title} and how often they are quoted</caption>
            <thead><tr><th scope="col">Name</th><th scope="col">Quotes</th></tr></thead>
            <tbody>
              {rows.map((r) => (
                <tr>
                  <th scope="row"><a href={`${kind.path}/${encodeURIComponent(r.slug)}`}>{r.name}</a>{r.acronym && r.acronym !== r.name ? <span class="subtle"> ({r.acronym})</span> : null}</th>
                  <td>{r.quotes.toLocaleString('en-GB')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}

export function directoryRoutes(db: DB): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const cache = new TtlCache<DirectoryRow[]>(60_000, { version: () => dataVersion(db) });
  for (const kind of KINDS) {
    const rows = () => cache.get(kind.path, () => kind.load(db));
    app.get(kind.path, (c: Context<AppEnv>) => c.render(<DirectoryPage kind={kind} rows={rows()} />, { title: kind.title }));
    app.get(`${kind.path}.json`, (c) => c.json({ ok: true, rows: rows() }));
    app.get(`${kind.path}.csv`, (c) =>
      c.body(csvStream((['slug', 'name', 'acronym', 'quotes'] as const).map((k) => ({ header: k, value: (r: DirectoryRow) => r[k] })), rows()[Symbol.iterator]()), 200, {
        'Content-Type': 'text/csv; charset=utf-8',
        'Content-Disposition': `attachment; filename="stancewatch${kind.path.replace('/', '-')}.csv"`,
      }),
    );
  }
  return app;
}
