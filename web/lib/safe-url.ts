// Scraped links are hostile: only http(s) URLs become hrefs; anything else (javascript:, data:, junk) is dropped.

export function safeHref(raw: string | null | undefined): string | null {
  if (!raw) return null;
  try {
    const url = new URL(raw.trim());
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

/** Where an article without a registry source came from (an imported file): its site, or 'local file'. */
export function siteName(raw: string | null | undefined): string {
  try {
    const u = new URL((raw ?? '').trim());
    return u.protocol === 'file:' ? 'local file' : u.hostname.replace(/^www\./, '') || 'unknown';
  } catch {
    return 'unknown';
  }
}
