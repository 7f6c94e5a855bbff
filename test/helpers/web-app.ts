// Builds the web app over a fixture database, with an admin token, for tests that call app.request().
import { createApp } from '../../web/app.tsx';
import { loadConfig } from '../../src/config.ts';
import { silentLogger } from '../../src/log.ts';
import type { DB } from '../../src/db/connection.ts';

export const ADMIN_TOKEN = 'test-admin-token-123';

export function testApp(db: DB, opts: { adminToken?: string; crawlNow?: (id: string) => Promise<unknown> } = {}) {
  const config = loadConfig({ STANCEWATCH_ADMIN_TOKEN: opts.adminToken ?? ADMIN_TOKEN });
  return createApp({ db, config, log: silentLogger, crawlNow: opts.crawlNow });
}

/** Cookies from Set-Cookie headers, as a Cookie header value (later ones replace earlier ones). */
export function cookieJar() {
  const jar = new Map<string, string>();
  return {
    absorb(res: Response) {
      for (const c of res.headers.getSetCookie()) {
        const [pair] = c.split(';');
        const [name, ...rest] = pair!.split('=');
        const value = rest.join('=');
        if (value === '' || /max-age=0/i.test(c)) jar.delete(name!.trim());
        else jar.set(name!.trim(), value);
      }
    },
    header(): string {
      return [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
    },
  };
}

/** The value of a hidden input in an HTML page. */
export function hiddenValue(html: string, name: string): string {
  const m = new RegExp(`name="${name}" value="([^"]*)"`).exec(html);
  if (!m) throw new Error(`no hidden input ${name}`);
  return m[1]!;
}

export function form(data: Record<string, string>): URLSearchParams {
  return new URLSearchParams(data);
}
