// How a timeline quote looks in each format: the JSON object, the CSV columns, the Atom entry.
import type { TimelineQuote } from '../../src/db/timeline.ts';
import type { ArticleListRow } from '../../src/db/article-list.ts';
import type { CsvColumn } from './csv.ts';
import { atomDate, type AtomEntry } from './atom.ts';
import { safeHref } from './safe-url.ts';

/** Only a direct quote goes between quotation marks: reported speech in marks would misquote the speaker. */
export const inQuoteMarks = (text: string, kind: string): string => (kind === 'direct' ? `“${text}”` : text);

export function quoteJson(q: TimelineQuote, origin: string) {
  return {
    id: q.id,
    permalink: `${origin}/quotes/${q.id}`,
    text: q.text,
    kind: q.kind,
    placement: q.placement,
    stance: q.stance,
    stance_confidence: q.stance_confidence,
    speaker: { name: q.person_name ?? q.speaker_name, slug: q.person_slug, quoted_as: q.speaker_name },
    role: q.role,
    organisation: { name: q.org_name ?? q.speaker_org, slug: q.org_slug },
    published_at: q.published_at,
    source: { id: q.source_id, name: q.source_name },
    article: { id: q.article_id, title: q.article_title, page: `${origin}/articles/${q.article_id}`, url: safeHref(q.original_url ?? q.article_url) },
  };
}

export const quoteCsvColumns = (origin: string): CsvColumn<TimelineQuote>[] => [
  { header: 'id', value: (q) => q.id },
  { header: 'published_at', value: (q) => q.published_at },
  { header: 'speaker', value: (q) => q.person_name ?? q.speaker_name },
  { header: 'role', value: (q) => q.role },
  { header: 'organisation', value: (q) => q.org_name ?? q.speaker_org },
  { header: 'stance', value: (q) => q.stance },
  { header: 'kind', value: (q) => q.kind },
  { header: 'placement', value: (q) => q.placement },
  { header: 'text', value: (q) => q.text },
  { header: 'article_title', value: (q) => q.article_title },
  { header: 'article_url', value: (q) => q.original_url ?? q.article_url },
  { header: 'source', value: (q) => q.source_name ?? q.source_id },
  { header: 'permalink', value: (q) => `${origin}/quotes/${q.id}` },
];

export function quoteAtomEntry(q: TimelineQuote, origin: string, now: string): AtomEntry {
  const speaker = q.person_name ?? q.speaker_name;
  const org = q.org_name ?? q.speaker_org;
  const short = q.text.length > 120 ? `${q.text.slice(0, 117)}…` : q.text;
  const original = safeHref(q.original_url ?? q.article_url);
  return {
    id: `${origin}/quotes/${q.id}`,
    title: `${speaker ?? 'Unattributed'}${org ? ` (${org})` : ''}: ${short}`,
    link: `${origin}/quotes/${q.id}`,
    updated: atomDate(q.published_at, now),
    author: speaker,
    related: original ?? undefined,
    content: `${q.kind === 'direct' ? '' : q.kind === 'indirect' ? 'Reported: ' : 'Partly quoted: '}${inQuoteMarks(q.text, q.kind)} ` +
      `(${[speaker, q.role, org].filter(Boolean).join(', ')}; stance: ${q.stance}) In "${q.article_title}"${q.source_name ? `, ${q.source_name}` : ''}` +
      `${original ? `: ${original}` : ''}.`,
  };
}

export function articleJson(a: ArticleListRow, origin: string) {
  return {
    id: a.id,
    page: `${origin}/articles/${a.id}`,
    title: a.title,
    url: safeHref(a.original_url ?? a.url),
    published_at: a.published_at,
    byline: a.byline,
    partial: !!a.partial,
    withdrawn: !!a.withdrawn,
    source: { id: a.source_id, name: a.source_name },
    quote_count: a.quote_count,
  };
}

export const articleCsvColumns = (origin: string): CsvColumn<ArticleListRow>[] => [
  { header: 'id', value: (a) => a.id },
  { header: 'published_at', value: (a) => a.published_at },
  { header: 'title', value: (a) => a.title },
  { header: 'byline', value: (a) => a.byline },
  { header: 'source', value: (a) => a.source_name ?? a.source_id },
  { header: 'url', value: (a) => a.original_url ?? a.url },
  { header: 'quotes', value: (a) => a.quote_count },
  { header: 'partial', value: (a) => (a.partial ? 'yes' : 'no') },
  { header: 'page', value: (a) => `${origin}/articles/${a.id}` },
];
