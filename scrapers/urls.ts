// Links in scraped documents are untrusted: only absolute http(s) URLs leave a scraper.

/** `href` resolved against `base`, without its fragment, or null unless it is http(s). */
export function httpUrl(href: string | null | undefined, base: string): string | null {
  if (!href?.trim()) return null;
  try {
    const u = new URL(href.trim(), base);
    u.hash = '';
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : null;
  } catch {
    return null;
  }
}

/** A site-relative path from an API ("/government/news/x") on `base`; anything that leaves the site is refused. */
export function sitePath(path: string, base: string): string | null {
  return path.startsWith('/') && !path.startsWith('//') ? httpUrl(path, base) : null;
}
