// The page frame every HTML page shares: skip link, header navigation, main landmark, footer.
import type { Child } from 'hono/jsx';
import type { Context } from 'hono';
import type { AdminSession, AppEnv } from '../lib/auth.ts';

export interface PageProps {
  title: string;
  /** Atom feed for the current search, advertised to feed readers. */
  feed?: string;
  description?: string;
}

declare module 'hono' {
  interface ContextRenderer {
    (content: string | Promise<string>, props: PageProps): Response | Promise<Response>;
  }
}

const NAV = [
  ['/', 'Quotes'],
  ['/articles', 'Articles'],
  ['/organisations', 'Organisations'],
  ['/speakers', 'Speakers'],
  ['/trends', 'Trends'],
  ['/sources', 'Sources'],
  ['/help', 'Search help'],
] as const;

/** What the frame needs to know about the request. */
export interface FrameState {
  path: string;
  admin: AdminSession | null;
  csrf: string | null;
  adminEnabled: boolean;
}

export function frameState(c: Context<AppEnv>): FrameState {
  return { path: c.req.path, admin: c.get('admin') ?? null, csrf: c.get('csrf') ?? null, adminEnabled: c.get('auth')?.enabled ?? false };
}

function AdminBox({ frame }: { frame: FrameState }) {
  const admin = frame.admin;
  if (!admin) return frame.adminEnabled ? <a class="admin-link" href="/admin/login">Admin log in</a> : null;
  return (
    <form method="post" action="/admin/logout" class="admin-box">
      <span>Admin: {admin.actor}</span>
      <input type="hidden" name="_csrf" value={frame.csrf ?? ''} />
      <button type="submit" class="link-button">Log out</button>
    </form>
  );
}

export function Layout(props: PageProps & { frame: FrameState; children?: Child }) {
  const path = props.frame.path;
  return (
    <html lang="en-GB">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${props.title} · stancewatch`}</title>
        {props.description && <meta name="description" content={props.description} />}
        <link rel="stylesheet" href="/static/style.css" />
        <link rel="icon" href="/static/favicon.svg" type="image/svg+xml" />
        {props.feed && <link rel="alternate" type="application/atom+xml" title="Atom feed for this search" href={props.feed} />}
        <script src="/static/app.js" defer></script>
      </head>
      <body>
        <a class="skip-link" href="#main">Skip to content</a>
        <header class="site-header">
          <a class="brand" href="/">stancewatch</a>
          <nav aria-label="Main">
            <ul>
              {NAV.map(([href, label]) => (
                <li><a href={href} aria-current={path === href ? 'page' : undefined}>{label}</a></li>
              ))}
            </ul>
          </nav>
          <AdminBox frame={props.frame} />
        </header>
        <main id="main" tabindex={-1}>{props.children}</main>
        <footer class="site-footer">
          <p>stancewatch tracks what people say about Ofsted's inspection of children's services in UK news. Quotes, speakers and stances are found automatically and may be wrong: check the original article before citing.</p>
          <p><a href="/help#api">JSON, CSV and Atom</a> · <a href="/corrections.csv">Corrections (CSV)</a></p>
        </footer>
      </body>
    </html>
  );
}
