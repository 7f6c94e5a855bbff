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

/** The source an article is shown under: its registry source, else (an imported file) the site of its URL. */
export function sourceLabel(row: { source_name?: string | null; source_id?: string | null }, url: string | null | undefined): string {
  return row.source_name ?? row.source_id ?? siteName(url);
}

/** Where an article without a registry source came from: its site, or 'local file'. */
function siteName(raw: string | null | undefined): string {
  try {
    const u = new URL((raw ?? '').trim());
    return u.protocol === 'file:' ? 'local file' : u.hostname.replace(/^www\./, '') || 'unknown';
  } catch {
    return 'unknown';
  }
}
