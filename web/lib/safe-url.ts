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
