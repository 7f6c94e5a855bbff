// One spelling per article URL, so the same page reached through a feed, a share link or a listing is stored once.

/** Query parameters that only track where a click came from. */
const TRACKING_PARAM = /^(utm_[a-z_]+|fbclid|gclid|dclid|msclkid|mc_cid|mc_eid|_hsenc|_hsmi|igshid|cmpid|ocid|at_medium|at_campaign)$/i;

/**
 * Normalises a URL: lower-case host without a default port, no fragment, no tracking parameters,
 * remaining parameters sorted, no trailing slash (except the root). Returns the input unchanged
 * when it is not an absolute http(s) URL.
 */
export function canonicalUrl(url: string): string {
  let u: URL;
  try {
    u = new URL(url.trim());
  } catch {
    return url;
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') return url;
  u.hash = '';
  u.hostname = u.hostname.toLowerCase().replace(/\.$/, '');
  const kept = [...u.searchParams].filter(([k]) => !TRACKING_PARAM.test(k)).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  u.search = new URLSearchParams(kept).toString();
  if (u.pathname.length > 1) u.pathname = u.pathname.replace(/\/+$/, '') || '/';
  return u.href;
}

const bareHost = (h: string) => h.toLowerCase().replace(/^www\./, '');

/**
 * The URL to store a page under: its declared rel=canonical when that is believable (same site, and not
 * the site's home page standing in for an article; any http(s) claim for a saved file), else the URL it was
 * fetched from.
 */
export function chooseCanonicalUrl(fetchedUrl: string, declared: string | null | undefined): string {
  if (!declared) return canonicalUrl(fetchedUrl);
  try {
    const page = new URL(fetchedUrl);
    const claim = new URL(declared, fetchedUrl);
    // A saved page (file:) has no site of its own: its declared address is the best one there is.
    if (page.protocol !== 'http:' && page.protocol !== 'https:') return canonicalUrl(claim.href);
    const sameSite = bareHost(page.hostname) === bareHost(claim.hostname);
    const homeForArticle = claim.pathname === '/' && page.pathname !== '/';
    return canonicalUrl(sameSite && !homeForArticle ? claim.href : page.href);
  } catch {
    return canonicalUrl(fetchedUrl);
  }
}
