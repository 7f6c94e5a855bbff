// Atom 1.0 feeds for any search, so a team can subscribe to "org:ADCS stance:opposes".

export interface AtomEntry {
  id: string;
  title: string;
  link: string;
  updated: string;
  author: string | null;
  content: string;
  /** The original article the entry's quote comes from. */
  related?: string;
}

export interface AtomFeed {
  id: string;
  title: string;
  selfLink: string;
  htmlLink: string;
  updated: string;
  entries: AtomEntry[];
}

// XML 1.0 forbids most control characters even when escaped; scraped text may contain them.
const INVALID_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

export function xmlEscape(s: string): string {
  return s
    .replace(INVALID_XML, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

/** ISO timestamp for Atom: a bare date becomes midnight UTC; anything unparseable falls back. */
export function atomDate(value: string | null, fallback: string): string {
  if (!value) return fallback;
  const d = new Date(/^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T00:00:00Z` : value);
  return Number.isNaN(d.getTime()) ? fallback : d.toISOString();
}

export function renderAtom(feed: AtomFeed): string {
  const entries = feed.entries.map(
    (e) => `  <entry>
    <id>${xmlEscape(e.id)}</id>
    <title type="text">${xmlEscape(e.title)}</title>
    <link rel="alternate" type="text/html" href="${xmlEscape(e.link)}"/>
${e.related ? `    <link rel="related" type="text/html" href="${xmlEscape(e.related)}"/>\n` : ''}    <updated>${xmlEscape(e.updated)}</updated>
${e.author ? `    <author><name>${xmlEscape(e.author)}</name></author>\n` : ''}    <content type="text">${xmlEscape(e.content)}</content>
  </entry>`,
  );
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <id>${xmlEscape(feed.id)}</id>
  <title type="text">${xmlEscape(feed.title)}</title>
  <link rel="self" type="application/atom+xml" href="${xmlEscape(feed.selfLink)}"/>
  <link rel="alternate" type="text/html" href="${xmlEscape(feed.htmlLink)}"/>
  <updated>${xmlEscape(feed.updated)}</updated>
  <generator>stancewatch</generator>
${entries.join('\n')}
</feed>
`;
}
